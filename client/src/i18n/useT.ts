import { useCallback } from "react";
import { usePreferences, type Lang } from "../stores/preferences.ts";
import { en } from "./en.ts";
import { zhCN, type MessageKey } from "./zh-CN.ts";

export type { MessageKey };
export type Vars = Record<string, string | number>;
export type Translate = (key: MessageKey, vars?: Vars) => string;

const dictionaries: Record<Lang, Record<MessageKey, string>> = { "zh-CN": zhCN, en };

/** `{name}` placeholders are replaced by vars.name. */
export function translate(lang: Lang, key: MessageKey, vars?: Vars): string {
  const template = dictionaries[lang][key] ?? zhCN[key] ?? key;
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

export function useT(): Translate {
  const lang = usePreferences((s) => s.lang);
  return useCallback((key, vars) => translate(lang, key, vars), [lang]);
}

export function useLang(): Lang {
  return usePreferences((s) => s.lang);
}
