/**
 * Choices remembered on this device: the interface language (Chinese unless chosen
 * otherwise) and 长辈版, the large-text view for older voters (docs/ARCHITECTURE.md §7b).
 * Both are mirrored in a cookie for the server, which writes the voter page's
 * first view in them (protocol/first-view.ts).
 */
import { create } from "zustand";
import { VIEW_COOKIE, viewCookieValue, type ViewLang } from "@protocol/first-view.ts";
import { loadDictionary } from "../i18n/translate.ts";
import { hasPageCookie, writePageCookie } from "../lib/page-cookie.ts";

/** The page's languages: the ones the server's first view can be written in too. */
export type Lang = ViewLang;
const KEY = "tongxin.lang";
const ELDER_KEY = "tongxin.elder";

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // private mode: the choice lasts for this page only
  }
}

function storedLang(): Lang {
  return read(KEY) === "en" ? "en" : "zh-CN";
}

/** null: never chosen on this device, so the first visit offers it. */
function storedElder(): boolean | null {
  const v = read(ELDER_KEY);
  return v === "on" ? true : v === "off" ? false : null;
}

export const usePreferences = create<{ lang: Lang; elder: boolean | null }>()(() => ({ lang: storedLang(), elder: storedElder() }));

const ONE_YEAR_S = 365 * 24 * 60 * 60;

/** Sets the view cookie when it does not say the current choices already (a choice made before the cookie existed, too). */
function mirrorInCookie(lang: Lang, elder: boolean | null): void {
  const value = viewCookieValue({ lang, elder: elder === true });
  if (!hasPageCookie(VIEW_COOKIE, value)) writePageCookie(VIEW_COOKIE, value, { path: "/", maxAgeS: ONE_YEAR_S });
}
mirrorInCookie(usePreferences.getState().lang, usePreferences.getState().elder);
usePreferences.subscribe((s) => mirrorInCookie(s.lang, s.elder));

/** Switches once the language's words are here (English is fetched on first use); without them the page stays readable in Chinese. */
export function setLang(lang: Lang): void {
  write(KEY, lang);
  void loadDictionary(lang)
    .catch(() => undefined)
    .then(() => usePreferences.setState({ lang }));
}

/** Turns 长辈版 on or off; either answer also ends the first-visit offer. */
export function setElder(on: boolean): void {
  write(ELDER_KEY, on ? "on" : "off");
  usePreferences.setState({ elder: on });
}

/** Keeps <html lang> in step so screen readers pick the right voice. */
export function syncDocumentLang(): () => void {
  const apply = (lang: Lang) => {
    document.documentElement.lang = lang;
  };
  apply(usePreferences.getState().lang);
  return usePreferences.subscribe((s) => apply(s.lang));
}
