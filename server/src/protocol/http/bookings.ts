/** 预约 over HTTP (docs/ARCHITECTURE.md §6b): book, read by code, cancel with the token, the staff's list of a day's bookings, and the calendar files. */
import { z } from "zod";
import type { BookingCreated, BookingPublicView, BookingView } from "../bookings.ts";
import { bookingCode, bookingCreateSchema } from "../schemas.ts";
import { idParam } from "./params.ts";
import { entry, file, json } from "./route.ts";

const tag = "bookings";
const codeParam = z.object({ code: bookingCode });
const calendar = file("text/calendar; charset=utf-8");

export const bookingRoutes = {
  "POST /api/sessions/:id/bookings": entry({
    summary: "Book a place on a reception day (no login; limited per address; a repeated requestId gets the first answer)",
    tag,
    access: "public",
    params: idParam,
    body: bookingCreateSchema,
    status: 201,
    reply: json<BookingCreated>(),
    refuses: ["NOT_FOUND", "CONFLICT", "RATE_LIMITED"],
  }),
  "GET /api/sessions/:id/bookings": entry({
    summary: "A day's bookings in booked order, phones masked (the venue's staff and deputies; the service checks the login)",
    tag,
    access: "public",
    params: idParam,
    reply: json<{ bookings: BookingView[] }>(),
    refuses: ["NOT_FOUND"],
  }),
  "GET /api/bookings/:code": entry({
    summary: "A booking by its code",
    tag,
    access: "public",
    params: codeParam,
    reply: json<{ booking: BookingPublicView }>(),
    refuses: ["NOT_FOUND"],
  }),
  "POST /api/bookings/:code/cancel": entry({
    summary: "Cancel a booking (header x-booking-token: the token the booking answered)",
    tag,
    access: "public",
    params: codeParam,
    reply: json<{ booking: BookingPublicView }>(),
    refuses: ["FORBIDDEN", "NOT_FOUND", "CONFLICT"],
  }),
  "GET /api/venues/:id/calendar.ics": entry({
    summary: "A station's reception days as an iCalendar feed",
    tag,
    access: "public",
    params: idParam,
    reply: calendar,
    refuses: ["NOT_FOUND"],
  }),
  "GET /api/bookings/:code/calendar.ics": entry({
    summary: "One booking as an iCalendar file",
    tag,
    access: "public",
    params: codeParam,
    reply: calendar,
    refuses: ["NOT_FOUND"],
  }),
} as const;
