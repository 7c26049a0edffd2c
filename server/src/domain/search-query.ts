/**
 * A search box's text → how to ask the bigram index (see the migration
 * 20261126094500_back_office). Pure.
 *
 * The index holds every body cut into overlapping 2-character pieces, each
 * read by FTS5's unicode61 tokenizer. For a term made only of letters and
 * digits (停车, 加装电梯, A12), the phrase of its pieces matches exactly where
 * the term occurs. A term with punctuation (3.5米) is narrowed by the phrases
 * of its letter runs and confirmed with LIKE; a 1-character term is LIKE only.
 */

export interface SearchPlan {
  /** FTS5 MATCH expression for search_bigram, or null (nothing the index can narrow) */
  match: string | null;
  /** LIKE patterns (escape character \) the body must also match */
  likes: string[];
  /** the terms, for highlighting */
  terms: string[];
}

export const MAX_TERMS = 8;

/** What unicode61 keeps as token characters: letters, digits, private use. */
const RUN = /[\p{L}\p{N}\p{Co}]+/gu;

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** 停车位 → "停车 车位" (the FTS5 phrase of its 2-character pieces). */
export function bigramPhrase(run: string): string {
  const chars = Array.from(run);
  const grams: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) grams.push(chars[i]! + chars[i + 1]!);
  return `"${grams.join(" ")}"`;
}

export function planSearch(q: string): SearchPlan {
  const terms = [...new Set(q.trim().split(/\s+/).filter(Boolean))].slice(0, MAX_TERMS);
  const phrases: string[] = [];
  const likes: string[] = [];
  for (const term of terms) {
    const runs = (term.match(RUN) ?? []).filter((r) => Array.from(r).length >= 2);
    for (const run of runs) phrases.push(bigramPhrase(run));
    const exact = runs.length === 1 && runs[0] === term;
    if (!exact) likes.push(`%${escapeLike(term)}%`);
  }
  return { match: phrases.length ? [...new Set(phrases)].join(" AND ") : null, likes, terms };
}

/** A window of `body` around the first term it contains, on one line. */
export function snippetOf(body: string, terms: readonly string[], radius = 40): string {
  const flat = body.replace(/\s*\n\s*/g, " · ").replace(/\s+/g, " ").replace(/^( · )+|( · )+$/g, "").trim();
  const lower = flat.toLowerCase();
  let hit = -1;
  for (const t of terms) {
    const i = lower.indexOf(t.toLowerCase());
    if (i >= 0 && (hit < 0 || i < hit)) hit = i;
  }
  const chars = Array.from(flat);
  if (chars.length <= radius * 2) return flat;
  const start = Math.max(0, (hit < 0 ? 0 : Array.from(flat.slice(0, hit)).length) - radius);
  const end = Math.min(chars.length, start + radius * 2);
  return `${start > 0 ? "…" : ""}${chars.slice(start, end).join("")}${end < chars.length ? "…" : ""}`;
}

/** The PostgreSQL twin's plan (migration 20261126094500_back_office_search): pieces to find in SearchDoc.grams, substrings to confirm. */
export interface PostgresSearchPlan {
  /** lower-cased 2-character pieces every matching body contains (GIN index on grams) */
  grams: string[];
  /** ILIKE patterns (escape character \) every matching body contains */
  likes: string[];
  terms: string[];
}

export function planPostgresSearch(q: string): PostgresSearchPlan {
  const terms = [...new Set(q.trim().split(/\s+/).filter(Boolean))].slice(0, MAX_TERMS);
  const grams = new Set<string>();
  for (const term of terms) {
    const chars = Array.from(term.toLowerCase());
    for (let i = 0; i + 1 < chars.length; i++) grams.add(chars[i]! + chars[i + 1]!);
  }
  return { grams: [...grams], likes: terms.map((t) => `%${escapeLike(t)}%`), terms };
}
