/**
 * 预约 over HTTP (DESIGN §6b) and the booking tokens this phone keeps: the
 * token cancels and checks in, so it stays in localStorage by booking code.
 */
import type { BookingPublicView, BookingView } from "@protocol/model.ts";
import type { BookingCreateInput } from "@protocol/schemas.ts";
import { request } from "../../api.ts";
import { toClientError, type Result } from "../../lib/client-error.ts";

const tokenKey = (code: string) => `tongxin.booking.${code}`;

export function storedBookingToken(code: string): string | null {
  try {
    return localStorage.getItem(tokenKey(code));
  } catch {
    return null;
  }
}

function keepBookingToken(code: string, token: string): void {
  try {
    localStorage.setItem(tokenKey(code), token);
  } catch {
    // private mode: the confirmation on screen is all the voter keeps
  }
}

export const bookingLink = (code: string) => `${location.origin}/b/${encodeURIComponent(code)}`;

export async function bookPlace(sessionId: string, draft: BookingCreateInput) {
  const res = await request<{ booking: BookingPublicView; bookingToken: string }>("POST", `/api/sessions/${encodeURIComponent(sessionId)}/bookings`, draft);
  if (res.ok) keepBookingToken(res.data.booking.code, res.data.bookingToken);
  return res;
}

export const bookingByCode = (code: string) => request<{ booking: BookingPublicView }>("GET", `/api/bookings/${encodeURIComponent(code)}`);

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
