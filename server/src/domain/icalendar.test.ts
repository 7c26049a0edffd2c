import { describe, expect, it } from "vitest";
import { foldLines, PRODUCT_ID } from "./icalendar.ts";

const octets = (line: string) => Buffer.byteLength(line, "utf8");
/** RFC 5545 §3.1 unfolding: a CRLF followed by one space or tab is removed. */
const unfold = (text: string) => text.replace(/\r\n[ \t]/g, "");

describe("calendar lines", () => {
  it("a long line of Chinese is folded at no more than 75 octets, never inside a character, and unfolds to itself", () => {
    const line = "SUMMARY:" + "盛泽镇坛丘片区人大代表之家代表接待日".repeat(4);
    const folded = foldLines(`BEGIN:VEVENT\r\n${line}\r\nEND:VEVENT\r\n`);
    const lines = folded.split("\r\n");
    expect(lines.length).toBeGreaterThan(4);
    for (const l of lines) expect(octets(l)).toBeLessThanOrEqual(75);
    for (const l of lines.slice(2, -2)) expect(l.startsWith(" ")).toBe(true);
    expect(folded).not.toContain("\uFFFD");
    expect(unfold(folded)).toBe(`BEGIN:VEVENT\r\n${line}\r\nEND:VEVENT\r\n`);
  });

  it("leaves a line of exactly 75 octets alone and folds one of 76", () => {
    expect(foldLines("X".repeat(75))).toBe("X".repeat(75));
    expect(foldLines("X".repeat(76))).toBe(`${"X".repeat(75)}\r\n X`);
  });

  it("names the product in the -//owner//product//language form", () => {
    expect(PRODUCT_ID).toMatch(/^-\/\/[^/]+\/\/[^/]+\/\/[A-Z]{2}$/);
  });
});
