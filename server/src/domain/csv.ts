/**
 * CSV that Excel opens correctly with Chinese text (RFC 4180 + a UTF-8 BOM)
 * and that cannot run formulas. Pure.
 */

export type CsvCell = string | number | boolean | null | undefined;

/** The BOM tells Excel the file is UTF-8; without it Chinese turns into mojibake. */
export const UTF8_BOM = "\uFEFF";

/**
 * A text cell starting with = + - @ (or tab / carriage return, which Excel
 * strips before looking) would be evaluated as a formula when the file is
 * opened: prefix it with ' (OWASP "CSV injection"). Numbers stay numbers.
 */
export function neutralizeFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** One cell: quoted when it holds a comma, quote, CR or LF; quotes doubled. */
export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  const text = neutralizeFormula(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows → a whole file: BOM, CRLF line ends (RFC 4180), a final CRLF. */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return UTF8_BOM + rows.map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

/**
 * Reads RFC 4180 text back into rows (for tests and imports). A leading BOM
 * is dropped; the formula guard is not undone.
 */
export function parseCsv(text: string): string[][] {
  const src = text.startsWith(UTF8_BOM) ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(cell);
      cell = "";
    } else if (ch === "\r" && src[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else if (ch === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else cell += ch;
  }
  if (cell !== "" || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}
