/** When a follow-up case is due and whether it is late. Pure. */
import type { CaseStatus } from "../protocol/model.ts";

const DAY_MS = 24 * 60 * 60 * 1000;

/** Still waiting for an answer to the voter. */
export const PENDING_CASE_STATUSES: readonly CaseStatus[] = ["OPEN", "ASSIGNED", "IN_PROGRESS"];

export interface DueFacts {
  status: CaseStatus;
  createdAt: Date;
  dueAt: Date | null;
  resolvedAt: Date | null;
}

/** The due date staff set, or `defaultDueDays` after the case was opened. */
export function effectiveDueAt(c: Pick<DueFacts, "createdAt" | "dueAt">, defaultDueDays: number): Date {
  return c.dueAt ?? new Date(c.createdAt.getTime() + defaultDueDays * DAY_MS);
}

/** Pending past its due date at `at`. */
export function isOverdue(c: DueFacts, at: Date, defaultDueDays: number): boolean {
  return PENDING_CASE_STATUSES.includes(c.status) && effectiveDueAt(c, defaultDueDays) < at;
}

/** Was open (created, not yet resolved, not rejected) and past due at `at` — for a period's end. */
export function wasOverdueAt(c: DueFacts, at: Date, defaultDueDays: number): boolean {
  if (c.createdAt > at || c.status === "REJECTED") return false;
  const settledBefore = c.resolvedAt != null && c.resolvedAt <= at;
  if (settledBefore) return false;
  if (c.resolvedAt == null && !PENDING_CASE_STATUSES.includes(c.status)) return false;
  return effectiveDueAt(c, defaultDueDays) < at;
}

/** Resolved by its (effective) due date. */
export function resolvedOnTime(c: Pick<DueFacts, "createdAt" | "dueAt" | "resolvedAt">, defaultDueDays: number): boolean {
  return c.resolvedAt != null && c.resolvedAt <= effectiveDueAt(c, defaultDueDays);
}
