/**
 * 按期答复率: how many of a department's suggestions were answered by their
 * deadline, over a period (docs/ARCHITECTURE.md §6e, "Departments on time").
 * A suggestion is judged by the deadline of its current handling (the second
 * handling's after an unsatisfied evaluation) in the period in which that
 * deadline falls, once it can be judged: answered (on time or late), or the
 * deadline passed without an answer (overdue). A deadline still ahead without
 * an answer is `pending` and not in the rate. Pure: the clock is an argument.
 */
import type { OnTimeCounts } from "../protocol/back-office.ts";
import type { Period } from "./cn-calendar.ts";

/** One handling: the lead department, its deadline, and when the answer of this round came (null: none yet). */
export interface HandlingFact {
  departmentId: string;
  dueAt: Date;
  answeredAt: Date | null;
}


const empty = (): OnTimeCounts => ({ due: 0, onTime: 0, late: 0, overdue: 0, pending: 0, rate: null });

/** The counts of each department in `departmentIds` (every one listed, also with nothing due). */
export function onTimeByDepartment(departmentIds: readonly string[], facts: readonly HandlingFact[], period: Period, now: Date): Map<string, OnTimeCounts> {
  const out = new Map(departmentIds.map((id) => [id, empty()]));
  for (const f of facts) {
    const c = out.get(f.departmentId);
    if (!c || f.dueAt < period.from || f.dueAt >= period.to) continue;
    if (f.answeredAt) {
      c.due++;
      if (f.answeredAt.getTime() <= f.dueAt.getTime()) c.onTime++;
      else c.late++;
    } else if (f.dueAt.getTime() <= now.getTime()) {
      c.due++;
      c.overdue++;
    } else c.pending++;
  }
  for (const c of out.values()) c.rate = c.due ? c.onTime / c.due : null;
  return out;
}

/** The department's points: the weight is what a 100% on-time rate is worth; null when nothing was due. */
export function departmentScore(rate: number | null, weight: number): number | null {
  return rate == null ? null : Math.round(rate * weight * 10) / 10;
}

/** "100×按期答复率": the department formula as shown beside its table. */
export function departmentFormulaText(weight: number, lang: "zh" | "en"): string {
  return lang === "zh" ? `${weight}×按期答复率` : `${weight}×answered-on-time rate`;
}
