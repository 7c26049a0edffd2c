import { describe, expect, it } from "vitest";
import { extendedEnd, overrunOf } from "./session-overrun.ts";

const END = "2026-12-07T03:30:00.000Z"; // 11:30 in Shanghai
const at = (iso: string) => Date.parse(iso);

describe("a day past its scheduled end", () => {
  it("is no overrun before the end, and one from the end on", () => {
    expect(overrunOf({ status: "LIVE", endsAt: END }, at("2026-12-07T03:29:59.000Z"))).toBeNull();
    expect(overrunOf({ status: "LIVE", endsAt: END }, at(END))).toEqual({ endsAt: END, minutesOver: 0 });
    expect(overrunOf({ status: "OPEN", endsAt: END }, at("2026-12-07T05:45:30.000Z"))).toEqual({ endsAt: END, minutesOver: 135 });
    expect(overrunOf({ status: "PAUSED", endsAt: END }, at("2026-12-07T04:00:00.000Z"))?.minutesOver).toBe(30);
  });

  it("only while the day takes voters: an ended or not yet opened day is no overrun", () => {
    expect(overrunOf({ status: "ENDED", endsAt: END }, at("2026-12-07T06:00:00.000Z"))).toBeNull();
    expect(overrunOf({ status: "SCHEDULED", endsAt: END }, at("2026-12-07T06:00:00.000Z"))).toBeNull();
  });

  it("an unreadable end is no overrun", () => {
    expect(overrunOf({ status: "LIVE", endsAt: "not a date" }, at(END))).toBeNull();
  });
});

describe("extending a day", () => {
  it("counts from now once the day has overrun, so the extension is never already spent", () => {
    expect(extendedEnd(END, at("2026-12-07T04:40:00.000Z"), 30)).toBe("2026-12-07T05:10:00.000Z");
    expect(extendedEnd(END, at("2026-12-07T04:40:00.000Z"), 60)).toBe("2026-12-07T05:40:00.000Z");
  });

  it("counts from the scheduled end before it has passed", () => {
    expect(extendedEnd(END, at("2026-12-07T03:00:00.000Z"), 30)).toBe("2026-12-07T04:00:00.000Z");
  });

  it("lands on a whole minute", () => {
    expect(extendedEnd(END, at("2026-12-07T04:40:12.345Z"), 30)).toBe("2026-12-07T05:11:00.000Z");
  });
});
