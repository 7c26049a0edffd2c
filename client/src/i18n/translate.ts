/** The one lookup: a key, a language and `{name}` placeholders filled from vars. No React here. */
import type { Lang } from "../stores/preferences.ts";
import { zhCN, type MessageKey } from "./zh-CN/index.ts";

export type { MessageKey };
export type Vars = Record<string, string | number>;
export type Translate = (key: MessageKey, vars?: Vars) => string;
type Words = Partial<Record<MessageKey, string>>;

/**
 * Chinese, the default, is in the first download; English (~20 KB on the
 * wire) is a chunk of its own, loaded when chosen (preferences.ts setLang, and
 * main.tsx before the first render when a device chose it before). The staff
 * pages' words are chunks of their own too (loadStaffWords).
 */
const loaded: Partial<Record<Lang, Words>> = { "zh-CN": zhCN };
const staffLoaded: Partial<Record<Lang, Words>> = {};
/** set by the first staff page: from then on a change of language brings that language's staff words too */
let staffWanted = false;

export const hasDictionary = (lang: Lang): boolean => loaded[lang] !== undefined && (!staffWanted || staffLoaded[lang] !== undefined);

export async function loadDictionary(lang: Lang): Promise<void> {
  await Promise.all([
    loaded[lang] || lang !== "en" ? undefined : import("./en/index.ts").then((m) => void (loaded.en = m.en)),
    staffWanted ? loadStaff(lang) : undefined,
  ]);
}

/**
 * The words only staff pages show (i18n/*\/staff/, ~40 KB of Chinese the
 * public pages need not download or evaluate), in the language in use plus
 * Chinese, which a missing English word falls back to. Each staff page's
 * chunk waits for them before it renders (App.tsx), so no page shows a key.
 */
export function loadStaffWords(lang: Lang): Promise<void> {
  staffWanted = true;
  return loadStaff(lang);
}

async function loadStaff(lang: Lang): Promise<void> {
  await Promise.all([
    staffLoaded["zh-CN"] ? undefined : import("./zh-CN/staff/index.ts").then((m) => void (staffLoaded["zh-CN"] = m.zhCNStaff)),
    staffLoaded.en || lang !== "en" ? undefined : import("./en/staff/index.ts").then((m) => void (staffLoaded.en = m.enStaff)),
  ]);
}

/** The `{name}` placeholders in a template, sorted, e.g. ["label", "title"]. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? "").sort();
}

/** `{name}` placeholders are replaced by vars.name; a missing var leaves the placeholder visible. A language not loaded yet reads as Chinese. */
export function translate(lang: Lang, key: MessageKey, vars?: Vars): string {
  const template = loaded[lang]?.[key] ?? staffLoaded[lang]?.[key] ?? loaded["zh-CN"]?.[key] ?? staffLoaded["zh-CN"]?.[key] ?? key;
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}
