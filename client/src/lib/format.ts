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

export function formatTime(lang: Lang, iso: string): string {
  return new Intl.DateTimeFormat(lang, { hour: "2-digit", minute: "2-digit", hour12: false }).format(new Date(iso));
}

export function formatDate(lang: Lang, iso: string): string {
  return new Intl.DateTimeFormat(lang, { month: "long", day: "numeric", weekday: "short" }).format(new Date(iso));
}

export function formatDateTime(lang: Lang, iso: string): string {
  return new Intl.DateTimeFormat(lang, {
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hour12: false,
  }).format(new Date(iso));
}

/** Local calendar date as YYYY-MM-DD (for the API's from/to). */
export function isoDate(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

export function isSameLocalDay(iso: string, day: Date): boolean {
  return isoDate(new Date(iso)) === isoDate(day);
}

/**
 * A session's title shown beside its venue's name: a title that starts with
 * the venue (typed that way by staff, or imported) would read twice, so the
 * repeated part and its separator are dropped. Never returns an empty title.
 */
export function titleBesideVenue(title: string, venueName: string): string {
  if (!venueName || !title.startsWith(venueName)) return title;
  const rest = title.slice(venueName.length).replace(/^[\s·•\-—–:：|｜,，]+/, "");
  return rest || title;
}
