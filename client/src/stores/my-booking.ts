/**
 * The booking this phone follows (docs/ARCHITECTURE.md §6b): on its status page /b/:code, or
 * on the day's page /s/:id when the phone booked that day. The code of the
 * day's booking lives in localStorage keyed by session, as the voter ticket's
 * token does; the booking token (which cancels and checks in) by code.
 * socket.ts keeps `booking` fresh through `booking:watch` / `booking:event`.
 */
import { create } from "zustand";
import type { BookingPublicView } from "@protocol/bookings.ts";

export interface MyBookingState {
  code: string | null;
  booking: BookingPublicView | null;
  /**
   * loading: asked, not yet answered; early: the HTTP answer, shown while the socket connects
   * (socket.ts followBooking); ready: the socket's answer, kept fresh by it; missing: no such
   * code (or it was forgotten)
   */
  phase: "none" | "loading" | "early" | "ready" | "missing";
}

const tokenKey = (code: string) => `tongxin.booking.${code}`;
const sessionKey = (sessionId: string) => `tongxin.booked.${sessionId}`;

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string | null): void {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    // private mode: this page still knows the booking until it closes
  }
}

export const storedBookingToken = (code: string): string | null => read(tokenKey(code.toUpperCase()));

/** The code this phone booked for a day, if any. */
export const bookedCodeOf = (sessionId: string): string | null => read(sessionKey(sessionId));

/** A booking answered: keep its token, and remember it as this phone's booking for its day. */
export function keepBooking(booking: BookingPublicView, bookingToken: string): void {
  write(tokenKey(booking.code), bookingToken);
  write(sessionKey(booking.sessionId), booking.code);
  const s = useMyBooking.getState();
  if (s.code === null || s.code === booking.code) useMyBooking.setState({ code: booking.code, booking, phase: "ready" });
}

/** A cancelled or lapsed booking no longer stands for its day: the day's page offers its forms again. */
export function forgetBookingOfDay(sessionId: string, code: string): void {
  if (bookedCodeOf(sessionId) === code) write(sessionKey(sessionId), null);
}

export const useMyBooking = create<MyBookingState>()(() => ({ code: null, booking: null, phase: "none" }));

export const myBookingAsked = (code: string) => useMyBooking.setState({ code, booking: null, phase: "loading" });
/** The booking over HTTP before the socket's answer: shown, but only the socket's answer makes it "ready". */
export function myBookingEarly(booking: BookingPublicView): void {
  const s = useMyBooking.getState();
  if (s.code === booking.code && s.phase === "loading") useMyBooking.setState({ booking, phase: "early" });
}
export const myBookingMissing = () => useMyBooking.setState({ booking: null, phase: "missing" });
export const myBookingClosed = () => useMyBooking.setState({ code: null, booking: null, phase: "none" });

/** A fresher public view (watch answer, booking:event, cancel, check-in). */
export function myBookingReceived(booking: BookingPublicView): void {
  if (useMyBooking.getState().code !== booking.code) return;
  useMyBooking.setState({ booking, phase: "ready" });
}
