/**
 * The staff pages' words are not in the public pages' download (translate.ts loadStaffWords):
 * so no module a public page loads may use one, or import them, or a voter would read a key.
 * Which modules a public page loads is read from the imports, from main.tsx, stopping at the
 * staff pages App.tsx loads lazily (with their words).
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadDictionary, loadStaffWords, translate } from "./translate.ts";
import { zhCNStaff } from "./zh-CN/staff/index.ts";

const SRC = path.resolve(import.meta.dirname, "..");
const STAFF_PAGES = ["features/hall/HallConsolePage.tsx", "features/desk/DeskPage.tsx", "features/admin/AdminApp.tsx", "features/auth/AccountPasswordPage.tsx"];

const sources = new Map<string, string>();
for (const entry of readdirSync(SRC, { recursive: true, encoding: "utf8" })) {
  if (/\.tsx?$/.test(entry) && !/\.test\.tsx?$/.test(entry)) sources.set(entry.split(path.sep).join("/"), readFileSync(path.join(SRC, entry), "utf8"));
}

/** The modules a public page may load: main.tsx and what it imports, statically or lazily, short of the staff pages. */
function publicModules(): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file) || STAFF_PAGES.includes(file)) return;
    seen.add(file);
    for (const m of sources.get(file)!.matchAll(/(?:from |import\()"(\.[^"]+)"/g)) {
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), m[1]!));
      if (sources.has(target)) visit(target);
    }
  };
  visit("main.tsx");
  return seen;
}

/** Whether a module's source names the key, as a literal or as a template's prefix (`caseStatus.${s}`). */
function uses(source: string, key: string): boolean {
  if (source.includes(`"${key}"`)) return true;
  const parts = key.split(".");
  return parts.slice(1).some((_, i) => source.includes("`" + parts.slice(0, i + 1).join(".") + ".${"));
}

describe("the staff pages' words", () => {
  const modules = publicModules();

  it("the walk finds the public pages and stops at the staff ones", () => {
    expect(modules.has("features/voter/VoterPage.tsx")).toBe(true);
    expect(modules.has("features/screen/HallScreenPage.tsx")).toBe(true);
    expect(modules.has("features/admin/AdminApp.tsx")).toBe(false);
    expect(modules.has("features/hall/HallConsolePage.tsx")).toBe(false);
  });

  it("no module a public page loads uses one of them", () => {
    const used: string[] = [];
    for (const file of [...modules].filter((f) => !f.startsWith("i18n/"))) {
      for (const key of Object.keys(zhCNStaff)) if (uses(sources.get(file)!, key)) used.push(`${key} in ${file}`);
    }
    expect(used).toEqual([]);
  });

  it("nor imports them (a type is no import) but through translate.ts's lazy import", () => {
    const outsideStaff = [...modules].filter((f) => !/^i18n\/[^/]+\/staff\//.test(f));
    const importers = outsideStaff.filter((f) => /^import (?!type )[^;]*from "[^"]*\/staff\/[^"]*"/m.test(sources.get(f)!));
    expect(importers).toEqual([]);
    expect(sources.get("i18n/translate.ts")).toMatch(/import\("\.\/zh-CN\/staff\/index\.ts"\)/);
  });

  it("arrive with the first staff page, in Chinese and then in the language chosen", async () => {
    expect(translate("zh-CN", "hall.callNext")).toBe("hall.callNext");
    await loadStaffWords("zh-CN");
    expect(translate("zh-CN", "hall.callNext")).toBe("叫下一位");
    expect(translate("en", "hall.callNext")).toBe("叫下一位");
    await loadDictionary("en");
    expect(translate("en", "hall.callNext")).toBe("Call next");
  });
});
