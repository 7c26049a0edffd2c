import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { en as enPublic } from "../i18n/en/index.ts";
import { enStaff } from "../i18n/en/staff/index.ts";
import { loadDictionary, loadStaffWords } from "../i18n/translate.ts";
import { translate, type Translate } from "../i18n/useT.ts";
import { errorMessage, fieldMessages } from "./error-message.ts";
import { formatClock, formatWait, formatWaitRange, titleBesideVenue } from "./format.ts";

const zh: Translate = (key, vars) => translate("zh-CN", key, vars);
const english: Translate = (key, vars) => translate("en", key, vars);
// Every English word, the staff pages' included.
const en = { ...enPublic, ...enStaff };
beforeAll(async () => {
  await loadDictionary("en");
  await loadStaffWords("en");
});

describe("wording", () => {
  it("placeholders are filled in and unknown ones left alone", () => {
    expect(zh("ticket.position", { n: 3 })).toBe("当前排第 3 位");
    expect(english("called.pageTitle", { label: "W003" })).toBe("[Your turn] W003 · {title}");
  });

  it("waits read as whole phrases in both languages", () => {
    expect(zh("ticket.wait", { time: formatWait(zh, 30) })).toBe("预计还需等候不到 1 分钟");
    expect(zh("ticket.wait", { time: formatWait(zh, 1500) })).toBe("预计还需等候约 25 分钟");
    expect(english("ticket.wait", { time: formatWait(english, 3900) })).toBe("Estimated wait: about 1 h 5 min");
  });

  it("an estimated wait reads as a range of whole minutes, rounded outward", () => {
    expect(zh("ticket.wait", { time: formatWaitRange(zh, { lowSec: 8.4 * 60, highSec: 14.2 * 60 }) })).toBe("预计还需等候约 8–15 分钟");
    expect(formatWaitRange(english, { lowSec: 8.4 * 60, highSec: 14.2 * 60 })).toBe("about 8–15 min");
    expect(formatWaitRange(zh, { lowSec: 0, highSec: 0 })).toBe("不到 1 分钟");
    expect(formatWaitRange(zh, { lowSec: 3 * 3600, highSec: 5.5 * 3600 })).toBe("约 3–6 小时");
  });

  it("a stopwatch pads seconds", () => {
    expect(formatClock(0)).toBe("0:00");
    expect(formatClock(547.8)).toBe("9:07");
  });

  it("every error code has a friendly sentence, never the server's text", () => {
    for (const code of ["BAD_REQUEST", "UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "CONFLICT", "RATE_LIMITED", "INTERNAL", "TIMEOUT", "OFFLINE", "NETWORK", "PASSWORD_CHANGE_REQUIRED"] as const) {
      const text = errorMessage(zh, { code, message: "raw server text" });
      expect(text).not.toContain("raw server text");
      expect(text).not.toMatch(/^error\./);
    }
  });

  it("field details map to localized messages, unknown fields keep the server's", () => {
    const fields = fieldMessages(zh, {
      code: "BAD_REQUEST",
      message: "invalid",
      details: { name: "Too big", "followUp.category": "Too small", weird: "server says no" },
    });
    expect(fields).toEqual({ name: "请填写姓名，不超过 50 个字", "followUp.category": "请填写类别，不超过 50 个字", weird: "server says no" });
    // A coded detail is worded by its code, whichever field carries it (the password policy).
    expect(fieldMessages(zh, { code: "BAD_REQUEST", message: "weak", details: { next: "password.hasUsername", password: "password.tooShort" } })).toEqual({
      next: "密码不能包含用户名。",
      password: "密码太短：至少 10 位。",
    });
  });
});

describe("punctuation per language", () => {
  it("English words carry no full-width colon, brackets, parentheses or commas", () => {
    const fullWidth = /[：【】（），。；]/;
    const offenders = Object.entries(en).filter(([, text]) => fullWidth.test(text));
    expect(offenders).toEqual([]);
    expect(english("punct.bracket", { text: "Traffic" })).toBe("[Traffic] ");
    expect(zh("punct.paren", { text: 3 })).toBe("（3）");
  });

  it("no page writes full-width punctuation beside a translated word: it comes from the dictionary", () => {
    const root = path.resolve(import.meta.dirname, "..");
    const files = readdirSync(root, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".tsx"));
    // JSX text right after a t(…) call, or inside a template literal next to one.
    const glued = /t\([^)]*\)\}?\s*[：【】（）]|[：【】（）]\s*\{?t\(/;
    const offenders = files.filter((f) => glued.test(readFileSync(path.join(root, f), "utf8")));
    expect(offenders).toEqual([]);
  });
});

describe("a session title beside its venue", () => {
  it("drops the venue's name when the title repeats it, and keeps any other title", () => {
    expect(titleBesideVenue("晓鹃工作室 · 11月代表接待日", "晓鹃工作室")).toBe("11月代表接待日");
    expect(titleBesideVenue("晓鹃工作室：停车专题", "晓鹃工作室")).toBe("停车专题");
    expect(titleBesideVenue("11月代表接待日", "晓鹃工作室")).toBe("11月代表接待日");
    expect(titleBesideVenue("晓鹃工作室", "晓鹃工作室")).toBe("晓鹃工作室");
  });
});
