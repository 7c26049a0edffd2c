/** The one lookup: a key, a language and `{name}` placeholders filled from vars. No React here. */
import type { Lang } from "../stores/preferences.ts";
import { en } from "./en/index.ts";
import { zhCN, type MessageKey } from "./zh-CN/index.ts";

export type { MessageKey };
export type Vars = Record<string, string | number>;
export type Translate = (key: MessageKey, vars?: Vars) => string;

export const dictionaries: Record<Lang, Record<MessageKey, string>> = { "zh-CN": zhCN, en };

/** The `{name}` placeholders in a template, sorted, e.g. ["label", "title"]. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? "").sort();
}

/** `{name}` placeholders are replaced by vars.name; a missing var leaves the placeholder visible. */
export function translate(lang: Lang, key: MessageKey, vars?: Vars): string {
  const template = dictionaries[lang][key] ?? zhCN[key] ?? key;
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}
