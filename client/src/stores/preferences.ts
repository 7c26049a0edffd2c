/** The interface language, remembered on this device. Chinese unless chosen otherwise. */
import { create } from "zustand";

export type Lang = "zh-CN" | "en";
const KEY = "tongxin.lang";

function storedLang(): Lang {
  try {
    return localStorage.getItem(KEY) === "en" ? "en" : "zh-CN";
  } catch {
    return "zh-CN";
  }
}

export const usePreferences = create<{ lang: Lang }>()(() => ({ lang: storedLang() }));

export function setLang(lang: Lang): void {
  try {
    localStorage.setItem(KEY, lang);
  } catch {
    // private mode: the choice lasts for this page only
  }
  usePreferences.setState({ lang });
}

/** Keeps <html lang> in step so screen readers pick the right voice. */
export function syncDocumentLang(): () => void {
  const apply = (lang: Lang) => {
    document.documentElement.lang = lang;
  };
  apply(usePreferences.getState().lang);
  return usePreferences.subscribe((s) => apply(s.lang));
}
