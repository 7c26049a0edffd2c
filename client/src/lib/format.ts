import type { Lang } from "../stores/preferences.ts";
import type { Translate } from "../i18n/useT.ts";

/** "约 12 分钟" / "about 12 min"; under a minute reads as such. */
export function formatWait(t: Translate, seconds: number): string {
  if (seconds < 60) return t("time.underAMinute");
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return t("time.minutes", { n: minutes });
  return t("time.hoursMinutes", { h: Math.floor(minutes / 60), m: minutes % 60 });
}

/**
 * "约 8–15 分钟" / "about 8–15 min": an estimate shown as the range it is.
 * Bounds round outward to whole minutes (hours past two hours); a range that
 * rounds to one value reads as that value, one under a minute as such.
 */
export function formatWaitRange(t: Translate, range: { lowSec: number; highSec: number }): string {
  if (range.highSec < 60) return t("time.underAMinute");
  const low = Math.max(1, Math.floor(range.lowSec / 60));
  const high = Math.max(low, Math.ceil(range.highSec / 60));
  if (high >= 120) {
    const [lowH, highH] = [Math.max(1, Math.floor(low / 60)), Math.ceil(high / 60)];
    return lowH === highH ? t("time.hoursMinutes", { h: lowH, m: 0 }) : t("time.hoursRange", { low: lowH, high: highH });
  }
  return low === high ? t("time.minutes", { n: low }) : t("time.minutesRange", { low, high });
}

/** 3:07 — a stopwatch reading. */
export function formatClock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const m = Math.floor(s / 60);
  return `${m}:${String(s % 60).padStart(2, "0")}`;
}

/*
 * Dates and times in the two languages' own forms, written out here rather than through
 * Intl.DateTimeFormat: Chromium's first formatter loads ICU's locale data and pattern
 * generator, 20–40 ms of main thread on a fast machine (~4× that on a phone), and every page
 * with a date paid it during its first render. The output is what Chromium's Intl gives for
 * the options the app passed it (24-hour clock; format.test.ts compares the two over a year).
 */
const ZH_WEEKDAYS = ["周日", "周一", "周二", "周三", "周四", "周五", "周六"];
const EN_WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const two = (n: number) => String(n).padStart(2, "0");

/** 14:07 — local time, 24-hour, both languages. */
export function formatTime(_lang: Lang, iso: string): string {
  const d = new Date(iso);
  return `${two(d.getHours())}:${two(d.getMinutes())}`;
}

/** 3月5日周四 / Thu, March 5 */
export function formatDate(lang: Lang, iso: string): string {
  const d = new Date(iso);
  return lang === "en" ? `${EN_WEEKDAYS[d.getDay()]}, ${EN_MONTHS[d.getMonth()]} ${d.getDate()}` : `${d.getMonth() + 1}月${d.getDate()}日${ZH_WEEKDAYS[d.getDay()]}`;
}

/** 2026/03/05 14:07 / 03/05/2026, 14:07 */
export function formatDateTime(lang: Lang, iso: string): string {
  const d = new Date(iso);
  const [y, m, day] = [d.getFullYear(), two(d.getMonth() + 1), two(d.getDate())];
  return lang === "en" ? `${m}/${day}/${y}, ${formatTime(lang, iso)}` : `${y}/${m}/${day} ${formatTime(lang, iso)}`;
}

/** Local calendar date as YYYY-MM-DD (for the API's from/to). */
export function isoDate(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

export function isSameLocalDay(iso: string, day: Date): boolean {
  return isoDate(new Date(iso)) === isoDate(day);
}

/** The pages show a session's title beside its venue as the server's first view does: one rule for both. */
export { titleBesideVenue } from "@domain/session-title.ts";

/**
 * Order of two ISO instants as the server writes them (toISOString: UTC, one length), which
 * sort as plain strings; localeCompare would collate each pair through ICU for the same answer.
 */
export function compareInstants(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
