/**
 * What the voter page and the server agree on for the page's first view
 * (transport/http/first-view.ts): the cookie the page sets while this phone
 * holds a ticket or a booking for the session (client/src/features/voter/
 * held-cookie.ts), so the server never writes a join form that would flash
 * before the ticket is found again. It says which of the two, nothing more.
 */
export const HELD_COOKIE = "tongxin_held";
export type HeldOnPhone = "ticket" | "booking" | null;

/**
 * The phone's choice of language and of 长辈版 (client/src/stores/
 * preferences.ts keeps them in localStorage, which the server cannot read),
 * mirrored in a cookie on every path so that the first view is written in
 * that language and size: an older voter who chose the large text is not
 * shown a small form first. No personal data; the default is Chinese, normal size.
 */
export const VIEW_COOKIE = "tongxin_view";
export type ViewLang = "zh-CN" | "en";
export interface ViewChoice {
  lang: ViewLang;
  elder: boolean;
}

/** The cookie's value: the language, then ".elder" for 长辈版 (e.g. `en.elder`). */
export function viewCookieValue(v: ViewChoice): string {
  return v.elder ? `${v.lang}.elder` : v.lang;
}

/** What a cookie's value says; anything else reads as the default. */
export function readViewChoice(value: string | undefined): ViewChoice {
  const [lang, elder] = (value ?? "").split(".");
  return { lang: lang === "en" ? "en" : "zh-CN", elder: elder === "elder" };
}
