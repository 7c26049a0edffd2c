import { useEffect } from "react";
import { useShallow } from "zustand/react/shallow";
import type { BookingPublicView } from "@protocol/bookings.ts";
import { followBooking } from "../../socket.ts";
import { bookedCodeOf, forgetBookingOfDay, storedBookingToken, useMyBooking } from "../../stores/my-booking.ts";

export interface BookingOfDay {
  code: string;
  /** null while it is being read */
  booking: BookingPublicView | null;
  /** the token that checks it in from this phone, if this phone booked it */
  token: string | null;
}

const GONE = ["CANCELLED", "NO_SHOW"];

/**
 * The booking this phone made for a day, followed live — or null when there
 * is none, or it was cancelled or lapsed (then the day's page offers its
 * forms again, and the day forgets it).
 */
export function useBookingOfDay(sessionId: string | undefined): BookingOfDay | null {
  const mine = useMyBooking(useShallow((s) => ({ code: s.code, booking: s.booking, phase: s.phase })));
  // Read on every render: a booking made on this page stores its code and changes the store.
  const code = sessionId ? bookedCodeOf(sessionId) : null;
  useEffect(() => (code ? followBooking(code) : undefined), [code]);
  const gone = mine.code === code && (mine.phase === "missing" || (mine.booking !== null && GONE.includes(mine.booking.status)));
  useEffect(() => {
    if (gone && sessionId && code) forgetBookingOfDay(sessionId, code);
  }, [gone, sessionId, code]);
  if (!code || gone) return null;
  return { code, booking: mine.code === code ? mine.booking : null, token: storedBookingToken(code) };
}
