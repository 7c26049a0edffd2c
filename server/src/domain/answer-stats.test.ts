import { describe, expect, it } from "vitest";
import { answerNumbers, type AnswerCase } from "./answer-stats.ts";

const DAY = 24 * 60 * 60 * 1000;
const t0 = new Date("2026-09-01T00:00:00Z");
const at = (days: number) => new Date(t0.getTime() + days * DAY);
const kase = (over: Partial<AnswerCase>): AnswerCase => ({ source: "MESSAGE", status: "OPEN", createdAt: t0, satisfaction: null, answeredAt: [], ...over });

describe("answer numbers", () => {
  it("counts a case answered on day N as within N days, and one a millisecond later as late", () => {
    const n = answerNumbers(
      [kase({ status: "RESOLVED", answeredAt: [at(15)] }), kase({ status: "REJECTED", answeredAt: [new Date(at(15).getTime() + 1)] })],
      15,
    );
    expect(n).toMatchObject({ received: 2, answered: 2, answeredWithin: 1, pending: 0 });
  });

  it("keeps a reopened case answered at its first reply", () => {
    const n = answerNumbers([kase({ status: "IN_PROGRESS", answeredAt: [at(20), at(3)] })], 5);
    expect(n).toMatchObject({ answered: 1, answeredWithin: 1, pending: 1 });
  });

  it("means the ratings given, and says null when none were", () => {
    expect(answerNumbers([kase({ satisfaction: 5 }), kase({ satisfaction: 2 }), kase({ source: "TURN" })], 15)).toMatchObject({ satisfaction: 3.5, rated: 2, messages: 2 });
    expect(answerNumbers([kase({})], 15).satisfaction).toBeNull();
  });
});
