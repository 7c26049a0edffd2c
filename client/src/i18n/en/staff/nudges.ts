import type { nudges as zh } from "../../zh-CN/staff/nudges.ts";

/** Activity nudges on the scoring page. English: exactly the keys of zh-CN/nudges.ts. */
export const nudges: Record<keyof typeof zh, string> = {
  "nudges.title": "Needs attention",
  "nudges.intro": "Stations and deputy groups with no reception day, forum or duty activity this month, follow-up cases past their due date, and what is due in the coming week. Staff also get a weekly digest.",
  "nudges.monthOf": "{month}/{year}",
  "nudges.allClear": "Every station and deputy group has had activity this month, no case is overdue and nothing is due in the coming week.",
  "nudges.inactiveStations": "Stations with no activity this month ({count})",
  "nudges.inactiveGroups": "Deputy groups with no activity this month ({count})",
  "nudges.noActivity": "no reception day, forum or duty activity",
  "nudges.overdue": "Overdue cases ({count})",
  "nudges.oldest": "the oldest was due {date}",
  "nudges.venueOverdue": "{count}, the oldest due {date}",
  "nudges.viewOverdue": "View",
  "nudges.viewAllOverdue": "View all overdue cases",
  "nudges.comingWeek": "The coming week",
  "nudges.dueSoon": "{venue}: cases due within 7 days: {count}",
  "nudges.noDeputies": "no deputy on duty yet",
  "nudges.bookings": "{n} booked",
  "nudges.viewSchedule": "Schedule",
} as const;
