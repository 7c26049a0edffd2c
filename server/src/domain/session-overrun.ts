/**
 * A day that runs past its scheduled end (pure). Nothing ends or extends a
 * stored day by itself: voters are told it may close soon, staff are shown
 * the overrun with the choice to end the day or move its end later (an
 * ordinary, audited `PATCH /api/sessions/:id {endsAt}`).
 */
import type { SessionStatus } from "../protocol/model.ts";
import { canServe } from "./session-lifecycle.ts";

/** The extensions the console offers, in minutes. */
export const EXTENSION_MINUTES = [30, 60] as const;

const MINUTE = 60_000;

export interface Overrun {
  /** the scheduled end that has passed */
  endsAt: string;
  /** whole minutes since then */
  minutesOver: number;
}

/** Past its scheduled end while still open, live or paused: an overrun, else null. */
export function overrunOf(session: { status: SessionStatus; endsAt: string }, now: number): Overrun | null {
  const end = Date.parse(session.endsAt);
  if (!canServe(session.status) || !(now >= end)) return null;
  return { endsAt: session.endsAt, minutesOver: Math.floor((now - end) / MINUTE) };
}

/**
 * The new end for "extend by `minutes`": counted from now once the day has
 * overrun (an hour late, "+30 min" must still leave 30 minutes), from the
 * scheduled end before that, and rounded up to the whole minute.
 */
export function extendedEnd(endsAt: string, now: number, minutes: number): string {
  const from = Math.max(Date.parse(endsAt), now);
  return new Date(Math.ceil((from + minutes * MINUTE) / MINUTE) * MINUTE).toISOString();
}
