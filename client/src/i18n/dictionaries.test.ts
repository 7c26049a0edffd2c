import { beforeAll, describe, expect, it } from "vitest";
import { en as enPublic, enNamespaces as enPublicNamespaces } from "./en/index.ts";
import { enStaff, enStaffNamespaces } from "./en/staff/index.ts";
import { hasDictionary, loadDictionary, loadStaffWords, placeholders, translate } from "./translate.ts";
import { zhCN as zhPublic, zhCNNamespaces as zhPublicNamespaces, type MessageKey } from "./zh-CN/index.ts";
import { zhCNStaff, zhCNStaffNamespaces } from "./zh-CN/staff/index.ts";

// Every page's words and the staff pages' words, checked as one dictionary per language.
const zhCN: Record<MessageKey, string> = { ...zhPublic, ...zhCNStaff };
const en: Record<MessageKey, string> = { ...enPublic, ...enStaff };
type Namespaces = Record<string, Record<string, string>>;
const inStaff = (ns: Namespaces): Namespaces => Object.fromEntries(Object.entries(ns).map(([name, words]) => [`staff/${name}`, words]));
const zhCNNamespaces: Namespaces = { ...zhPublicNamespaces, ...inStaff(zhCNStaffNamespaces) };
const enNamespaces: Namespaces = { ...enPublicNamespaces, ...inStaff(enStaffNamespaces) };
const keys = Object.keys(zhCN) as MessageKey[];

beforeAll(async () => {
  await loadDictionary("en");
  await loadStaffWords("en");
});

describe("the dictionaries", () => {
  it("Chinese is always there; English once loaded", () => {
    expect(hasDictionary("zh-CN")).toBe(true);
    expect(hasDictionary("en")).toBe(true);
  });

  it("English has every Chinese key and no other", () => {
    expect(Object.keys(en).sort()).toEqual([...keys].sort());
    expect(Object.keys(enPublic).sort()).toEqual(Object.keys(zhPublic).sort());
  });

  it("each namespace file holds the same keys in both languages", () => {
    for (const [name, words] of Object.entries(zhCNNamespaces)) {
      const english = enNamespaces[name] ?? {};
      expect(Object.keys(english).sort(), name).toEqual(Object.keys(words).sort());
    }
  });

  it("no key is defined in two namespace files, so merging them loses nothing", () => {
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const [name, words] of Object.entries(zhCNNamespaces)) {
      for (const key of Object.keys(words)) {
        if (seen.has(key)) twice.push(`${key} in ${seen.get(key)} and ${name}`);
        seen.set(key, name);
      }
    }
    expect(twice).toEqual([]);
    expect(seen.size).toBe(keys.length);
  });

  it("a key starts with its namespace's prefix in the admin and track files", () => {
    expect(Object.keys(zhCNStaffNamespaces.admin).filter((k) => !k.startsWith("admin."))).toEqual([]);
    expect(Object.keys(zhPublicNamespaces.track).filter((k) => !k.startsWith("track."))).toEqual([]);
  });

  it("no value is empty in either language", () => {
    for (const [lang, words] of Object.entries({ "zh-CN": zhCN, en })) {
      const empty = keys.filter((k) => words[k].trim() === "");
      expect(empty, lang).toEqual([]);
    }
  });

  it("both languages use the same {placeholders} for every key", () => {
    const mismatched = keys.filter((k) => placeholders(zhCN[k]).join() !== placeholders(en[k]).join());
    expect(mismatched).toEqual([]);
  });

  it("the one lookup fills every placeholder of a key and leaves unknown ones visible", () => {
    expect(placeholders("{label} · {title} {label}")).toEqual(["label", "label", "title"]);
    expect(translate("zh-CN", "admin.record.heard", { n: 5, online: 3, inPerson: 2, missed: 1 })).toBe("接待 5 人（线上 3，现场 2），未到或离开 1 人");
    expect(translate("en", "case.stars", { n: 4 })).toBe("4 stars");
    expect(translate("en", "called.pageTitle", { label: "W003" })).toBe("[Your turn] W003 · {title}");
  });

  it("merged words read the same everywhere they are used", () => {
    expect(translate("zh-CN", "transcriptKind.QUESTION")).toBe("提问");
    expect(translate("en", "speakerRole.DEPUTY")).toBe("Deputy");
    expect(translate("zh-CN", "caseStatus.IN_PROGRESS")).toBe("办理中");
  });
});
