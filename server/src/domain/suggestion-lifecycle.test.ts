import { describe, expect, it } from "vitest";
import type { SuggestionStatus } from "../protocol/suggestions.ts";
import {
  afterAnswer,
  afterCountersign,
  afterEvaluation,
  afterWorkingDays,
  canTakeStep,
  countersignProgress, suggestionNumber, suggestionYear, supervisionOf, supervisionWindow, type SuggestionStep } from "./suggestion-lifecycle.ts";

const DAY = 24 * 60 * 60 * 1000;
const now = new Date("2026-06-01T02:00:00Z");
const inDays = (d: number) => new Date(now.getTime() + d * DAY);

describe("the steps a suggestion allows", () => {
  const table: [SuggestionStatus, SuggestionStep[]][] = [
    ["DRAFT", ["edit", "submit"]],
    ["SUBMITTED", ["assign"]],
    ["ASSIGNED", ["assign", "answer", "return"]],
    ["COUNTERSIGNING", ["countersign"]],
    ["ANSWERED", ["evaluate"]],
    ["EVALUATED", []],
  ];
  it.each(table)("%s allows only %j", (status, steps) => {
    const all: SuggestionStep[] = ["edit", "submit", "assign", "answer", "evaluate", "return", "countersign"];
    expect(all.filter((s) => canTakeStep(status, s))).toEqual(steps);
  });
});

describe("会签: the helper departments countersign the lead's answer", () => {
  it("an answer with helper departments waits for their countersign; without, it goes out at once", () => {
    expect(afterAnswer(2)).toBe("COUNTERSIGNING");
    expect(afterAnswer(0)).toBe("ANSWERED");
  });
  it("the answer goes out only when every helper agreed", () => {
    expect(afterCountersign(["AGREED", null, "AGREED"])).toBe("COUNTERSIGNING");
    expect(afterCountersign(["AGREED", "AGREED", "AGREED"])).toBe("ANSWERED");
  });
  it("one helper returning it sends it back to the lead department to revise", () => {
    expect(afterCountersign(["AGREED", "RETURNED", null])).toBe("ASSIGNED");
  });
  it("counts the helpers that agreed, of all of them", () => {
    expect(countersignProgress(["AGREED", null, "AGREED"])).toEqual({ agreed: 2, total: 3 });
  });
  it("keeps the deadline's colour while the answer is countersigned", () => {
    expect(supervisionOf({ status: "COUNTERSIGNING", dueAt: inDays(-1) }, now)).toBe("RED");
  });
});

describe("evaluating an answer", () => {
  it("a first UNSATISFIED sends it back to ASSIGNED with a deadline a month on", () => {
    expect(afterEvaluation("UNSATISFIED", false, now)).toEqual({ status: "ASSIGNED", secondRound: true, dueAt: inDays(30) });
  });
  it("a second UNSATISFIED is recorded and it stays EVALUATED", () => {
    expect(afterEvaluation("UNSATISFIED", true, now)).toEqual({ status: "EVALUATED", secondRound: true, dueAt: null });
  });
  it("satisfied and basically satisfied close it", () => {
    expect(afterEvaluation("SATISFIED", false, now).status).toBe("EVALUATED");
    expect(afterEvaluation("BASICALLY_SATISFIED", true, now).status).toBe("EVALUATED");
  });
});

describe("三色督办", () => {
  it("is GREEN with more than 15 days left, YELLOW with 15 or fewer, RED once overdue", () => {
    expect(supervisionOf({ status: "ASSIGNED", dueAt: inDays(15.01) }, now)).toBe("GREEN");
    expect(supervisionOf({ status: "ASSIGNED", dueAt: inDays(15) }, now)).toBe("YELLOW");
    expect(supervisionOf({ status: "ASSIGNED", dueAt: inDays(0) }, now)).toBe("YELLOW");
    expect(supervisionOf({ status: "ASSIGNED", dueAt: new Date(now.getTime() - 1) }, now)).toBe("RED");
  });
  it("is null unless assigned and unanswered", () => {
    for (const status of ["DRAFT", "SUBMITTED", "ANSWERED", "EVALUATED"] as const) {
      expect(supervisionOf({ status, dueAt: inDays(-3) }, now)).toBeNull();
    }
    expect(supervisionOf({ status: "ASSIGNED", dueAt: null }, now)).toBeNull();
  });
  it("filters the database by the same bounds as the colour", () => {
    const inWindow = (due: Date, w: { gte?: Date; lt?: Date }) => (!w.gte || due >= w.gte) && (!w.lt || due < w.lt);
    for (const due of [inDays(-1), new Date(now.getTime() - 1), now, inDays(15), new Date(inDays(15).getTime() + 1), inDays(40)]) {
      const colour = supervisionOf({ status: "ASSIGNED", dueAt: due }, now)!;
      const matching = (["GREEN", "YELLOW", "RED"] as const).filter((c) => inWindow(due, supervisionWindow(c, now)));
      expect(matching).toEqual([colour]);
    }
  });
});

describe("numbering", () => {
  it("numbers by the year in China time, four digits at least", () => {
    expect(suggestionNumber(2026, 7)).toBe("2026-0007");
    expect(suggestionNumber(2026, 12345)).toBe("2026-12345");
    // 2026-12-31 17:00 UTC is already 2027-01-01 in China.
    expect(suggestionYear(new Date("2026-12-31T17:00:00Z"))).toBe(2027);
    expect(suggestionYear(new Date("2026-12-31T15:00:00Z"))).toBe(2026);
  });
});

describe("the window to return a suggestion (退办)", () => {
  it("counts Monday to Friday in China time, skipping weekends", () => {
    // Monday 2026-06-01 10:00 China time + 7 working days = Wednesday 2026-06-10 10:00.
    expect(afterWorkingDays(new Date("2026-06-01T02:00:00Z"), 7).toISOString()).toBe("2026-06-10T02:00:00.000Z");
    // Friday 2026-06-05 23:30 China time (15:30 UTC): Monday is the first working day after it.
    expect(afterWorkingDays(new Date("2026-06-05T15:30:00Z"), 1).toISOString()).toBe("2026-06-08T15:30:00.000Z");
  });
});
