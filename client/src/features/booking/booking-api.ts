/**
 * 预约 over HTTP (docs/ARCHITECTURE.md §6b). What this phone keeps of its bookings (the
 * token by code, the code by day) is stores/my-booking.ts.
 */
import type { BookingPublicView, BookingView } from "@protocol/model.ts";
import type { BookingCreateInput } from "@protocol/schemas.ts";
import { request } from "../../api.ts";
import { toClientError, type Result } from "../../lib/client-error.ts";
import { keepBooking } from "../../stores/my-booking.ts";

export const bookingLink = (code: string) => `${location.origin}/b/${encodeURIComponent(code)}`;

export async function bookPlace(sessionId: string, draft: BookingCreateInput) {
  const res = await request<{ booking: BookingPublicView; bookingToken: string }>("POST", `/api/sessions/${encodeURIComponent(sessionId)}/bookings`, draft);
  if (res.ok) keepBooking(res.data.booking, res.data.bookingToken);
  return res;
}

export async function cancelBooking(code: string, token: string): Promise<Result<{ booking: BookingPublicView }>> {
  try {
    const res = await fetch(`/api/bookings/${encodeURIComponent(code)}/cancel`, { method: "POST", headers: { accept: "application/json", "x-booking-token": token } });
    const json = (await res.json().catch(() => undefined)) as { booking?: BookingPublicView; error?: Parameters<typeof toClientError>[0] } | undefined;
    if (res.ok && json?.booking) return { ok: true, data: { booking: json.booking } };
    return { ok: false, error: toClientError(json?.error, res.status === 409 ? "CONFLICT" : res.status === 403 ? "FORBIDDEN" : "INTERNAL") };
  } catch {
    return { ok: false, error: { code: "NETWORK", message: "network error" } };
  }
}

export const sessionBookings = (sessionId: string) => request<{ bookings: BookingView[] }>("GET", `/api/sessions/${encodeURIComponent(sessionId)}/bookings`);
