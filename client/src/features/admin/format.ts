/** Small formatting and date helpers of the back office. Pure. */

/** 125 s → "2.1"; null → "—". */
export function minutes(sec: number | null | undefined): string {
  if (sec == null) return "—";
  return (Math.round((sec / 60) * 10) / 10).toFixed(1);
}

/** Seconds between two ISO times, or null. */
export function secondsBetween(a: string | null | undefined, b: string | null | undefined): number | null {
  if (!a || !b) return null;
  return Math.max(0, (Date.parse(b) - Date.parse(a)) / 1000);
}

const pad = (n: number) => String(n).padStart(2, "0");

/** Local "YYYY-MM-DD" of a Date. */
export function localDate(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Local "HH:MM" of a Date. */
export function localTime(d: Date): string {
  return `${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** "2026-12-03" + "09:30" (local) → ISO. */
export function toIso(date: string, time: string): string {
  return new Date(`${date}T${time}:00`).toISOString();
}

/** The start of the local day after `date` ("YYYY-MM-DD"), as ISO: an exclusive end. */
export function dayAfterIso(date: string): string {
  const d = new Date(`${date}T00:00:00`);
  d.setDate(d.getDate() + 1);
  return d.toISOString();
}

export function startOfDayIso(date: string): string {
  return new Date(`${date}T00:00:00`).toISOString();
}

/** "张三、李四, 王五" → ["张三", "李四", "王五"]. */
export function splitNames(text: string): string[] {
  return text
    .split(/[、,，;；\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export interface MonthCell {
  date: string;
  inMonth: boolean;
  isToday: boolean;
}

/**
 * The weeks shown for a month (Monday first, as calendars in China are
 * printed): whole weeks from the Monday on or before the 1st to the Sunday
 * on or after the last day.
 */
export function monthGrid(year: number, month0: number, today = new Date()): MonthCell[][] {
  const first = new Date(year, month0, 1);
  const start = new Date(first);
  start.setDate(1 - ((first.getDay() + 6) % 7));
  const last = new Date(year, month0 + 1, 0);
  const end = new Date(last);
  end.setDate(last.getDate() + (6 - ((last.getDay() + 6) % 7)));
  const weeks: MonthCell[][] = [];
  const todayKey = localDate(today);
  for (const d = new Date(start); d <= end; d.setDate(d.getDate() + 1)) {
    if ((d.getDay() + 6) % 7 === 0) weeks.push([]);
    weeks[weeks.length - 1]!.push({ date: localDate(d), inMonth: d.getMonth() === month0, isToday: localDate(d) === todayKey });
  }
  return weeks;
}

export type SortDir = "asc" | "desc";

/** Sorts rows by a key; nulls last whichever the direction. */
export function sortRows<T>(rows: readonly T[], key: (row: T) => number | string | null, dir: SortDir): T[] {
  return [...rows].sort((a, b) => {
    const x = key(a);
    const y = key(b);
    if (x === y) return 0;
    if (x === null) return 1;
    if (y === null) return -1;
    const c = x < y ? -1 : 1;
    return dir === "asc" ? c : -c;
  });
}
