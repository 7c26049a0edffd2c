/**
 * Activity nudges (GET /api/insights/nudges): loads a month's facts for the
 * caller's venues and applies domain/activity-nudges.ts. Also what the weekly
 * digest (notify/weekly-digest.ts) and its admin preview read.
 */
import { nudgesOf, NUDGE_HORIZON_DAYS, type NudgeFacts } from "../../domain/activity-nudges.ts";
import { PENDING_CASE_STATUSES } from "../../domain/case-due.ts";
import { cnMonthOf, monthPeriod, type Period } from "../../domain/cn-calendar.ts";
import type { NudgeQuery, NudgeReport, WeeklyDigest } from "../../protocol/nudges.ts";
import { parseDeputies } from "../../store/views.ts";
import type { Db } from "../../store/prisma.ts";
import { BACK_OFFICE_ROLES, requireRole } from "../privacy-and-accounts/auth.ts";
import type { Actor, ServiceDeps } from "../deps.ts";
import { currentWeights } from "./scoring-weights.ts";
import { readableVenues } from "../privacy-and-accounts/venue-scope.ts";

const DAY_MS = 24 * 60 * 60 * 1000;

/** The nudges of `month` at `now` for the venues in `scope` (null = every venue). */
export async function computeNudges(deps: ServiceDeps, scope: string[] | null, month: Period, now: Date): Promise<NudgeReport> {
  const db = deps.db;
  const { weights } = await currentWeights(deps);
  const inScope = await db.venue.findMany({ where: scope ? { id: { in: scope } } : undefined, select: { id: true, deputyGroupId: true } });
  const groupIds = [...new Set(inScope.map((v) => v.deputyGroupId).filter((g): g is string => g !== null))];
  // A group's activity is counted over all its venues, also those outside the reader's scope (counts only).
  const [venues, groups] = await Promise.all([
    db.venue.findMany({
      where: { OR: [{ id: { in: inScope.map((v) => v.id) } }, { deputyGroupId: { in: groupIds } }] },
      select: { id: true, name: true, town: true, kind: true, deputyGroupId: true },
      orderBy: [{ town: "asc" }, { name: "asc" }],
    }),
    db.deputyGroup.findMany({ where: { id: { in: groupIds } }, select: { id: true, name: true, town: true }, orderBy: [{ town: "asc" }, { name: "asc" }] }),
  ]);
  const venueIds = venues.map((v) => v.id);
  const shownIds = inScope.map((v) => v.id);
  const weekEnd = new Date(now.getTime() + NUDGE_HORIZON_DAYS * DAY_MS);
  // The month's days, and the coming week's (a day running now started before now: reach a day back).
  const dayRanges = [
    { startsAt: { gte: month.from, lt: month.to } },
    { startsAt: { gte: new Date(now.getTime() - DAY_MS), lt: weekEnd } },
  ];
  const [sessions, activities, cases] = await Promise.all([
    db.receptionSession.findMany({
      where: { venueId: { in: venueIds }, OR: dayRanges },
      select: { id: true, venueId: true, title: true, startsAt: true, endsAt: true, status: true, deputies: true, _count: { select: { bookings: { where: { status: "BOOKED" } } } } },
    }),
    db.dutyActivity.findMany({ where: { venueId: { in: venueIds }, date: { gte: month.from, lt: month.to } }, select: { venueId: true, date: true } }),
    db.case.findMany({
      where: { venueId: { in: shownIds }, status: { in: [...PENDING_CASE_STATUSES] } },
      select: { id: true, trackingCode: true, venueId: true, category: true, status: true, createdAt: true, dueAt: true },
    }),
  ]);
  const facts: NudgeFacts = {
    venues,
    groups,
    sessions: sessions.map(({ _count, deputies, ...s }) => ({ ...s, deputies: parseDeputies(deputies), bookings: _count.bookings })),
    activities,
    cases,
  };
  return nudgesOf(facts, { month, now, defaultDueDays: weights.defaultDueDays, shown: new Set(shownIds) });
}

export async function nudgeReport(deps: ServiceDeps, actor: Actor, q: NudgeQuery): Promise<NudgeReport> {
  const user = requireRole(actor, BACK_OFFICE_ROLES);
  const now = deps.now();
  return computeNudges(deps, readableVenues(user), monthPeriod(q.month ?? cnMonthOf(now)), now);
}

/** Who a venue's digest goes to: its staff and deputies whose accounts are not disabled. No phones (there are none on accounts). */
export async function digestRecipients(db: Db, venueId: string): Promise<WeeklyDigest["recipients"]> {
  const rows = await db.user.findMany({
    where: { disabled: false, role: { in: ["STAFF", "DEPUTY"] }, venues: { some: { venueId } } },
    select: { id: true, displayName: true },
    orderBy: { username: "asc" },
  });
  return rows.map((u) => ({ userId: u.id, displayName: u.displayName }));
}
