/**
 * The back office's HTTP contract (docs/ARCHITECTURE.md §6): follow-up cases,
 * record exports, search, the quantified score and administration. zod
 * schemas of the inputs and the views the server answers with.
 */
import { z } from "zod";
import { CASE_SOURCES, CASE_STATUSES, ROLES, VENUE_KINDS } from "./model.ts";
import type { CaseStatus, CaseView, Channel, DeputyGroupView, Role, UserView, VenueFields } from "./model.ts";
import type { MessageStaffView } from "./messages.ts";
import { id, isoDate, LIMITS, str } from "./schemas.ts";

export const BO_LIMITS = {
  assignee: 100,
  resolution: 2000,
  note: 2000,
  feedbackComment: 500,
  searchQuery: 100,
  username: 50,
  /** any length passes the schema: the policy (domain/password-policy.ts) names a short one in words */
  password: { min: 1, max: 200 },
  venueName: 100,
  address: 200,
  town: 50,
} as const;

/** null clears the date; coerce.date would turn null into 1970. */
const nullableDate = z.union([z.null(), isoDate]);
const optionalQueryText = (max: number) =>
  str()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v ? v : undefined));
/** A PATCH must change something: at least one field given. */
const changesSomething = (patch: Record<string, unknown>): boolean => Object.values(patch).some((v) => v !== undefined);
const NOTHING_TO_CHANGE = { message: "nothing to change", path: ["_"] };
const flag = z
  .enum(["1", "0", "true", "false"])
  .optional()
  .transform((v) => (v === undefined ? undefined : v === "1" || v === "true"));

export const caseStatusSchema = z.enum(CASE_STATUSES);

// ---- cases ------------------------------------------------------------------

export const caseQuerySchema = z.object({
  /** one status or a comma list: OPEN,ASSIGNED */
  status: str()
    .optional()
    .transform((v) => (v ? v.split(",").map((s) => s.trim()).filter(Boolean) : undefined))
    .pipe(z.array(caseStatusSchema).max(CASE_STATUSES.length).optional()),
  /** one source or a comma list: MESSAGE or TURN,STAFF (docs/ARCHITECTURE.md §6d) */
  source: str()
    .optional()
    .transform((v) => (v ? v.split(",").map((s) => s.trim()).filter(Boolean) : undefined))
    .pipe(z.array(z.enum(CASE_SOURCES)).max(CASE_SOURCES.length).optional()),
  venueId: id.optional(),
  sessionId: id.optional(),
  /** opened at or after */
  from: isoDate.optional(),
  /** opened before */
  to: isoDate.optional(),
  q: optionalQueryText(BO_LIMITS.searchQuery),
  overdue: flag,
  /** `support`: most 附议 first (docs/ARCHITECTURE.md §6b); default newest first */
  sort: z.enum(["newest", "support"]).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
  offset: z.coerce.number().int().min(0).max(100_000).optional(),
});
export type CaseQuery = z.output<typeof caseQuerySchema>;

export const casePatchSchema = z
  .object({
    status: caseStatusSchema.optional(),
    assignee: z.union([z.null(), str().trim().max(BO_LIMITS.assignee)]).optional(),
    dueAt: nullableDate.optional(),
    resolution: str().trim().max(BO_LIMITS.resolution).optional(),
    rejectReason: str().trim().max(LIMITS.reason).optional(),
    category: str().trim().min(1).max(LIMITS.category).optional(),
    summary: str().trim().min(1).max(LIMITS.summary).optional(),
    /** a remark kept with the status change in the history (shown to the voter) */
    note: str().trim().max(BO_LIMITS.note).optional(),
  })
  .strict()
  .refine(changesSomething, NOTHING_TO_CHANGE);
export type CasePatch = z.output<typeof casePatchSchema>;

export const caseNoteSchema = z.object({ text: str().trim().min(1).max(BO_LIMITS.note) }).strict();

export const caseCreateSchema = z
  .object({
    venueId: id,
    sessionId: id.optional().nullable(),
    category: str().trim().min(1).max(LIMITS.category),
    summary: str().trim().min(1).max(LIMITS.summary),
    assignee: str().trim().max(BO_LIMITS.assignee).optional().nullable(),
    dueAt: nullableDate.optional(),
  })
  .strict();
export type CaseCreate = z.output<typeof caseCreateSchema>;

export const feedbackSchema = z
  .object({
    satisfaction: z.number().int().min(1).max(5),
    comment: str().trim().max(BO_LIMITS.feedbackComment).optional().nullable(),
  })
  .strict();

export interface CaseListItem extends CaseView {
  venueName: string;
  town: string;
  sessionTitle: string | null;
  sessionStartsAt: string | null;
  ticketLabel: string | null;
  resolvedAt: string | null;
  feedbackAt: string | null;
  /** dueAt, or the default number of days after opening */
  effectiveDueAt: string;
  overdue: boolean;
}

export interface CaseEventView {
  id: string;
  /** created | status | assigned | due | resolution | edited | note | feedback */
  type: string;
  fromStatus: CaseStatus | null;
  toStatus: CaseStatus | null;
  note: string | null;
  internal: boolean;
  actorName: string | null;
  at: string;
}

/** GET /api/cases/:id — staff only: includes who raised it and how to reach them. */
export interface CaseDetail {
  case: CaseListItem;
  voter: { label: string; name: string; phone: string | null; channel: Channel; topic: string; question: string | null } | null;
  /** a case from the message box (source MESSAGE): the voter's message, phone masked (docs/ARCHITECTURE.md §6d) */
  message: MessageStaffView | null;
  history: CaseEventView[];
  nextStatuses: CaseStatus[];
}

// ---- records ----------------------------------------------------------------

/** The tables of a record's CSV export. */
export const RECORD_PARTS = ["tickets", "transcript", "events", "bookings", "agenda"] as const;
export type RecordPart = (typeof RECORD_PARTS)[number];
export const recordCsvQuerySchema = z.object({ part: z.enum(RECORD_PARTS).default("tickets") });

/** One line of a day's audit trail (GET /api/sessions/:id/audit): an event of the log, who did it, in words. */
export interface AuditLine {
  seq: number;
  type: string;
  at: string;
  actorName: string | null;
  summary: string;
}

// ---- search -----------------------------------------------------------------

export const searchQuerySchema = z.object({
  q: str().trim().min(1).max(BO_LIMITS.searchQuery),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});

/** `message`: a message-box message (§6d); its hit carries its case (caseId, trackingCode, caseStatus). */
export const SEARCH_KINDS = ["transcript", "ticket", "case", "message"] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export interface SearchHit {
  kind: SearchKind;
  /** the transcript entry's, ticket's, case's or message's id */
  id: string;
  sessionId: string | null;
  sessionTitle: string | null;
  sessionStartsAt: string | null;
  venueId: string;
  venueName: string;
  at: string;
  snippet: string;
  ticketLabel: string | null;
  caseId: string | null;
  trackingCode: string | null;
  caseStatus: CaseStatus | null;
}

export interface SearchResult {
  q: string;
  terms: string[];
  results: SearchHit[];
  /** more matched than `limit` */
  truncated: boolean;
  tookMs: number;
}

// ---- stats (量化积分) ----------------------------------------------------------

/** What the score's rows are: venues, or deputy groups. */
export const STATS_GROUPINGS = ["venue", "deputyGroup"] as const;
export type StatsGrouping = (typeof STATS_GROUPINGS)[number];

export const statsQuerySchema = z.object({
  from: isoDate.optional(),
  /** exclusive */
  to: isoDate.optional(),
  groupBy: z.enum(STATS_GROUPINGS).default("venue"),
  town: optionalQueryText(BO_LIMITS.town),
});
export type StatsQuery = z.output<typeof statsQuerySchema>;

const weight = z.number().min(-100).max(100);
export const weightsSchema = z
  .object({
    sessionHeld: weight,
    voterReceived: weight,
    caseResolved: weight,
    resolvedOnTime: weight,
    satisfaction: weight,
    caseOverdue: weight,
    longWait: weight,
    waitTargetMin: z.number().int().min(1).max(480),
    defaultDueDays: z.number().int().min(1).max(365),
    /** what a department's 100% on-time rate is worth (its own table, not the venues' score) */
    departmentOnTime: z.number().min(0).max(100),
  })
  .strict();
export type WeightsInput = z.output<typeof weightsSchema>;

export interface ScoringWeightsView {
  weights: WeightsInput;
  defaults: WeightsInput;
  formula: { zh: string; en: string };
  /** the departments' table: "100×按期答复率" */
  departmentFormula: { zh: string; en: string };
  updatedAt: string | null;
  updatedBy: string | null;
}

/** What a venue or group did in a period (量化积分's inputs). */
export interface MetricsView {
  /** reception days in the period that were opened (not just scheduled) */
  sessionsHeld: number;
  sessionsScheduled: number;
  /** voters heard to the end of their turn */
  votersOnline: number;
  votersInPerson: number;
  /** called tickets: mean of calledAt − joinedAt */
  avgWaitSec: number | null;
  /** finished turns: mean of finishedAt − startedAt */
  avgSpeakSec: number | null;
  /** called voters who had waited longer than the target */
  longWaits: number;
  casesOpened: number;
  casesResolved: number;
  casesResolvedOnTime: number;
  /** open at the end of the period and past their due date */
  casesOverdue: number;
  ratedCases: number;
  /** mean 1–5 rating of the cases rated in the period */
  avgSatisfaction: number | null;
}

export interface ScorePartView {
  key: string;
  value: number;
  weight: number;
  points: number;
}

export interface StatsRow {
  /** venue or deputy group id; "none" for venues without a group */
  id: string;
  name: string;
  town: string | null;
  rank: number;
  metrics: MetricsView;
  score: number;
  parts: ScorePartView[];
}

export interface StatsReport {
  from: string;
  to: string;
  groupBy: StatsGrouping;
  weights: WeightsInput;
  formula: { zh: string; en: string };
  rows: StatsRow[];
  total: { metrics: MetricsView; score: number; parts: ScorePartView[] };
  /** month by month (China time), all rows together */
  trend: { month: string; metrics: MetricsView; score: number }[];
  /** 承办单位按期答复: every department over the same period (not limited by town or grouping) */
  departments: DepartmentStatsRow[];
  departmentFormula: { zh: string; en: string };
}

/**
 * A department's suggestions whose deadline fell in the period (docs/ARCHITECTURE.md §6e):
 * judged once answered or past the deadline; `rate` = onTime / due (null: nothing due).
 */
/** How a department's suggestions due in a period were answered (domain/department-on-time.ts counts them). */
export interface OnTimeCounts {
  /** judged: answered, or past the deadline unanswered */
  due: number;
  onTime: number;
  late: number;
  /** past the deadline, no answer yet */
  overdue: number;
  /** deadline in the period but still ahead, no answer yet: not judged */
  pending: number;
  /** onTime / due; null when nothing was due */
  rate: number | null;
}

export interface DepartmentStatsRow extends OnTimeCounts {
  id: string;
  name: string;
  /** by score, highest first; null when nothing was due */
  rank: number | null;
  score: number | null;
}

// ---- administration (ADMIN only) ---------------------------------------------

export const roleSchema = z.enum(ROLES);
const venueIds = z.array(id).max(200);

export const userCreateSchema = z
  .object({
    username: str()
      .trim()
      .min(2)
      .max(BO_LIMITS.username)
      .regex(/^[a-zA-Z0-9._-]+$/, "letters, digits, . _ -"),
    displayName: str().trim().min(1).max(LIMITS.name),
    role: roleSchema,
    password: str().min(BO_LIMITS.password.min).max(BO_LIMITS.password.max),
    venueIds: venueIds.default([]),
    /** role DEPARTMENT only, and required there (§6e) */
    departmentId: id.optional(),
  })
  .strict();

export const userPatchSchema = z
  .object({
    displayName: str().trim().min(1).max(LIMITS.name).optional(),
    role: roleSchema.optional(),
    disabled: z.boolean().optional(),
    venueIds: venueIds.optional(),
    departmentId: id.optional(),
  })
  .strict()
  .refine(changesSomething, NOTHING_TO_CHANGE);

export const passwordResetSchema = z.object({ password: str().min(BO_LIMITS.password.min).max(BO_LIMITS.password.max) }).strict();

export const venueKindSchema = z.enum(VENUE_KINDS);
export const venueCreateSchema = z
  .object({
    name: str().trim().min(1).max(BO_LIMITS.venueName),
    kind: venueKindSchema,
    town: str().trim().min(1).max(BO_LIMITS.town),
    address: str().trim().max(BO_LIMITS.address).optional(),
    parentId: id.optional().nullable(),
    deputyGroupId: id.optional().nullable(),
  })
  .strict();
export const venuePatchSchema = venueCreateSchema
  .partial()
  .strict()
  .refine(changesSomething, NOTHING_TO_CHANGE);

export const deputyGroupCreateSchema = z
  .object({ name: str().trim().min(1).max(BO_LIMITS.venueName), town: str().trim().min(1).max(BO_LIMITS.town) })
  .strict();
export const deputyGroupPatchSchema = deputyGroupCreateSchema
  .partial()
  .strict()
  .refine(changesSomething, NOTHING_TO_CHANGE);

export interface AdminUserView extends UserView {
  disabled: boolean;
  createdAt: string;
}

export type AdminVenueView = VenueFields;

export type { DeputyGroupView, Role };

// ---- Backups (docs/ARCHITECTURE.md §6f) -------------------------------------

/** One snapshot in BACKUP_DIR: its file name, size and when it was taken (ISO). */
export interface BackupView {
  name: string;
  bytes: number;
  at: string;
}
