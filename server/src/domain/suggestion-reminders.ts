/**
 * Deadline reminders of deputies' suggestions (docs/ARCHITECTURE.md §6e): the
 * lead department is reminded 15 days and 3 days before an assigned
 * suggestion's deadline, the office when it is overdue. Pure: the clock is an
 * argument. Only the nearest reminder owed goes out; the earlier ones are
 * passed over (a suggestion assigned with 10 days left gets no "15 days"
 * reminder after its "3 days" one, a node that was down sends only what is
 * still true).
 */
import { cnFormat } from "./cn-calendar.ts";

const DAY_MS = 24 * 60 * 60 * 1000;

export const REMINDER_KINDS = ["due15", "due3", "overdue"] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/** How long before the deadline each department reminder is owed. */
export const REMINDER_DAYS = { due15: 15, due3: 3 } as const;

/** The reminder owed at `now` for a deadline, and the earlier ones it makes pointless. */
export function reminderOwed(dueAt: Date, now: Date): { send: ReminderKind; skip: ReminderKind[] } | null {
  const left = dueAt.getTime() - now.getTime();
  if (left <= 0) return { send: "overdue", skip: ["due15", "due3"] };
  if (left <= REMINDER_DAYS.due3 * DAY_MS) return { send: "due3", skip: ["due15"] };
  if (left <= REMINDER_DAYS.due15 * DAY_MS) return { send: "due15", skip: [] };
  return null;
}

/** Whole days left, rounded up (a deadline 2.1 days away is "3 days"); 0 once it has passed. */
export function daysLeft(dueAt: Date, now: Date): number {
  return Math.max(0, Math.ceil((dueAt.getTime() - now.getTime()) / DAY_MS));
}

/** Whole days past the deadline, rounded up; 0 before it. */
export function daysOverdue(dueAt: Date, now: Date): number {
  return Math.max(0, Math.ceil((now.getTime() - dueAt.getTime()) / DAY_MS));
}

const ZH_DAY = cnFormat("zh-CN", { year: "numeric", month: "long", day: "numeric" });
const EN_DAY = cnFormat("en-GB", { year: "numeric", month: "short", day: "numeric" });

export interface ReminderSubject {
  number: string;
  title: string;
  departmentName: string;
  dueAt: Date;
}

/** The message in zh-CN, then English: what is due, when, and what to do. */
export function reminderText(kind: ReminderKind, s: ReminderSubject, now: Date): string {
  const zhDay = ZH_DAY.format(s.dueAt);
  const enDay = EN_DAY.format(s.dueAt);
  if (kind === "overdue") {
    const late = daysOverdue(s.dueAt, now);
    return (
      `【同心】代表建议 ${s.number}《${s.title}》已超过办理期限（${zhDay}到期，已超期 ${late} 天），承办单位：${s.departmentName}，请督办。` +
      ` / Suggestion ${s.number} is overdue (due ${enDay}, ${late} day${late === 1 ? "" : "s"} late; department: ${s.departmentName}). Please follow it up.`
    );
  }
  const left = daysLeft(s.dueAt, now);
  return (
    `【同心】${s.departmentName}：代表建议 ${s.number}《${s.title}》将于${zhDay}到期（还有 ${left} 天），请及时书面答复。` +
    ` / ${s.departmentName}: suggestion ${s.number} is due on ${enDay} (${left} day${left === 1 ? "" : "s"} left). Please answer it in writing in time.`
  );
}
