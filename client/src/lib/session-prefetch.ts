/**
 * The session's public view over HTTP, read while the socket is still
 * connecting: the voter page can show its join form one or two round trips
 * sooner on a slow phone. The server names this URL in a `Link: rel=preload`
 * header of `/s/:id` (server/src/transport/http/static-client.ts), so the
 * browser has usually fetched it before this script even runs — which is
 * why the request is a plain fetch: extra headers would not match the preload.
 */
import type { BookingPublicView } from "@protocol/bookings.ts";
import type { SessionView } from "@protocol/model.ts";
import { routeUrl } from "../api.ts";

export async function fetchSessionEarly(sessionId: string): Promise<SessionView | null> {
  try {
    const res = await fetch(routeUrl("GET /api/sessions/:id", { params: { id: sessionId } }), { credentials: "same-origin" });
    if (!res.ok) return null;
    const body = (await res.json()) as { session?: SessionView };
    return body.session?.id === sessionId ? body.session : null;
  } catch {
    return null;
  }
}

/** The same for a booking's status page (`/b/:code`, preloaded by the server likewise): the socket's `booking:watch` answers after its handshake. */
export async function fetchBookingEarly(code: string): Promise<BookingPublicView | null> {
  try {
    const res = await fetch(routeUrl("GET /api/bookings/:code", { params: { code } }), { credentials: "same-origin" });
    if (!res.ok) return null;
    const body = (await res.json()) as { booking?: BookingPublicView };
    return body.booking?.code === code ? body.booking : null;
  } catch {
    return null;
  }
}
