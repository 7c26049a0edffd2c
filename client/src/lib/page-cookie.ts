/**
 * The cookies the pages set for the server's first view of the voter page
 * (protocol/first-view.ts): what a phone holds for a session, its language
 * and 长辈版. Lax, Secure over https; Max-Age=0 clears one.
 */

/** The `document.cookie` assignment for one such cookie. */
export function cookieAssignment(name: string, value: string, o: { path: string; maxAgeS: number; secure: boolean }): string {
  return `${name}=${value}; Path=${o.path}; SameSite=Lax${o.secure ? "; Secure" : ""}; Max-Age=${o.maxAgeS}`;
}

/** Sets it; with cookies off (or no document, in tests) the first view is the default one, as before. */
export function writePageCookie(name: string, value: string, o: { path: string; maxAgeS: number }): void {
  try {
    document.cookie = cookieAssignment(name, value, { ...o, secure: window.location.protocol === "https:" });
  } catch {
    // nothing to do: the page works the same without it
  }
}

/** Whether the page already has this cookie with this value (false when cookies cannot be read). */
export function hasPageCookie(name: string, value: string): boolean {
  try {
    return document.cookie.split("; ").includes(`${name}=${value}`);
  } catch {
    return false;
  }
}
