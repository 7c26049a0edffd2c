/**
 * The booking rules (预约, docs/ARCHITECTURE.md §6b; docs/ARCHITECTURE.md §2 "Queue rule").
 * Pure: times are passed in, nothing is read or written here.
 */
import type { BookingStatus } from "../protocol/bookings.ts";
import type { Channel, SessionStatus } from "../protocol/model.ts";
import { initialRank } from "./queue.ts";

const MINUTE_MS = 60_000;

export interface BookingWindow {
  status: SessionStatus;
  bookingCapacity: number;
  bookingOpensAt: Date | null;
  bookingClosesAt: Date | null;
  startsAt: Date;
}

/**
 * Why a day does not take a booking now, or null when it does. Without an
 * explicit close time, booking closes when the day starts: from then on voters
 * join the queue itself.
 */
export function bookingRefusal(w: BookingWindow, now: Date): "NO_BOOKINGS" | "NOT_YET_OPEN" | "CLOSED" | null {
  if (w.bookingCapacity <= 0) return "NO_BOOKINGS";
  if (w.status === "ENDED") return "CLOSED";
  if (w.bookingOpensAt && now < w.bookingOpensAt) return "NOT_YET_OPEN";
  const closesAt = w.bookingClosesAt ?? w.startsAt;
  if (now >= closesAt) return "CLOSED";
  return null;
}

/**
 * What is wrong with a booking window as staff set it, field by field (empty
 * when nothing): it must open before it closes, and close by the day's end.
 */
export function bookingWindowProblems(w: { bookingOpensAt: Date | null; bookingClosesAt: Date | null; startsAt: Date; endsAt: Date }): Record<string, string> {
  const closesAt = w.bookingClosesAt ?? w.startsAt;
  if (w.bookingClosesAt && w.bookingClosesAt > w.endsAt) return { bookingClosesAt: "must not be after endsAt" };
  if (w.bookingOpensAt && w.bookingOpensAt >= closesAt) return { bookingOpensAt: "must be before bookingClosesAt (or startsAt)" };
  return {};
}

/** Statuses that hold one of the capacity's places. */
export const HOLDS_PLACE: readonly BookingStatus[] = ["BOOKED", "CHECKED_IN"];

/** A new booking takes a place while one is free, else it waits in line. */
export function statusForNewBooking(placesTaken: number, capacity: number): "BOOKED" | "WAITLISTED" {
  return placesTaken < capacity ? "BOOKED" : "WAITLISTED";
}

/** How many of the waitlist (in booked order) move up: as many as there are free places. */
export function promotionsFor(placesTaken: number, capacity: number, waitlisted: number): number {
  return Math.max(0, Math.min(waitlisted, capacity - placesTaken));
}

/** A booking may be cancelled until it is used or the day has closed it. */
export function canCancel(status: BookingStatus): boolean {
  return status === "BOOKED" || status === "WAITLISTED";
}

/** Only a confirmed place can be checked in; everything else is CONFLICT. */
export function canCheckIn(status: BookingStatus): boolean {
  return status === "BOOKED";
}

/**
 * The check-in rank (queue rule). A booking's slot starts at
 * `startsAt + (place − 1) × slotMin`. The ticket ranks at its slot, bounded on
 * both sides by what a voter arriving now without a booking would get on the
 * same channel (`base`, the walk-in rule):
 *   rank = min(base, max(slotStart, base − walkInHeadStartMin))
 * so a booking never ranks worse than not having booked, and never gains more
 * than one walk-in head start over the people already here — someone who booked
 * place 1 but arrives at noon cannot jump a morning's queue.
 */
export function checkInRank(channel: Channel, checkInAtMs: number, slotStartMs: number, walkInHeadStartMin: number): number {
  const base = initialRank(channel, checkInAtMs, walkInHeadStartMin);
  return Math.min(base, Math.max(slotStartMs, base - walkInHeadStartMin * MINUTE_MS));
}

export function slotStartOf(sessionStartsAtMs: number, place: number, slotMin: number): number {
  return sessionStartsAtMs + (place - 1) * slotMin * MINUTE_MS;
}

/** Letters and digits nobody confuses when reading a code aloud (no 0/O, 1/I/L). */
export const BOOKING_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
export const BOOKING_CODE_LENGTH = 6;

/** A code from `random` bytes (one per character; the caller gives crypto randomness). */
export function bookingCodeFrom(random: Uint8Array): string {
  let code = "";
  for (let i = 0; i < BOOKING_CODE_LENGTH; i++) code += BOOKING_CODE_ALPHABET[random[i]! % BOOKING_CODE_ALPHABET.length];
  return code;
}

