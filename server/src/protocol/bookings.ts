/** Bookings (预约) and support (附议) (docs/ARCHITECTURE.md §6b): statuses and views. */
import type { SessionStatus } from "./model.ts";

export const BOOKING_STATUSES = ["BOOKED", "WAITLISTED", "CHECKED_IN", "CANCELLED", "NO_SHOW"] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

/** GET /api/bookings/:code — what the code's holder may see: no name, no phone, no question. */
export interface BookingPublicView {
  code: string;
  sessionId: string;
  status: BookingStatus;
  /** booked order, 1, 2, 3… */
  place: number;
  /** WAITLISTED only: 1 = promoted at the next cancellation */
  waitlistPosition: number | null;
  /** only when the voter chose to show it */
  topic: string | null;
  isPublic: boolean;
  bookedAt: string;
  checkedInAt: string | null;
  /** the ticket's label once checked in */
  ticketLabel: string | null;
  session: { title: string; theme: string; venueName: string; town: string; address: string; startsAt: string; endsAt: string; status: SessionStatus };
}

/** What a booking answers, once (POST /api/sessions/:id/bookings; a retry with its requestId gets it again). */
export interface BookingCreated {
  booking: BookingPublicView;
  /** cancels the booking and checks it in online; shown once, stored hashed (and, with a requestId, sealed for a retry) */
  bookingToken: string;
}

/** The staff's view of a booking: full name, topic and question; the phone masked (138****5678). */
export interface BookingView {
  id: string;
  code: string;
  sessionId: string;
  status: BookingStatus;
  place: number;
  name: string;
  phone: string | null;
  topic: string;
  question: string | null;
  isPublic: boolean;
  bookedAt: string;
  checkedInAt: string | null;
  cancelledAt: string | null;
  ticketId: string | null;
  ticketLabel: string | null;
}
