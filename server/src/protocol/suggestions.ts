/**
 * Deputies' suggestions (代表建议) and the departments (承办单位) that answer
 * them: the HTTP contract of docs/ARCHITECTURE.md §6e — zod schemas of the
 * inputs and the views the server answers with.
 */
import { z } from "zod";
import { id, isoDate, str } from "./schemas.ts";

/** COUNTERSIGNING (extension, 会签): the lead department answered, its helper departments have yet to countersign. */
export const SUGGESTION_STATUSES = ["DRAFT", "SUBMITTED", "ASSIGNED", "COUNTERSIGNING", "ANSWERED", "EVALUATED"] as const;
export type SuggestionStatus = (typeof SUGGESTION_STATUSES)[number];
/** A 已解决或基本解决 · B 列入计划逐步解决 · C 因条件限制留作参考 */
export const ANSWER_KINDS = ["A", "B", "C"] as const;
export type AnswerKind = (typeof ANSWER_KINDS)[number];
export const EVALUATION_RESULTS = ["SATISFIED", "BASICALLY_SATISFIED", "UNSATISFIED"] as const;
export type EvaluationResult = (typeof EVALUATION_RESULTS)[number];
/** 三色督办: GREEN more than 15 days to dueAt, YELLOW 15 days or fewer, RED overdue. */
export const SUPERVISION_COLOURS = ["GREEN", "YELLOW", "RED"] as const;
export type Supervision = (typeof SUPERVISION_COLOURS)[number];

export const SUGGESTION_LIMITS = {
  title: 100,
  body: 5000,
  category: 50,
  answer: 5000,
  comment: 1000,
  departmentName: 100,
  departmentContact: 200,
  /** cases and co-signers one suggestion may name */
  links: 50,
} as const;

const ids = z.array(id).max(SUGGESTION_LIMITS.links);

/** Where the notifier reaches a department: a phone or an address its gateway understands; "" clears it. */
const departmentContact = str().trim().max(SUGGESTION_LIMITS.departmentContact);

export const departmentCreateSchema = z
  .object({ name: str().trim().min(1).max(SUGGESTION_LIMITS.departmentName), contact: departmentContact.optional() })
  .strict();
export type DepartmentCreate = z.output<typeof departmentCreateSchema>;

export const departmentPatchSchema = z
  .object({ name: str().trim().min(1).max(SUGGESTION_LIMITS.departmentName).optional(), contact: departmentContact.optional() })
  .strict()
  .refine((p) => p.name !== undefined || p.contact !== undefined, { message: "nothing to change", path: ["_"] });
export type DepartmentPatch = z.output<typeof departmentPatchSchema>;

export const suggestionCreateSchema = z
  .object({
    title: str().trim().min(1).max(SUGGESTION_LIMITS.title),
    body: str().trim().min(1).max(SUGGESTION_LIMITS.body),
    category: str().trim().min(1).max(SUGGESTION_LIMITS.category),
    caseIds: ids.default([]),
    coSignerIds: ids.default([]),
  })
  .strict();
export type SuggestionCreate = z.output<typeof suggestionCreateSchema>;

export const suggestionPatchSchema = z
  .object({
    title: str().trim().min(1).max(SUGGESTION_LIMITS.title).optional(),
    body: str().trim().min(1).max(SUGGESTION_LIMITS.body).optional(),
    category: str().trim().min(1).max(SUGGESTION_LIMITS.category).optional(),
    caseIds: ids.optional(),
    coSignerIds: ids.optional(),
  })
  .strict()
  .refine((p) => Object.values(p).some((v) => v !== undefined), { message: "nothing to change", path: ["_"] });
export type SuggestionPatch = z.output<typeof suggestionPatchSchema>;

export const suggestionAssignSchema = z
  .object({
    leadDepartmentId: id,
    coDepartmentIds: ids.default([]),
    dueAt: isoDate,
  })
  .strict();
export type SuggestionAssign = z.output<typeof suggestionAssignSchema>;

export const suggestionAnswerSchema = z
  .object({
    kind: z.enum(ANSWER_KINDS),
    text: str().trim().min(1).max(SUGGESTION_LIMITS.answer),
  })
  .strict();
export type SuggestionAnswerInput = z.output<typeof suggestionAnswerSchema>;

export const suggestionEvaluateSchema = z
  .object({
    result: z.enum(EVALUATION_RESULTS),
    comment: str().trim().max(SUGGESTION_LIMITS.comment).optional(),
  })
  .strict();
export type SuggestionEvaluateInput = z.output<typeof suggestionEvaluateSchema>;

/** 退办: the lead department gives it back to the office, with its reason. */
export const suggestionReturnSchema = z.object({ reason: str().trim().min(1).max(SUGGESTION_LIMITS.comment) }).strict();
export type SuggestionReturnInput = z.output<typeof suggestionReturnSchema>;

/**
 * 会签: a helper department agrees to the lead department's draft answer
 * (optionally with a note) or returns it to the lead with a reason (`note`,
 * required then).
 */
export const suggestionCountersignSchema = z
  .object({
    agree: z.boolean(),
    note: str().trim().max(SUGGESTION_LIMITS.comment).optional(),
  })
  .strict()
  .refine((c) => c.agree || !!c.note, { message: "a reason is required to return it", path: ["note"] });
export type SuggestionCountersignInput = z.output<typeof suggestionCountersignSchema>;

/** The office reviews and adjusts the class a department gave its latest answer. */
export const suggestionClassifySchema = z.object({ kind: z.enum(ANSWER_KINDS), reason: str().trim().min(1).max(SUGGESTION_LIMITS.comment) }).strict();
export type SuggestionClassifyInput = z.output<typeof suggestionClassifySchema>;

export const suggestionQuerySchema = z.object({
  status: z.enum(SUGGESTION_STATUSES).optional(),
  departmentId: id.optional(),
  supervision: z.enum(SUPERVISION_COLOURS).optional(),
});
export type SuggestionQuery = z.output<typeof suggestionQuerySchema>;

/** GET /api/deputies: a deputy a lead may ask to co-sign (联名); the name is public, nothing else is sent. */
export interface DeputyChoice {
  id: string;
  name: string;
}

export interface DepartmentView {
  id: string;
  name: string;
}

/** The admin's view (GET/POST/PATCH /api/admin/departments): with the contact the reminders go to. */
export interface AdminDepartmentView extends DepartmentView {
  /** a phone or an address; null when none is set (the reminders still go out, without it) */
  contact: string | null;
}

export interface SuggestionAnswerView {
  id: string;
  round: number;
  kind: AnswerKind;
  text: string;
  departmentId: string;
  departmentName: string;
  at: string;
}

export const COUNTERSIGN_DECISIONS = ["AGREED", "RETURNED"] as const;
export type CountersignDecision = (typeof COUNTERSIGN_DECISIONS)[number];

/** 会签: one helper department's countersign of the lead's current draft answer (`decision` null: not yet). */
export interface SuggestionCountersignView {
  departmentId: string;
  departmentName: string;
  decision: CountersignDecision | null;
  note: string | null;
  at: string | null;
}

/** The lead department's answer before it goes out: while countersigned, or after a helper returned it. */
export interface SuggestionDraftAnswerView {
  kind: AnswerKind;
  text: string;
  at: string;
}

export interface SuggestionEvaluationView {
  round: number;
  result: EvaluationResult;
  comment: string | null;
  at: string;
}

export interface SuggestionEventView {
  id: string;
  type: string;
  fromStatus: SuggestionStatus | null;
  toStatus: SuggestionStatus | null;
  note: string | null;
  actorName: string | null;
  at: string;
}

/** A linked case as the suggestion shows it: its tracking code, category and summary (no voter's name or phone). */
export interface SuggestionCaseView {
  id: string;
  trackingCode: string;
  category: string;
  summary: string;
  venueName: string;
}

export interface SuggestionView {
  id: string;
  number: string;
  title: string;
  body: string;
  category: string;
  status: SuggestionStatus;
  leadDeputyId: string;
  coSignerIds: string[];
  caseIds: string[];
  leadDepartmentId: string | null;
  coDepartmentIds: string[];
  dueAt: string | null;
  answers: SuggestionAnswerView[];
  /** the latest evaluation */
  evaluation: SuggestionEvaluationView | null;
  supervision: Supervision | null;
  /** extension: the one second handling (重新办理) has been used */
  secondRound: boolean;
  /** extension: names for the pages */
  leadDeputyName: string;
  coSignerNames: string[];
  leadDepartmentName: string | null;
  coDepartmentNames: string[];
  cases: SuggestionCaseView[];
  evaluations: SuggestionEvaluationView[];
  /**
   * extension (会签): the lead department's draft answer awaiting (or returned
   * from) countersign, and each helper's countersign of it — for the
   * departments and the office; a deputy reads the answer once it goes out
   * (null and empty for a deputy).
   */
  draftAnswer: SuggestionDraftAnswerView | null;
  countersigns: SuggestionCountersignView[];
  submittedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface SuggestionDetail extends SuggestionView {
  history: SuggestionEventView[];
}

/**
 * GET /api/venues/:id/suggestions (public, extension): the suggestions born
 * from this station's concerns (submitted ones), and how they were answered.
 * Public text only: number, title, status, the department; no names.
 */
export interface VenueSuggestionsView {
  counts: {
    total: number;
    answered: number;
    byKind: Record<AnswerKind, number>;
    /** answered by the deadline */
    onTime: number;
    /** evaluated 满意 or 基本满意 (the latest evaluation) */
    satisfied: number;
    evaluated: number;
  };
  recent: { number: string; title: string; status: SuggestionStatus; departmentName: string | null; answerKind: AnswerKind | null; answeredAt: string | null }[];
}

/**
 * A deadline reminder as the notifier's webhook receives it (docs/ARCHITECTURE.md §6e):
 * `due15`/`due3` to the lead department (its `contact` and its accounts), `overdue` to the
 * office (the staff of the venues of its concerns and the admins; `contact` null). Public
 * text only: number, title, department, deadline — no voter's name or phone.
 */
export interface SuggestionReminderMessage {
  kind: "suggestion.reminder.due15" | "suggestion.reminder.due3" | "suggestion.overdue";
  suggestionId: string;
  number: string;
  title: string;
  dueAt: string;
  departmentId: string;
  departmentName: string;
  /** where the gateway reaches the department (a phone or an address); null for the office, or when none is set */
  contact: string | null;
  /** accounts to tell (the gateway knows how to reach them; accounts hold no phones) */
  recipients: { userId: string; displayName: string }[];
  /** zh-CN, then English */
  text: string;
  at: string;
}
