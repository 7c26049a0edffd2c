import { describe, expect, it } from "vitest";
import { minutes, monthGrid, sortRows, splitNames } from "./format.ts";

describe("back-office formatting", () => {
  it("lays a month out in whole weeks starting on Monday", () => {
    // December 2026 starts on a Tuesday and ends on a Thursday.
    const weeks = monthGrid(2026, 11, new Date(2026, 11, 3));
    expect(weeks).toHaveLength(5);
    expect(weeks[0]![0]).toEqual({ date: "2026-11-30", inMonth: false, isToday: false });
    expect(weeks[0]![1]).toEqual({ date: "2026-12-01", inMonth: true, isToday: false });
    expect(weeks[0]![3]!.isToday).toBe(true);
    expect(weeks.at(-1)!.at(-1)).toEqual({ date: "2027-01-03", inMonth: false, isToday: false });
    expect(weeks.every((w) => w.length === 7)).toBe(true);
  });

  it("splits deputies' names on Chinese and Latin separators", () => {
    expect(splitNames("沈晓鹃、王建国，李明, Zhang\n")).toEqual(["沈晓鹃", "王建国", "李明", "Zhang"]);
  });

  it("sorts with empty values last in both directions", () => {
    const rows = [{ v: 2 }, { v: null }, { v: 5 }, { v: 1 }];
    expect(sortRows(rows, (r) => r.v, "asc").map((r) => r.v)).toEqual([1, 2, 5, null]);
    expect(sortRows(rows, (r) => r.v, "desc").map((r) => r.v)).toEqual([5, 2, 1, null]);
  });

  it("shows minutes with one decimal", () => {
    expect(minutes(125)).toBe("2.1");
    expect(minutes(null)).toBe("—");
  });
});
