import { describe, expect, it } from "vitest";
import { csvCell, neutralizeFormula, parseCsv, toCsv, UTF8_BOM } from "./csv.ts";

describe("csv", () => {
  it("starts with a UTF-8 BOM and ends every row with CRLF", () => {
    const text = toCsv([["排号", "姓名"], ["A001", "张三"]]);
    expect(text.startsWith(UTF8_BOM)).toBe(true);
    expect(text.slice(1)).toBe("排号,姓名\r\nA001,张三\r\n");
  });

  it("quotes commas, quotes and line breaks and doubles inner quotes", () => {
    expect(csvCell('他说"停车难"')).toBe('"他说""停车难"""');
    expect(csvCell("一，二,三")).toBe('"一，二,三"');
    expect(csvCell("第一行\n第二行")).toBe('"第一行\n第二行"');
    expect(csvCell("普通")).toBe("普通");
  });

  it("neutralizes cells Excel would run as formulas", () => {
    for (const evil of ["=1+2", "+SUM(A1)", "-2+3", "@cmd", "\t=x", "\r=x"]) {
      expect(neutralizeFormula(evil)).toBe(`'${evil}`);
    }
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(neutralizeFormula("a=b")).toBe("a=b");
  });

  it("keeps numbers as numbers, including negative ones, and empties for null", () => {
    expect(csvCell(-5)).toBe("-5");
    expect(csvCell(3.5)).toBe("3.5");
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
    expect(csvCell(Number.NaN)).toBe("");
  });

  it("reads back what it wrote", () => {
    const rows = [
      ["时间", "内容"],
      ["09:00", '他说："停车位不够,\r\n晚上找不到"'],
      ["09:05", ""],
    ];
    expect(parseCsv(toCsv(rows))).toEqual(rows);
  });
});
