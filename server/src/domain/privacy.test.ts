import { describe, expect, it } from "vitest";
import { anonymizedTicketData, consentVersionKnown, fillNotice, maskName, maskPhone, retentionCutoff } from "./privacy.ts";

describe("privacy rules", () => {
  it("mask a mobile to its first three and last four digits", () => {
    expect(maskPhone("13812345678")).toBe("138****5678");
    expect(maskPhone("+86 138-1234-5678")).toBe("138****5678");
  });
  it("mask a short number to its last two digits and keep an absent one absent", () => {
    expect(maskPhone("12345")).toBe("***45");
    expect(maskPhone("1")).toBe("*");
    expect(maskPhone(null)).toBeNull();
    expect(maskPhone(undefined)).toBeNull();
  });
  it("mask a name to its first character", () => {
    expect(maskName("欧阳娜娜")).toBe("欧*");
  });
  it("accept every published consent version, the current one and older ones, but not one above the current", () => {
    expect(consentVersionKnown(1, 3)).toBe(true);
    expect(consentVersionKnown(3, 3)).toBe(true);
    expect(consentVersionKnown(4, 3)).toBe(false);
    expect(consentVersionKnown(0, 3)).toBe(false);
  });
  it("put the retention cutoff the configured number of days before now", () => {
    expect(retentionCutoff(new Date("2026-07-01T00:00:00Z"), 180).toISOString()).toBe("2026-01-02T00:00:00.000Z");
  });
  it("fill the retention into the notice and anonymize a stored ticket's personal fields only", () => {
    expect(fillNotice("保存 {retentionDays} 天", 90)).toBe("保存 90 天");
    expect(anonymizedTicketData({ label: "W001", name: "张三", phone: "138", question: "q", topic: "t" })).toEqual({ label: "W001", name: "已匿名", phone: null, question: null, topic: "t" });
  });
});
