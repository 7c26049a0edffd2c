/**
 * Password complexity for staff, deputy and admin accounts (等保2.0 level 2,
 * docs/SECURITY.md): long enough, several kinds of characters, not the user
 * name, not one of the passwords every guesser tries first. Pure: the caller
 * decides what to do with the reason.
 */

export const PASSWORD_MIN_LENGTH = 10;
/** Of lower case, upper case, digits and other characters (a Chinese character counts as "other"). */
export const PASSWORD_MIN_KINDS = 3;

/**
 * Why a password is refused, as the coded message of the `password` field's
 * BAD_REQUEST detail (the client words each code in both languages).
 */
export type PasswordProblem = "password.tooShort" | "password.fewKinds" | "password.hasUsername" | "password.common";

/** Lower-cased, and compared with separators and digits stripped as well ("P@ssw0rd-2024" is "password"). */
const COMMON = new Set([
  "password",
  "passw0rd",
  "admin",
  "administrator",
  "qwerty",
  "qwertyuiop",
  "abc",
  "abcdef",
  "letmein",
  "welcome",
  "iloveyou",
  "changeme",
  "tongxin",
  "tongxindemo",
  "woaini",
  "woainiwoaini",
  "zhongguo",
  "china",
  "renda",
  "rendadaibiao",
]);
const LEET: Record<string, string> = { "0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "@": "a", $: "s", "!": "i" };

function kinds(password: string): number {
  let lower = 0;
  let upper = 0;
  let digit = 0;
  let other = 0;
  for (const ch of password) {
    if (/[a-z]/.test(ch)) lower = 1;
    else if (/[A-Z]/.test(ch)) upper = 1;
    else if (/[0-9]/.test(ch)) digit = 1;
    else other = 1;
  }
  return lower + upper + digit + other;
}

/** A keyboard walk or one character over and over ("1234567890", "aaaaaaaaaa") is as weak as a word. */
function isSequence(s: string): boolean {
  if (s.length < 4) return false;
  if (new Set(s).size <= 2) return true;
  const rows = ["01234567890", "abcdefghijklmnopqrstuvwxyz", "qwertyuiop", "asdfghjkl", "zxcvbnm", "1qaz2wsx3edc"];
  return rows.some((row) => row.includes(s) || [...row].reverse().join("").includes(s));
}

function isCommon(password: string): boolean {
  const lower = password.normalize("NFKC").toLowerCase();
  // Digits and signs around a word are decoration ("P@ssw0rd-2024"); inside it they stand for letters.
  const word = lower.replace(/^[^a-z]+|[^a-z]+$/g, "");
  const letters = [...word].map((c) => LEET[c] ?? c).join("").replace(/[^a-z]/g, "");
  const stripped = lower.replace(/[^a-z0-9]/g, "");
  return COMMON.has(letters) || COMMON.has(stripped) || isSequence(stripped) || isSequence(letters);
}

/** null when the password may be used by `username`; else the first reason it may not. */
export function passwordProblem(password: string, username: string): PasswordProblem | null {
  if ([...password].length < PASSWORD_MIN_LENGTH) return "password.tooShort";
  const name = username.trim().toLowerCase();
  const lower = password.normalize("NFKC").toLowerCase();
  // The name whole, or its longest part ("staff.lili" → "staff", "lili") when that part is not tiny.
  const parts = [name, ...name.split(/[._-]+/)].filter((p) => p.length >= 4);
  if (parts.some((p) => lower.includes(p))) return "password.hasUsername";
  if (isCommon(password)) return "password.common";
  if (kinds(password) < PASSWORD_MIN_KINDS) return "password.fewKinds";
  return null;
}
