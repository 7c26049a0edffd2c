import { describe, expect, it } from "vitest";
import { cnDateOf, cnInstant, cnMonthOf } from "./cn-calendar.ts";

describe("China time", () => {
  it("reads a day and a time of day as China time, whatever the machine's zone", () => {
    expect(cnInstant("2026-12-07", "23:59:59").toISOString()).toBe("2026-12-07T15:59:59.000Z");
    expect(cnInstant("2026-12-07").toISOString()).toBe("2026-12-06T16:00:00.000Z");
  });

  it("names the China-time day of an instant, which is the next UTC day from 16:00 UTC", () => {
    expect(cnDateOf(new Date("2026-12-07T15:59:59Z"))).toBe("2026-12-07");
    expect(cnDateOf(new Date("2026-12-07T16:00:00Z"))).toBe("2026-12-08");
    expect(cnMonthOf(new Date("2026-11-30T16:00:00Z"))).toBe("2026-12");
  });

  it("gives back the day it was given", () => {
    expect(cnDateOf(cnInstant("2026-02-28", "09:00:00"))).toBe("2026-02-28");
  });
});
