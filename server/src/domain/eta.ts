/** Estimated wait (docs/ARCHITECTURE.md §2). Pure. */

/** (position − 1 + (someone speaking ? 0.5 : 0)) × avgServiceSec, in seconds. */
export function estimatedWaitSec(position: number, someoneBeingServed: boolean, avgServiceSec: number): number {
  return Math.max(0, Math.round((position - 1 + (someoneBeingServed ? 0.5 : 0)) * avgServiceSec));
}

/** Running mean of finished turn lengths; the slot length seeds it. */
export function nextAverageServiceSec(currentAvg: number, finishedTurns: number, turnSec: number): number {
  const n = finishedTurns + 1;
  return Math.round(currentAvg + (turnSec - currentAvg) / n);
}
