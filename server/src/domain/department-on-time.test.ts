import { describe, expect, it } from "vitest";
import { departmentFormulaText, departmentScore, onTimeByDepartment, type HandlingFact } from "./department-on-time.ts";

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const march = { from: d("2026-03-01"), to: d("2026-04-01") };
const now = d("2026-03-20");

describe("departments answering on time", () => {
  it("judges each handling by its deadline in the period: on time, late, overdue; a deadline still ahead waits", () => {
    const facts: HandlingFact[] = [
      { departmentId: "zj", dueAt: d("2026-03-05"), answeredAt: d("2026-03-04") }, // on time
      { departmentId: "zj", dueAt: d("2026-03-05"), answeredAt: d("2026-03-05") }, // on the deadline: on time
      { departmentId: "zj", dueAt: d("2026-03-10"), answeredAt: d("2026-03-12") }, // late
      { departmentId: "zj", dueAt: d("2026-03-15"), answeredAt: null }, // overdue
      { departmentId: "zj", dueAt: d("2026-03-25"), answeredAt: null }, // pending
      { departmentId: "zj", dueAt: d("2026-03-28"), answeredAt: d("2026-03-18") }, // early: judged on time already
      { departmentId: "zj", dueAt: d("2026-04-01"), answeredAt: d("2026-03-02") }, // another period
      { departmentId: "other", dueAt: d("2026-03-05"), answeredAt: null }, // not listed
    ];
    const out = onTimeByDepartment(["zj", "jt"], facts, march, now);
    expect(out.get("zj")).toEqual({ due: 5, onTime: 3, late: 1, overdue: 1, pending: 1, rate: 0.6 });
    expect(out.get("jt")).toEqual({ due: 0, onTime: 0, late: 0, overdue: 0, pending: 0, rate: null });
    expect(out.has("other")).toBe(false);
  });

  it("scores the rate by its weight, what a 100% rate is worth", () => {
    expect(departmentScore(0.6, 100)).toBe(60);
    expect(departmentScore(2 / 3, 20)).toBe(13.3);
    expect(departmentScore(null, 100)).toBeNull();
    expect(departmentFormulaText(100, "zh")).toBe("100×按期答复率");
    expect(departmentFormulaText(20, "en")).toBe("20×answered-on-time rate");
  });
});
