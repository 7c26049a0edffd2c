/** How personal data is shown to people who are not staff. Pure. */

/** Keeps the first character only, and hides the length too: 张三 → 张*, 欧阳娜娜 → 欧*. */
export function maskName(name: string): string {
  const first = Array.from(name.trim())[0];
  return first ? `${first}*` : "*";
}

