/**
 * Clocks for the test server (createApp's `now`). Services read the time only
 * through `now`, so a test can make a turn last exactly five minutes without
 * waiting five minutes.
 */
export interface TestClock {
  now(): Date;
  /** moves the clock forward by `ms` */
  advance(ms: number): void;
}

/** Real time, plus whatever advance() added. The default: tickets joined in a row still get increasing times. */
export function runningClock(): TestClock {
  let offset = 0;
  return {
    now: () => new Date(Date.now() + offset),
    advance(ms) {
      offset += ms;
    },
  };
}

/** Stands still until advance(): for tests that assert exact durations. */
export function fixedClock(start: Date = new Date()): TestClock {
  let t = start.getTime();
  return {
    now: () => new Date(t),
    advance(ms) {
      t += ms;
    },
  };
}
