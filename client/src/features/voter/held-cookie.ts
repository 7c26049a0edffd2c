/**
 * Tells the server, on the next load of this session's page, that this phone
 * holds a ticket or a booking for it: the server writes a join form into the
 * page's first view (server/src/transport/http/first-view.ts), cannot read
 * localStorage, and a phone with a ticket must not see a form flash before
 * its ticket is found again. The cookie lives on this session's path only,
 * says which of the two, and carries no token.
 */
import { HELD_COOKIE, type HeldOnPhone } from "@protocol/first-view.ts";
import { cookieAssignment, writePageCookie } from "../../lib/page-cookie.ts";

/** As long as a stored ticket token may matter; refreshed on every visit. */
const MAX_AGE_S = 30 * 24 * 60 * 60;

/** A ticket token stored for the session wins: the page resumes it before anything else. */
export function heldOf(hasTicketToken: boolean, hasBooking: boolean): HeldOnPhone {
  return hasTicketToken ? "ticket" : hasBooking ? "booking" : null;
}

/** The cookie for the session's own path; null clears it. */
function heldCookieParts(sessionId: string, held: HeldOnPhone) {
  return { value: held ?? "", path: `/s/${encodeURIComponent(sessionId)}`, maxAgeS: held ? MAX_AGE_S : 0 };
}

/** The `document.cookie` assignment that sets (or, for null, clears) the session's cookie. */
export function heldCookie(sessionId: string, held: HeldOnPhone, secure: boolean): string {
  const c = heldCookieParts(sessionId, held);
  return cookieAssignment(HELD_COOKIE, c.value, { ...c, secure });
}

export function syncHeldCookie(sessionId: string, held: HeldOnPhone): void {
  const c = heldCookieParts(sessionId, held);
  writePageCookie(HELD_COOKIE, c.value, c);
}
