/** How personal data is shown and retired (docs/PRIVACY.md). Pure. */
import { splitLeadingLabel } from "./labels.ts";

/** Digits with single spaces or dashes between them (phone, landline, ID numbers — and dates). */
const NUMBER_LIKE = /\+?\d+(?:[- ]\d+)*[Xx]?/g;
const DATE_LIKE = /^\d{4}-\d{1,2}-\d{1,2}$/;

/** Blanks anything with 7 or more digits that is not a date (2026-11-26): for minutes and anonymized free text. */
export function redactNumbers(text: string): string {
  return text.replace(NUMBER_LIKE, (m) => (m.replace(/\D/g, "").length >= 7 && !DATE_LIKE.test(m) ? "［号码已隐去］" : m));
}

/** Keeps the first character only, and hides the length too: 张三 → 张*, 欧阳娜娜 → 欧*. */
export function maskName(name: string): string {
  const first = Array.from(name.trim())[0];
  return first ? `${first}*` : "*";
}

/**
 * How a voter who speaks in the record is named to viewers: by the ticket
 * label (hall:start writes it) and the masked name — 张建国 → 张*,
 * "W001 张建国" → "W001 张*" — whatever the recorder typed as the speaker.
 */
export function publicVoterSpeaker(name: string | null): string | null {
  if (!name?.trim()) return null;
  const labelled = splitLeadingLabel(name);
  if (!labelled) return maskName(name);
  return labelled.rest ? `${labelled.label} ${maskName(labelled.rest)}` : labelled.label;
}

/**
 * What staff screens and exports show of a phone: the first 3 and last 4
 * digits of a mobile (138****5678), only the last 2 of a short number. The
 * full number is shown only through the audited reveal.
 */
export function maskPhone(phone: string | null | undefined): string | null {
  if (!phone) return phone ?? null;
  // +86 138… is a Chinese mobile with the country code: mask the mobile.
  const all = phone.replace(/\D/g, "");
  const digits = all.length === 13 && all.startsWith("86") ? all.slice(2) : all;
  if (digits.length >= 7) return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
  if (digits.length <= 2) return "*".repeat(Math.max(digits.length, 1));
  return `${"*".repeat(digits.length - 2)}${digits.slice(-2)}`;
}

/** What an anonymized ticket's name becomes (the label, topic and public record stay). */
export const ANONYMIZED_NAME = "已匿名";
/** What an anonymized private question in the transcript becomes. */
export const ANONYMIZED_TEXT = "（已匿名）";

export const DAY_MS = 24 * 60 * 60 * 1000;

/** Records older than this were kept long enough: `retentionDays` before `now`. */
export function retentionCutoff(now: Date, retentionDays: number): Date {
  return new Date(now.getTime() - retentionDays * DAY_MS);
}

/** The notice text with the station's retention filled in. */
export function fillNotice(text: string, retentionDays: number): string {
  return text.replaceAll("{retentionDays}", String(retentionDays));
}

/**
 * A consent version from a join: versions run 1…current without gaps, so a
 * version in that range is one the station published. An older one is
 * accepted and recorded as given (the voter saw a notice that was valid when
 * the page loaded); one above the current is not a notice that exists.
 */
export function consentVersionKnown(version: number, current: number): boolean {
  return Number.isInteger(version) && version >= 1 && version <= current;
}

/** A stored ticket view (event payload) with its personal fields replaced. */
export function anonymizedTicketData<T extends { name: string; phone?: string | null; question?: string | null; priorityReason?: string | null; summary?: string | null }>(t: T): T {
  const out = { ...t, name: ANONYMIZED_NAME, phone: null, question: null };
  if (t.priorityReason) out.priorityReason = ANONYMIZED_NAME;
  if (t.summary) out.summary = redactNumbers(t.summary);
  return out;
}
