import { describe, expect, it } from "vitest";
import { estimatedWaitRange, estimatedWaitSec, finishedTurnsSec, PRIOR_TURNS, serviceTimeEstimate } from "./eta.ts";

const SLOT = 8 * 60;

describe("the expected turn length", () => {
  it("is the slot length before any turn has finished", () => {
    expect(serviceTimeEstimate(SLOT, [])).toMatchObject({ meanSec: SLOT, turns: 0 });
  });

  it("after one 6-second turn stays near the slot: the turn counts as slot/4 against 3 turns of prior", () => {
    const e = serviceTimeEstimate(SLOT, [6]);
    expect(e.meanSec).toBe((PRIOR_TURNS * SLOT + SLOT / 4) / (PRIOR_TURNS + 1));
    expect(e.meanSec).toBeGreaterThan(6 * 60);
  });

  it("one hour-long outlier among ordinary turns moves it by minutes, not by the hour", () => {
    const ordinary = [300, 320, 280, 310, 290];
    const withOutlier = serviceTimeEstimate(SLOT, [...ordinary, 3600]).meanSec;
    expect(withOutlier - serviceTimeEstimate(SLOT, ordinary).meanSec).toBeLessThan(3 * 60);
  });

  it("moves toward the measured turns as they accumulate", () => {
    const turns = Array.from({ length: 30 }, () => 180);
    const e = serviceTimeEstimate(SLOT, turns);
    expect(e.meanSec).toBeLessThan(210);
    expect(e.meanSec).toBeGreaterThan(180);
    expect(e.spread).toBeLessThan(serviceTimeEstimate(SLOT, []).spread);
  });
});

describe("the estimated wait", () => {
  it("after one 6-second turn, the third in line with someone speaking does not read 'under a minute'", () => {
    const range = estimatedWaitRange(3, true, serviceTimeEstimate(SLOT, [6]));
    expect(range.lowSec).toBeGreaterThan(8 * 60);
    expect(range.highSec).toBeGreaterThan(range.lowSec);
    expect(range.pointSec).toBeGreaterThan(range.lowSec);
    expect(range.pointSec).toBeLessThan(range.highSec);
  });

  it("is a range that narrows as turns are measured", () => {
    const width = (turns: number[]) => {
      const r = estimatedWaitRange(5, false, serviceTimeEstimate(SLOT, turns));
      return (r.highSec - r.lowSec) / r.pointSec;
    };
    expect(width([])).toBeGreaterThan(width(Array.from({ length: 20 }, () => SLOT)));
  });

  it("is zero for the voter next in line when nobody is at the lectern", () => {
    expect(estimatedWaitRange(1, false, serviceTimeEstimate(SLOT, []))).toEqual({ lowSec: 0, highSec: 0, pointSec: 0 });
    expect(estimatedWaitSec(1, false, SLOT)).toBe(0);
  });

  it("takes finished turns from DONE tickets only", () => {
    const at = (min: number) => new Date(Date.UTC(2026, 0, 1, 9, min)).toISOString();
    expect(
      finishedTurnsSec([
        { status: "DONE", startedAt: at(0), finishedAt: at(5) },
        { status: "NO_SHOW", startedAt: null, finishedAt: at(6) },
        { status: "SPEAKING", startedAt: at(6), finishedAt: null },
        { status: "DONE", startedAt: at(6), finishedAt: at(9) },
      ]),
    ).toEqual([300, 180]);
  });
});
