import { describe, expect, it } from "vitest";
import { FIRST_VIEW_WORDS } from "../../../../server/src/transport/http/first-view-words.ts";
import { zhCN } from "../../i18n/zh-CN/index.ts";

describe("the voter page's first view", () => {
  it("says every word as the page that replaces it does (the zh-CN dictionary)", () => {
    for (const [key, word] of Object.entries(FIRST_VIEW_WORDS)) expect(zhCN[key as keyof typeof zhCN], key).toBe(word);
  });
});
