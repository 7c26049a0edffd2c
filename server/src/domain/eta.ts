/**
 * Estimated wait (docs/ARCHITECTURE.md §2, "Queue rule"). Pure; the client
 * uses it through `@domain/eta.ts`.
 *
 * A turn's expected length starts from the session's slot and moves toward
 * the measured turns as they accumulate: a shrinkage mean that counts the slot
 * as PRIOR_TURNS turns, over durations clamped to [slot/4, 3 × slot], so one
 * 6-second turn (a voter who only said hello) or one hour-long turn cannot
 * swing every voter's estimate. The wait is shown as a range, not a point:
 * the range is widest before any turn was measured and narrows as turns come in.
 */

/** How many turns the slot length is worth against measured ones. */
export const PRIOR_TURNS = 3;
const CLAMP_LOW = 1 / 4;
const CLAMP_HIGH = 3;
/** Relative half-width of the range: FLOOR once many turns are known, FLOOR + PRIOR_SPREAD before any. */
const SPREAD_FLOOR = 0.15;
const PRIOR_SPREAD = 0.25;

export interface ServiceEstimate {
  /** expected length of one turn, seconds */
  meanSec: number;
  /** relative half-width of the range (0.4 = ±40 %) */
  spread: number;
  /** measured turns behind the estimate */
  turns: number;
}

export interface WaitRange {
  lowSec: number;
  highSec: number;
  /** the middle of the range */
  pointSec: number;
}

/** The expected turn length from the slot (seconds) and the lengths of finished turns (seconds). */
export function serviceTimeEstimate(slotSec: number, turnsSec: readonly number[]): ServiceEstimate {
  const slot = Math.max(1, slotSec);
  const clamped = turnsSec.filter((s) => Number.isFinite(s) && s >= 0).map((s) => Math.min(slot * CLAMP_HIGH, Math.max(slot * CLAMP_LOW, s)));
  const n = clamped.length;
  const sum = clamped.reduce((a, b) => a + b, 0);
  const meanSec = (PRIOR_TURNS * slot + sum) / (PRIOR_TURNS + n);
  return { meanSec, spread: SPREAD_FLOOR + PRIOR_SPREAD * (PRIOR_TURNS / (PRIOR_TURNS + n)), turns: n };
}

/** How long finished (DONE) turns took, in seconds, from the tickets' start and finish times. */
export function finishedTurnsSec(tickets: Iterable<{ status: string; startedAt: string | null; finishedAt: string | null }>): number[] {
  const out: number[] = [];
  for (const t of tickets) {
    if (t.status !== "DONE" || !t.startedAt || !t.finishedAt) continue;
    const sec = (Date.parse(t.finishedAt) - Date.parse(t.startedAt)) / 1000;
    if (Number.isFinite(sec) && sec >= 0) out.push(sec);
  }
  return out;
}

/** The turns ahead of a voter: everyone before them, and half a turn for someone at the lectern. */
function turnsAhead(position: number, someoneBeingServed: boolean): number {
  return Math.max(0, position - 1 + (someoneBeingServed ? 0.5 : 0));
}

/** The wait of the voter at `position` as a range around turns-ahead × the expected turn. */
export function estimatedWaitRange(position: number, someoneBeingServed: boolean, estimate: ServiceEstimate): WaitRange {
  const pointSec = turnsAhead(position, someoneBeingServed) * estimate.meanSec;
  return {
    lowSec: Math.round(pointSec * (1 - estimate.spread)),
    highSec: Math.round(pointSec * (1 + estimate.spread)),
    pointSec: Math.round(pointSec),
  };
}

/** (position − 1 + (someone speaking ? 0.5 : 0)) × avgServiceSec, in seconds: the single-number form. */
export function estimatedWaitSec(position: number, someoneBeingServed: boolean, avgServiceSec: number): number {
  return Math.max(0, Math.round(turnsAhead(position, someoneBeingServed) * avgServiceSec));
}

/** Running mean of finished turn lengths (the session's avgServiceSec); the slot length seeds it. */
export function nextAverageServiceSec(currentAvg: number, finishedTurns: number, turnSec: number): number {
  const n = finishedTurns + 1;
  return Math.round(currentAvg + (turnSec - currentAvg) / n);
}
