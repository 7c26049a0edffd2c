/** The one lookup: a key, a language and `{name}` placeholders filled from vars. No React here. */
import type { Lang } from "../stores/preferences.ts";
import { zhCN, type MessageKey } from "./zh-CN/index.ts";

export type { MessageKey };
export type Vars = Record<string, string | number>;
export type Translate = (key: MessageKey, vars?: Vars) => string;

/**
 * Chinese, the default, is in the first download; English (~20 KB on the
 * wire) is a chunk of its own, loaded when chosen (preferences.ts setLang, and
 * main.tsx before the first render when a device chose it before).
 */
const loaded: Partial<Record<Lang, Record<MessageKey, string>>> = { "zh-CN": zhCN };

export const hasDictionary = (lang: Lang): boolean => loaded[lang] !== undefined;

export async function loadDictionary(lang: Lang): Promise<void> {
  if (loaded[lang]) return;
  if (lang === "en") loaded.en = (await import("./en/index.ts")).en;
}

/** The `{name}` placeholders in a template, sorted, e.g. ["label", "title"]. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? "").sort();
}

/** `{name}` placeholders are replaced by vars.name; a missing var leaves the placeholder visible. A language not loaded yet reads as Chinese. */
export function translate(lang: Lang, key: MessageKey, vars?: Vars): string {
  const template = loaded[lang]?.[key] ?? zhCN[key] ?? key;
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}
