import { describe, expect, it } from "vitest";
import { DEFAULT_WEIGHTS, formulaText, rankByScore, scoreOf, type ScoringWeights, type ServiceMetrics } from "./scoring.ts";
import { cnMonthOf } from "./cn-calendar.ts";
import { metricsByGroup, metricsOf, monthsOf, type CaseFact, type Facts, type TicketFact } from "./service-metrics.ts";

const at = (s: string) => new Date(`${s}+08:00`);
const september = { from: at("2026-09-01T00:00:00"), to: at("2026-10-01T00:00:00") };
const rules = { waitTargetMin: 30, defaultDueDays: 30, now: at("2026-11-01T00:00:00") };

function ticket(over: Partial<TicketFact>): TicketFact {
  const joinedAt = over.joinedAt ?? at("2026-09-10T09:00:00");
  return {
    group: "lili",
    sessionStartsAt: at("2026-09-10T09:00:00"),
    channel: "ONLINE",
    status: "DONE",
    joinedAt,
    calledAt: new Date(joinedAt.getTime() + 10 * 60_000),
    startedAt: new Date(joinedAt.getTime() + 11 * 60_000),
    finishedAt: new Date(joinedAt.getTime() + 19 * 60_000),
    ...over,
  };
}

function kase(over: Partial<CaseFact>): CaseFact {
  return {
    group: "lili",
    status: "OPEN",
    createdAt: at("2026-09-10T10:00:00"),
    dueAt: null,
    resolvedAt: null,
    satisfaction: null,
    feedbackAt: null,
    ...over,
  };
}

/**
 * 黎里 in September 2026: two reception days held and one only scheduled;
 * three voters heard (two online waiting 10 min, one walk-in waiting 40 min
 * and speaking 20 min), one no-show after a 5-minute call; four cases:
 *   A resolved 9/20, due 9/30 (on time), rated 5
 *   B resolved 9/25 with no due date (30 days after 9/10 → on time), rated 2
 *   C opened 8/01, due 8/31, still in progress (overdue at 9/30)
 *   D opened 9/15, due 10/15, assigned (not yet due at 9/30)
 */
const lili: Facts = {
  sessions: [
    { group: "lili", startsAt: at("2026-09-10T09:00:00"), status: "ENDED" },
    { group: "lili", startsAt: at("2026-09-24T09:00:00"), status: "ENDED" },
    { group: "lili", startsAt: at("2026-09-30T09:00:00"), status: "SCHEDULED" },
    { group: "lili", startsAt: at("2026-08-27T09:00:00"), status: "ENDED" },
  ],
  tickets: [
    ticket({}),
    ticket({ joinedAt: at("2026-09-10T09:05:00") }),
    ticket({
      channel: "IN_PERSON",
      joinedAt: at("2026-09-24T09:00:00"),
      sessionStartsAt: at("2026-09-24T09:00:00"),
      calledAt: at("2026-09-24T09:40:00"),
      startedAt: at("2026-09-24T09:40:00"),
      finishedAt: at("2026-09-24T10:00:00"),
    }),
    ticket({ status: "NO_SHOW", joinedAt: at("2026-09-24T09:00:00"), sessionStartsAt: at("2026-09-24T09:00:00"), calledAt: at("2026-09-24T09:05:00"), startedAt: null, finishedAt: null }),
    ticket({ status: "LEFT", calledAt: null, startedAt: null, finishedAt: null }),
  ],
  cases: [
    kase({ status: "CLOSED", dueAt: at("2026-09-30T00:00:00"), resolvedAt: at("2026-09-20T12:00:00"), satisfaction: 5, feedbackAt: at("2026-09-21T08:00:00") }),
    kase({ status: "RESOLVED", resolvedAt: at("2026-09-25T12:00:00"), satisfaction: 2, feedbackAt: at("2026-09-26T08:00:00") }),
    kase({ status: "IN_PROGRESS", createdAt: at("2026-08-01T10:00:00"), dueAt: at("2026-08-31T00:00:00") }),
    kase({ status: "ASSIGNED", createdAt: at("2026-09-15T10:00:00"), dueAt: at("2026-10-15T00:00:00") }),
  ],
};

describe("service metrics", () => {
  it("counts a hand-made month of 黎里 the way a clerk would", () => {
    expect(metricsOf(lili, september, rules)).toEqual<ServiceMetrics>({
      sessionsHeld: 2,
      sessionsScheduled: 3,
      votersOnline: 2,
      votersInPerson: 1,
      // waits: 10, 10, 40, 5 minutes → 16.25 min
      avgWaitSec: 975,
      // turns: 8, 8, 20 minutes → 12 min
      avgSpeakSec: 720,
      longWaits: 1,
      casesOpened: 3,
      casesResolved: 2,
      casesResolvedOnTime: 2,
      casesOverdue: 1,
      ratedCases: 2,
      avgSatisfaction: 3.5,
    });
  });

  it("a case resolved after its due date is resolved but not on time", () => {
    const late = { ...lili, cases: [kase({ status: "RESOLVED", dueAt: at("2026-09-12T00:00:00"), resolvedAt: at("2026-09-20T00:00:00") })] };
    const m = metricsOf(late, september, rules);
    expect([m.casesResolved, m.casesResolvedOnTime, m.casesOverdue]).toEqual([1, 0, 0]);
  });

  it("lists every group, including ones with nothing to count", () => {
    const byGroup = metricsByGroup(["lili", "shengze"], lili, september, rules);
    expect(byGroup.get("shengze")).toMatchObject({ sessionsHeld: 0, avgWaitSec: null, avgSatisfaction: null });
    expect(byGroup.get("lili")?.sessionsHeld).toBe(2);
  });

  it("buckets months in China time", () => {
    expect(cnMonthOf(new Date("2026-09-30T17:00:00Z"))).toBe("2026-10");
    const months = monthsOf({ from: at("2026-08-15T00:00:00"), to: at("2026-10-01T00:00:00") });
    expect(months.map((m) => m.month)).toEqual(["2026-08", "2026-09"]);
    expect(months[0]!.period.from).toEqual(at("2026-08-15T00:00:00"));
    expect(months[1]!.period.from).toEqual(at("2026-09-01T00:00:00"));
  });
});

describe("the quantified score (量化积分)", () => {
  it("adds weight × value over the parts of the hand-made month", () => {
    const { score, parts } = scoreOf(metricsOf(lili, september, rules), DEFAULT_WEIGHTS);
    const points = Object.fromEntries(parts.map((p) => [p.key, [p.value, p.weight, p.points]]));
    expect(points).toEqual({
      sessionHeld: [2, 10, 20],
      voterReceived: [3, 1, 3],
      caseResolved: [2, 3, 6],
      resolvedOnTime: [2, 2, 4],
      // ratings 5 and 2: (5 − 3) + (2 − 3) = 1
      satisfaction: [1, 2, 2],
      caseOverdue: [1, -5, -5],
      longWait: [1, -1, -1],
    });
    expect(score).toBe(29);
  });

  it("follows the admin's weights", () => {
    const weights: ScoringWeights = { ...DEFAULT_WEIGHTS, sessionHeld: 5, caseOverdue: 0, longWait: -2 };
    expect(scoreOf(metricsOf(lili, september, rules), weights).score).toBe(10 + 3 + 6 + 4 + 2 + 0 - 2);
  });

  it("shows the formula beside the score", () => {
    expect(formulaText(DEFAULT_WEIGHTS, "zh")).toBe("10×接待日 + 1×接待选民 + 3×办结 + 2×按期办结 + 2×Σ(满意度−3) − 5×逾期未办结 − 1×等候超30分钟");
    expect(formulaText({ ...DEFAULT_WEIGHTS, voterReceived: 0, waitTargetMin: 20 }, "en")).toBe(
      "10×reception days + 3×cases resolved + 2×resolved on time + 2×Σ(rating − 3) − 5×overdue cases − 1×waits over 20 min",
    );
  });

  it("ranks equal scores together", () => {
    const ranked = rankByScore([{ score: 3 }, { score: 9 }, { score: 3 }, { score: 1 }]);
    expect(ranked.map((r) => [r.rank, r.item.score])).toEqual([[1, 9], [2, 3], [2, 3], [4, 1]]);
  });
});
