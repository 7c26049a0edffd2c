import { describe, expect, it } from "vitest";
import { bigramPhrase, planPostgresSearch, planSearch, snippetOf } from "./search-query.ts";

describe("planning a search", () => {
  it("asks the index for the 2-character pieces of a Chinese word", () => {
    expect(bigramPhrase("停车")).toBe('"停车"');
    expect(bigramPhrase("加装电梯")).toBe('"加装 装电 电梯"');
    expect(planSearch(" 停车 ")).toEqual({ match: '"停车"', likes: [], terms: ["停车"] });
  });

  it("needs every term", () => {
    expect(planSearch("停车 电梯").match).toBe('"停车" AND "电梯"');
  });

  it("narrows terms with punctuation by their letter runs and confirms with LIKE", () => {
    expect(planSearch("3.5米")).toEqual({ match: '"5米"', likes: ["%3.5米%"], terms: ["3.5米"] });
    expect(planSearch("100%")).toEqual({ match: '"10 00"', likes: ["%100\\%%"], terms: ["100%"] });
  });

  it("falls back to LIKE for one character", () => {
    expect(planSearch("车")).toEqual({ match: null, likes: ["%车%"], terms: ["车"] });
  });

  it("cannot be steered into FTS5 syntax", () => {
    const plan = planSearch('停车" OR x NEAR(');
    expect(plan.match).toBe('"停车" AND "OR" AND "NE EA AR"');
    expect(plan.likes).toEqual(['%停车"%', "%x%", "%NEAR(%"]);
  });
});

describe("snippets", () => {
  it("centres on the first hit and keeps one line", () => {
    const body = `${"前".repeat(100)}停车位不够\n${"后".repeat(100)}`;
    const s = snippetOf(body, ["停车"], 10);
    expect(s).toBe(`…${"前".repeat(10)}停车位不够 · ${"后".repeat(2)}…`);
    expect(snippetOf("王小明\n停车难\n\n", ["停车"])).toBe("王小明 · 停车难");
  });
});

describe("planning a search on PostgreSQL", () => {
  it("asks for every lower-cased piece and confirms each term", () => {
    expect(planPostgresSearch("停车位 AB")).toEqual({ grams: ["停车", "车位", "ab"], likes: ["%停车位%", "%AB%"], terms: ["停车位", "AB"] });
    expect(planPostgresSearch("车 100%")).toEqual({ grams: ["10", "00", "0%"], likes: ["%车%", "%100\\%%"], terms: ["车", "100%"] });
  });
});
