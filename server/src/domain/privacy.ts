/** How personal data is shown to people who are not staff. Pure. */

/** Keeps the first character only: 张三 → 张*, 欧阳娜娜 → 欧***, "Li Wei" → "L***". */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length === 0) return "*";
  return chars[0] + "*".repeat(Math.min(Math.max(chars.length - 1, 1), 3));
}

/** 13812345678 → 138****5678, for staff screens that need to confirm a number. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, "");
  if (digits.length < 7) return "****";
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
}
