/**
 * China time (Asia/Shanghai, UTC+8 all year: no daylight saving): the one
 * place its offset is defined, and calendar months and ISO weeks as instants.
 * Pure. The stats, the nudges, the digest and the demo seed all cut time here,
 * and so does the client (`@domain/cn-calendar.ts`): no other copy of the offset.
 */
export const CN_OFFSET_MS = 8 * 60 * 60 * 1000;
/** The same zone by name, for Intl: every date a person reads is China time, whatever the server's zone. */
export const CN_TIME_ZONE = "Asia/Shanghai";

/** A formatter of instants in China time. */
export const cnFormat = (locale: string, options: Omit<Intl.DateTimeFormatOptions, "timeZone">): Intl.DateTimeFormat =>
  new Intl.DateTimeFormat(locale, { ...options, timeZone: CN_TIME_ZONE });
const DAY_MS = 24 * 60 * 60 * 1000;

/** A calendar day ("2026-12-07") and a time of day ("23:59:59", midnight if none) read as China time: the instant. */
export function cnInstant(date: string, time = "00:00:00"): Date {
  return new Date(Date.parse(`${date}T${time}Z`) - CN_OFFSET_MS);
}

/** The China-time calendar day of an instant, "YYYY-MM-DD". */
export function cnDateOf(d: Date): string {
  return new Date(d.getTime() + CN_OFFSET_MS).toISOString().slice(0, 10);
}

export interface Period {
  from: Date;
  /** exclusive */
  to: Date;
}

/** "2026-12" → its first instant and the next month's first instant, China time. */
export function monthPeriod(month: string): Period {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return { from: new Date(Date.UTC(y, m - 1, 1) - CN_OFFSET_MS), to: new Date(Date.UTC(y, m, 1) - CN_OFFSET_MS) };
}

/** The China-time calendar month of an instant, "YYYY-MM". */
export function cnMonthOf(d: Date): string {
  return new Date(d.getTime() + CN_OFFSET_MS).toISOString().slice(0, 7);
}

export interface IsoWeek {
  /** "2026-W49" */
  label: string;
  /** Monday 00:00 China time */
  start: Date;
  /** the next Monday 00:00 */
  end: Date;
}

/** The ISO week (Monday first; week 1 holds the year's first Thursday) of an instant, in China time. */
export function isoWeekOf(d: Date): IsoWeek {
  const local = new Date(d.getTime() + CN_OFFSET_MS);
  const midnight = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate());
  const mondayLocal = midnight - ((local.getUTCDay() + 6) % 7) * DAY_MS;
  const thursday = new Date(mondayLocal + 3 * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = 1 + Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY_MS));
  const start = new Date(mondayLocal - CN_OFFSET_MS);
  return { label: `${year}-W${String(week).padStart(2, "0")}`, start, end: new Date(start.getTime() + 7 * DAY_MS) };
}

/** When a week's digest is due: `weekday` (1 = Monday … 7 = Sunday) at `hour`:00 China time. */
export function weeklyDueAt(week: IsoWeek, weekday: number, hour: number): Date {
  return new Date(week.start.getTime() + (weekday - 1) * DAY_MS + hour * 60 * 60 * 1000);
}
