import { describe, expect, it } from "vitest";
import type { Lang } from "../stores/preferences.ts";
import { compareInstants, formatDate, formatDateTime, formatTime } from "./format.ts";

// What Intl.DateTimeFormat says for the options the app used to pass it (24-hour: h23).
const intl = {
  time: (lang: Lang) => new Intl.DateTimeFormat(lang, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" }),
  date: (lang: Lang) => new Intl.DateTimeFormat(lang, { month: "long", day: "numeric", weekday: "short" }),
  dateTime: (lang: Lang) => new Intl.DateTimeFormat(lang, { year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }),
};

describe("dates and times", () => {
  it("read as Intl writes them, in both languages, every day of a year and every hour", () => {
    for (const lang of ["zh-CN", "en"] as const) {
      const [time, date, dateTime] = [intl.time(lang), intl.date(lang), intl.dateTime(lang)];
      for (let day = 0; day < 366; day++) {
        const d = new Date(2026, 0, 1 + day, day % 24, (day * 7) % 60);
        const iso = d.toISOString();
        expect(formatTime(lang, iso), iso).toBe(time.format(d));
        expect(formatDate(lang, iso), iso).toBe(date.format(d));
        expect(formatDateTime(lang, iso), iso).toBe(dateTime.format(d));
      }
    }
    expect(formatDate("zh-CN", new Date(2026, 2, 5).toISOString())).toBe("3月5日周四");
    expect(formatDate("en", new Date(2026, 2, 5).toISOString())).toBe("Thu, March 5");
    expect(formatTime("en", new Date(2026, 2, 5, 0, 7).toISOString())).toBe("00:07");
  });

  it("orders the server's instants by time", () => {
    const instants = ["2026-03-05T10:00:00.000Z", "2025-12-31T23:59:59.999Z", "2026-03-05T09:59:00.000Z", "2026-03-05T10:00:00.000Z"];
    expect([...instants].sort(compareInstants)).toEqual([...instants].sort((a, b) => Date.parse(a) - Date.parse(b)));
    expect(compareInstants(instants[0]!, instants[3]!)).toBe(0);
  });
});
