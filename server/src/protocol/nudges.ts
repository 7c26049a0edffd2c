/**
 * Activity nudges over HTTP and in the weekly digest (docs/ARCHITECTURE.md,
 * "Activity nudges and the weekly digest"): zod of the inputs and the views.
 * Case lists carry tracking codes, categories and due dates only — never a
 * summary (it may hold a voter's name or phone).
 */
import { z } from "zod";
import type { CaseStatus, VenueKind } from "./model.ts";
import { id } from "./schemas.ts";

export const nudgeQuerySchema = z.object({
  /** a calendar month in China time; default: this month */
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, "YYYY-MM")
    .optional(),
});
export type NudgeQuery = z.output<typeof nudgeQuerySchema>;

export const digestPreviewQuerySchema = z.object({ venueId: id });

/**
 * What counts as activity in a month (domain/activity-nudges.ts `activityOf`):
 * reception days — forums included, once sessions carry a kind — held or still
 * to come, and the duty activities staff recorded.
 */
export interface ActivityCount {
  sessions: number;
  dutyActivities: number;
}

export interface NudgeCase {
  id: string;
  trackingCode: string;
  category: string;
  status: CaseStatus;
  /** the due date staff set, or the default one (ISO) */
  dueAt: string;
}

export interface NudgeCaseList {
  count: number;
  /** the earliest due date among them (ISO), null when none */
  oldestDueAt: string | null;
  /** the first ones by due date (at most 20) */
  cases: NudgeCase[];
}

export interface NudgeDay {
  sessionId: string;
  title: string;
  startsAt: string;
  deputies: string[];
  /** no deputy is on duty yet */
  noDeputies: boolean;
  /** places booked (BOOKED) so far */
  bookings: number;
}

export interface VenueNudges {
  venueId: string;
  name: string;
  town: string;
  kind: VenueKind;
  deputyGroupId: string | null;
  activity: ActivityCount;
  /** a station (联络站) with no activity this month */
  inactive: boolean;
  overdue: NudgeCaseList;
  /** pending cases due within the coming week */
  dueSoon: NudgeCaseList;
  /** reception days in the coming week */
  days: NudgeDay[];
}

export interface GroupNudges {
  groupId: string;
  name: string;
  town: string;
  venueIds: string[];
  activity: ActivityCount;
  /** none of the group's venues had activity this month */
  inactive: boolean;
}

export interface NudgeReport {
  /** "YYYY-MM" */
  month: string;
  from: string;
  to: string;
  /** when it was computed; the coming week is [at, weekEnd) */
  at: string;
  weekEnd: string;
  venues: VenueNudges[];
  groups: GroupNudges[];
  totals: { inactiveVenues: number; inactiveGroups: number; overdue: number; oldestOverdueDueAt: string | null; dueSoon: number; daysWithoutDeputies: number };
}

export type DigestItem =
  | { type: "no-activity"; month: string; sessions: number; dutyActivities: number }
  | { type: "overdue-case"; trackingCode: string; category: string; dueAt: string }
  | { type: "case-due"; trackingCode: string; category: string; dueAt: string }
  | { type: "day"; sessionId: string; title: string; startsAt: string; deputies: string[]; noDeputies: boolean; bookings: number };

/** The weekly digest of one venue, as the webhook receives it. */
export interface WeeklyDigest {
  kind: "weekly-digest";
  venueId: string;
  venueName: string;
  /** ISO week in China time, "2026-W49" */
  week: string;
  /** when it was composed (ISO) */
  at: string;
  /** the venue's staff and deputies (accounts not disabled); no phones */
  recipients: { userId: string; displayName: string }[];
  /** how many of each, when the lists were cut at 20 */
  counts: { overdue: number; dueSoon: number; days: number };
  items: DigestItem[];
}

/** GET /api/admin/digest?venueId= — what this week's digest of a venue says now, and whether it went out. */
export interface DigestPreview {
  digest: WeeklyDigest;
  /** a digest with no items is not sent */
  wouldSend: boolean;
  /** this week's claim: null = not yet; "skipped" = nothing to say when it was due */
  claim: { state: "claimed" | "sent" | "failed" | "skipped"; at: string } | null;
}
