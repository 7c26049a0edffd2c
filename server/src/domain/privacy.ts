/** How personal data is shown to people who are not staff. Pure. */

/** Keeps the first character only, and hides the length too: 张三 → 张*, 欧阳娜娜 → 欧*. */
export function maskName(name: string): string {
  const first = Array.from(name.trim())[0];
  return first ? `${first}*` : "*";
}

/** 13812345678 → 138****5678, for staff screens that need to confirm a number. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, "");
  if (digits.length < 7) return "****";
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
}
