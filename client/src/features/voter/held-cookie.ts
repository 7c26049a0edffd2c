/**
 * Tells the server, on the next load of this session's page, that this phone
 * holds a ticket or a booking for it: the server writes a join form into the
 * page's first view (server/src/transport/http/first-view.ts), cannot read
 * localStorage, and a phone with a ticket must not see a form flash before
 * its ticket is found again. The cookie lives on this session's path only,
 * says which of the two, and carries no token.
 */
import { HELD_COOKIE, type HeldOnPhone } from "@protocol/first-view.ts";

/** As long as a stored ticket token may matter; refreshed on every visit. */
const MAX_AGE_S = 30 * 24 * 60 * 60;

/** A ticket token stored for the session wins: the page resumes it before anything else. */
export function heldOf(hasTicketToken: boolean, hasBooking: boolean): HeldOnPhone {
  return hasTicketToken ? "ticket" : hasBooking ? "booking" : null;
}

/** The `document.cookie` assignment that sets (or, for null, clears) the session's cookie. */
export function heldCookie(sessionId: string, held: HeldOnPhone, secure: boolean): string {
  const attrs = `Path=/s/${encodeURIComponent(sessionId)}; SameSite=Lax${secure ? "; Secure" : ""}`;
  return held ? `${HELD_COOKIE}=${held}; ${attrs}; Max-Age=${MAX_AGE_S}` : `${HELD_COOKIE}=; ${attrs}; Max-Age=0`;
}

export function syncHeldCookie(sessionId: string, held: HeldOnPhone): void {
  try {
    document.cookie = heldCookie(sessionId, held, window.location.protocol === "https:");
  } catch {
    // cookies off: the first view may show a form for a moment, as before
  }
}
