/**
 * One clock for every bench process. process.hrtime is CLOCK_MONOTONIC on
 * Linux: the same system-wide counter in every process on the machine, so a
 * stamp taken in the server and one taken in a client process can be
 * subtracted directly (microsecond resolution, no wall-clock adjustments).
 */
export const nowMs = (): number => Number(process.hrtime.bigint()) / 1e6;

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
