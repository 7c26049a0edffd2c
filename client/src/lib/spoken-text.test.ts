import { beforeAll, describe, expect, it } from "vitest";
import { loadDictionary, translate, type Translate } from "../i18n/translate.ts";
import { formatWaitRange } from "./format.ts";
import { calledReadout, callAnnouncement, caseReadout, speakable, ticketReadout } from "./spoken-text.ts";

const zh: Translate = (key, vars) => translate("zh-CN", key, vars);
const en: Translate = (key, vars) => translate("en", key, vars);
beforeAll(() => loadDictionary("en"));

describe("the hall's spoken call", () => {
  it("sends someone in the hall to the speaker's seat, with the label they hold", () => {
    expect(callAnnouncement({ label: "A001", channel: "IN_PERSON" })).toBe("请 A001 号到发言席");
  });

  it("asks an online voter to speak online", () => {
    expect(callAnnouncement({ label: "W012", channel: "ONLINE" })).toBe("请 W012 号线上发言");
  });
});

describe("读给我听 on the voter's page", () => {
  it("reads the number, the place in line, who is ahead and the wait as words", () => {
    const wait = formatWaitRange(zh, { lowSec: 180, highSec: 300 });
    expect(wait).toBe("约 3–5 分钟");
    expect(ticketReadout(zh, { label: "W003", status: "WAITING", channel: "ONLINE", position: 3, ahead: 2, wait })).toBe(
      "您的排号是 W003。当前排第 3 位。前面还有 2 人。预计还需等候约 3 到 5 分钟。",
    );
  });

  it("tells the first in line to get ready", () => {
    expect(ticketReadout(zh, { label: "A002", status: "WAITING", channel: "IN_PERSON", position: 1, ahead: 0, wait: "不到 1 分钟" })).toBe(
      "您的排号是 A002。当前排第 1 位。下一位就是您，请做好准备。预计还需等候不到 1 分钟。",
    );
  });

  it("once called, says it is their turn and where to go", () => {
    expect(ticketReadout(zh, { label: "A002", status: "CALLED", channel: "IN_PERSON" })).toBe("您的排号是 A002。轮到您了！请到发言席准备发言。");
    expect(calledReadout(zh, "IN_PERSON")).toMatch(/^轮到您了/);
    expect(calledReadout(zh, "ONLINE")).toBe("轮到您了！请准备发言，代表正在等您。");
  });

  it("reads a finished turn's state instead of a place in line", () => {
    expect(ticketReadout(zh, { label: "W001", status: "DONE", channel: "ONLINE" })).toBe("您的排号是 W001。您的发言已结束，感谢参与。");
  });

  it("reads in English when the page is in English", () => {
    const wait = formatWaitRange(en, { lowSec: 180, highSec: 300 });
    expect(ticketReadout(en, { label: "W003", status: "WAITING", channel: "ONLINE", position: 3, ahead: 2, wait })).toMatch(/^Your number is W003\. .*3 to 5/);
  });

  it("turns written ranges into words", () => {
    expect(speakable(zh, "约 1–2 小时")).toBe("约 1 到 2 小时");
    expect(speakable(zh, "约 10 分钟")).toBe("约 10 分钟");
  });
});

describe("读给我听 on the tracking page", () => {
  it("reads what the case is about and where it stands", () => {
    expect(caseReadout(zh, { status: "IN_PROGRESS", summary: "小区停车位不够" })).toBe("您反映的事项：小区停车位不够。目前办理状态：办理中。");
  });
});
