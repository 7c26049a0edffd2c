import { describe, expect, it } from "vitest";
import { FIRST_VIEW_WORDS } from "../../../../server/src/transport/http/first-view-words.ts";
import { en } from "../../i18n/en/index.ts";
import { zhCN } from "../../i18n/zh-CN/index.ts";

describe("the voter page's first view", () => {
  it("says every word as the page that replaces it does, in both languages", () => {
    const dictionaries = { "zh-CN": zhCN, en } as const;
    for (const lang of ["zh-CN", "en"] as const) {
      const dictionary: Record<string, string> = dictionaries[lang];
      for (const [key, word] of Object.entries(FIRST_VIEW_WORDS[lang])) expect(dictionary[key], `${lang} ${key}`).toBe(word);
    }
    expect(Object.keys(FIRST_VIEW_WORDS.en).sort()).toEqual(Object.keys(FIRST_VIEW_WORDS["zh-CN"]).sort());
  });
});
