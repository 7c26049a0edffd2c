/** Follow-up case status machine (意见建议办理). Pure. */
import type { CaseStatus } from "../protocol/model.ts";

const NEXT: Record<CaseStatus, readonly CaseStatus[]> = {
  OPEN: ["ASSIGNED", "REJECTED"],
  ASSIGNED: ["IN_PROGRESS", "REJECTED", "OPEN"],
  IN_PROGRESS: ["RESOLVED", "REJECTED", "ASSIGNED"],
  RESOLVED: ["CLOSED", "IN_PROGRESS"],
  CLOSED: [],
  REJECTED: [],
};

export function canMoveCase(from: CaseStatus, to: CaseStatus): boolean {
  return NEXT[from].includes(to);
}

export function nextCaseStatuses(from: CaseStatus): readonly CaseStatus[] {
  return NEXT[from];
}

/** A voter may rate once the case is resolved or closed, and only once. */
export function canRate(status: CaseStatus, alreadyRated: boolean): boolean {
  return !alreadyRated && (status === "RESOLVED" || status === "CLOSED");
}
