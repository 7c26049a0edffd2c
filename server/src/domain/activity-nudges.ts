/**
 * Activity nudges (倒逼代表小组开展活动): for a month and "now", which stations
 * and deputy groups had no activity, which follow-up cases are overdue, and
 * what is due in the coming week; and the weekly digest made of it. Pure: the
 * service loads the facts (services/duty-and-scoring/activity-nudges.ts).
 *
 * Activity (the one definition, `activityOf`): a reception day at the venue
 * starting in the month that was held or is still to come — any status but
 * SCHEDULED, or SCHEDULED and not yet over (a scheduled day that passed without
 * opening did not happen) — or a duty activity (DutyActivity: training, visit,
 * survey…) recorded at the venue and dated in the month. Every session counts
 * as "a reception or forum"; when sessions carry a kind, split `sessions` here.
 * Only stations (STATION) are flagged; a group is flagged when none of its
 * venues (of any kind) had activity.
 */
import type { ActivityCount, DigestItem, GroupNudges, NudgeCase, NudgeCaseList, NudgeDay, NudgeReport, VenueNudges, WeeklyDigest } from "../protocol/nudges.ts";
import type { CaseStatus, SessionStatus, VenueKind } from "../protocol/model.ts";
import { effectiveDueAt, isOverdue, PENDING_CASE_STATUSES } from "./case-due.ts";
import { cnMonthOf, type Period } from "./cn-calendar.ts";

const DAY_MS = 24 * 60 * 60 * 1000;
export const NUDGE_HORIZON_DAYS = 7;
export const NUDGE_LIST_LIMIT = 20;

export interface NudgeFacts {
  venues: { id: string; name: string; town: string; kind: VenueKind; deputyGroupId: string | null }[];
  groups: { id: string; name: string; town: string }[];
  sessions: { id: string; venueId: string; title: string; startsAt: Date; endsAt: Date; status: SessionStatus; deputies: string[]; bookings: number }[];
  activities: { venueId: string; date: Date }[];
  /** pending cases (OPEN, ASSIGNED, IN_PROGRESS); others are ignored */
  cases: { id: string; trackingCode: string; venueId: string; category: string; status: CaseStatus; createdAt: Date; dueAt: Date | null }[];
}

export interface NudgeRules {
  month: Period;
  now: Date;
  defaultDueDays: number;
  /** the venues the reader may see (null = all); groups still count all their venues' activity */
  shown?: ReadonlySet<string> | null;
}

const within = (d: Date, p: Period) => d >= p.from && d < p.to;

/** Whether a session counts as activity at `now`: held (or running), or still to come. */
export function sessionCounts(s: Pick<NudgeFacts["sessions"][number], "status" | "endsAt">, now: Date): boolean {
  return s.status !== "SCHEDULED" || s.endsAt > now;
}

/** Activity at these venues in the month: the one place that decides what counts. */
export function activityOf(venueIds: ReadonlySet<string>, facts: Pick<NudgeFacts, "sessions" | "activities">, month: Period, now: Date): ActivityCount {
  return {
    sessions: facts.sessions.filter((s) => venueIds.has(s.venueId) && within(s.startsAt, month) && sessionCounts(s, now)).length,
    dutyActivities: facts.activities.filter((a) => venueIds.has(a.venueId) && within(a.date, month)).length,
  };
}

const isIdle = (a: ActivityCount) => a.sessions + a.dutyActivities === 0;

function caseList(cases: NudgeCase[]): NudgeCaseList {
  const sorted = [...cases].sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.trackingCode.localeCompare(b.trackingCode));
  return { count: sorted.length, oldestDueAt: sorted[0]?.dueAt ?? null, cases: sorted.slice(0, NUDGE_LIST_LIMIT) };
}

export function nudgesOf(facts: NudgeFacts, rules: NudgeRules): NudgeReport {
  const { now, month, defaultDueDays } = rules;
  const weekEnd = new Date(now.getTime() + NUDGE_HORIZON_DAYS * DAY_MS);
  const shown = rules.shown ?? null;
  const venues: VenueNudges[] = facts.venues.filter((v) => !shown || shown.has(v.id)).map((v) => {
    const activity = activityOf(new Set([v.id]), facts, month, now);
    const overdue: NudgeCase[] = [];
    const dueSoon: NudgeCase[] = [];
    for (const c of facts.cases) {
      if (c.venueId !== v.id || !PENDING_CASE_STATUSES.includes(c.status)) continue;
      const due = effectiveDueAt(c, defaultDueDays);
      const item = { id: c.id, trackingCode: c.trackingCode, category: c.category, status: c.status, dueAt: due.toISOString() };
      if (isOverdue({ ...c, resolvedAt: null }, now, defaultDueDays)) overdue.push(item);
      else if (due < weekEnd) dueSoon.push(item);
    }
    const days: NudgeDay[] = facts.sessions
      .filter((s) => s.venueId === v.id && s.status !== "ENDED" && s.endsAt > now && s.startsAt < weekEnd)
      .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.id.localeCompare(b.id))
      .map((s) => ({ sessionId: s.id, title: s.title, startsAt: s.startsAt.toISOString(), deputies: s.deputies, noDeputies: s.deputies.length === 0, bookings: s.bookings }));
    return {
      venueId: v.id,
      name: v.name,
      town: v.town,
      kind: v.kind,
      deputyGroupId: v.deputyGroupId,
      activity,
      inactive: v.kind === "STATION" && isIdle(activity),
      overdue: caseList(overdue),
      dueSoon: caseList(dueSoon),
      days,
    };
  });
  const groups: GroupNudges[] = facts.groups
    .map((g) => {
      const venueIds = facts.venues.filter((v) => v.deputyGroupId === g.id).map((v) => v.id);
      const activity = activityOf(new Set(venueIds), facts, month, now);
      return { groupId: g.id, name: g.name, town: g.town, venueIds, activity, inactive: isIdle(activity) };
    })
    .filter((g) => g.venueIds.length > 0 && (!shown || g.venueIds.some((id) => shown.has(id))));
  const oldest = venues.map((v) => v.overdue.oldestDueAt).filter((d): d is string => d !== null).sort()[0] ?? null;
  return {
    month: cnMonthOf(month.from),
    from: month.from.toISOString(),
    to: month.to.toISOString(),
    at: now.toISOString(),
    weekEnd: weekEnd.toISOString(),
    venues,
    groups,
    totals: {
      inactiveVenues: venues.filter((v) => v.inactive).length,
      inactiveGroups: groups.filter((g) => g.inactive).length,
      overdue: venues.reduce((n, v) => n + v.overdue.count, 0),
      oldestOverdueDueAt: oldest,
      dueSoon: venues.reduce((n, v) => n + v.dueSoon.count, 0),
      daysWithoutDeputies: venues.reduce((n, v) => n + v.days.filter((d) => d.noDeputies).length, 0),
    },
  };
}

/**
 * One venue's weekly digest: the no-activity flag, overdue cases, cases due in
 * the coming week, and the coming week's days. Cases by tracking code, category
 * and due date only.
 */
export function digestOf(v: VenueNudges, month: string, week: string, at: Date, recipients: WeeklyDigest["recipients"]): WeeklyDigest {
  const items: DigestItem[] = [];
  if (v.inactive) items.push({ type: "no-activity", month, sessions: v.activity.sessions, dutyActivities: v.activity.dutyActivities });
  for (const c of v.overdue.cases) items.push({ type: "overdue-case", trackingCode: c.trackingCode, category: c.category, dueAt: c.dueAt });
  for (const c of v.dueSoon.cases) items.push({ type: "case-due", trackingCode: c.trackingCode, category: c.category, dueAt: c.dueAt });
  for (const d of v.days) items.push({ type: "day", ...d });
  return {
    kind: "weekly-digest",
    venueId: v.venueId,
    venueName: v.name,
    week,
    at: at.toISOString(),
    recipients,
    counts: { overdue: v.overdue.count, dueSoon: v.dueSoon.count, days: v.days.length },
    items,
  };
}
