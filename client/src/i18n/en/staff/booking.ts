import type { booking as zh } from "../../zh-CN/staff/booking.ts";

/** The booking words only staff pages show. English: exactly the keys of zh-CN/staff/booking.ts. */
export const booking: Record<keyof typeof zh, string> = {
  "desk.checkIn.title": "Booking check-in",
  "desk.checkIn.code": "Booking code",
  "desk.checkIn.hint": "Type or scan the voter's booking code (any case).",
  "desk.checkIn.submit": "Check in",
  "desk.checkIn.done": "{name} checked in, ticket {label}",
  "desk.checkIn.conflict": "This booking is already checked in, cancelled or still on the waiting list.",
  "desk.checkIn.notFound": "No booking of this day has this code.",
  "booked.title": "Booked, not yet here",
  "booked.empty": "No bookings waiting for check-in.",
  "booked.count": "{n} people",
  "support.hallTitle": "Most supported",
  "support.sortCases": "Most supported first",
};
