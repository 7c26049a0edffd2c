/**
 * 预约 over HTTP (docs/ARCHITECTURE.md §6b). What this phone keeps of its bookings (the
 * token by code, the code by day) is stores/my-booking.ts.
 */
import type { BookingCreateInput } from "@protocol/schemas.ts";
import { call } from "../../api.ts";
import { keepBooking } from "../../stores/my-booking.ts";

export const bookingLink = (code: string) => `${location.origin}/b/${encodeURIComponent(code)}`;

export async function bookPlace(sessionId: string, draft: BookingCreateInput) {
  const res = await call("POST /api/sessions/:id/bookings", { params: { id: sessionId }, body: draft });
  if (res.ok) keepBooking(res.data.booking, res.data.bookingToken);
  return res;
}

/** The token the booking answered is the credential: sent as x-booking-token. */
export const cancelBooking = (code: string, token: string) => call("POST /api/bookings/:code/cancel", { params: { code }, headers: { "x-booking-token": token } });

export const sessionBookings = (sessionId: string) => call("GET /api/sessions/:id/bookings", { params: { id: sessionId } });
