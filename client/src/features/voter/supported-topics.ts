/**
 * Which topics this phone supported (附议), kept beside its supporter token so
 * a reload still shows "已附议". The server counts a device once whatever this
 * list says (docs/ARCHITECTURE.md §6b); it only spares the voter a button that
 * would be refused.
 */
const KEY = "tongxin.supported";
/** Tickets live for a day: the newest few hundred are more than any phone supports. */
const MAX = 300;

export function supportedTickets(): string[] {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(KEY) ?? "[]");
    return Array.isArray(stored) ? stored.filter((x): x is string => typeof x === "string") : [];
  } catch {
    return [];
  }
}

export function rememberSupported(ticketId: string): void {
  const ids = supportedTickets().filter((id) => id !== ticketId);
  ids.push(ticketId);
  try {
    localStorage.setItem(KEY, JSON.stringify(ids.slice(-MAX)));
  } catch {
    // private mode: this page still remembers what it supported
  }
}
