/**
 * What RFC 5545 asks of a calendar file that the `ics` library leaves to us.
 * Pure.
 */

/** The product identifier, in the `-//owner//product//language` form of RFC 5545 §3.7.3. */
export const PRODUCT_ID = "-//Tongxin//Reception Days//ZH";

/**
 * Folds every content line longer than 75 octets (RFC 5545 §3.1): CRLF and
 * one space before each continuation, never inside a UTF-8 character (a
 * Chinese character is 3 octets, so a line of them breaks at 72 or 75).
 */
export function foldLines(calendar: string): string {
  return calendar
    .split("\r\n")
    .map((line) => foldLine(line))
    .join("\r\n");
}

function foldLine(line: string): string {
  if (Buffer.byteLength(line, "utf8") <= 75) return line;
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  // A continuation line starts with a space, which counts toward its 75.
  let limit = 75;
  for (const char of line) {
    const size = Buffer.byteLength(char, "utf8");
    if (octets + size > limit) {
      parts.push(current);
      current = "";
      octets = 0;
      limit = 74;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join("\r\n ");
}
