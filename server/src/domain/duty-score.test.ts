import { describe, expect, it } from "vitest";
import { DEFAULT_DUTY_WEIGHTS, dutyFormula, dutyScore, emptyFacts } from "./duty-score.ts";

describe("duty score", () => {
  it("adds the weighted parts: days, turns, resolved cases, satisfaction and activity hours", () => {
    const facts = { ...emptyFacts(), attendance: 2, turns: 7, cases: 3, casesResolved: 2, satisfaction: 4.5, hours: { TRAINING: 3, VISIT: 1.5, SURVEY: 0, OTHER: 0 } };
    const { parts, score } = dutyScore(facts, DEFAULT_DUTY_WEIGHTS);
    expect(parts).toEqual({ attendance: 20, turns: 14, casesResolved: 10, satisfaction: 18, activities: 4.5 });
    expect(score).toBe(66.5);
  });

  it("nobody rated counts as no satisfaction points, and the formula names its weights", () => {
    expect(dutyScore(emptyFacts(), DEFAULT_DUTY_WEIGHTS).score).toBe(0);
    expect(dutyFormula({ ...DEFAULT_DUTY_WEIGHTS, turn: 3 }, "zh")).toContain("接待人次×3");
  });
});
