/**
 * What the voter page and the server agree on for the page's first view
 * (transport/http/first-view.ts): the cookie the page sets while this phone
 * holds a ticket or a booking for the session (client/src/features/voter/
 * held-cookie.ts), so the server never writes a join form that would flash
 * before the ticket is found again. It says which of the two, nothing more.
 */
export const HELD_COOKIE = "tongxin_held";
export type HeldOnPhone = "ticket" | "booking" | null;
