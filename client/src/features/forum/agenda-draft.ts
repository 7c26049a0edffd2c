/**
 * The agenda editor's draft (admin schedule): rows the clerk adds, removes,
 * reorders and types into, and the `agenda` input the API takes. Pure.
 */
import type { AgendaItemView } from "@protocol/model.ts";
import type { AgendaItemInput } from "./forum-api.ts";

export interface AgendaRow {
  /** a stable key for React while rows move */
  key: string;
  title: string;
  timeboxMin: string;
  speakerMin: string;
}

export type AgendaDraftAction =
  | { type: "add"; key: string }
  | { type: "remove"; key: string }
  | { type: "move"; key: string; by: -1 | 1 }
  | { type: "set"; key: string; field: "title" | "timeboxMin" | "speakerMin"; value: string }
  | { type: "reset"; rows: AgendaRow[] };

export const DEFAULT_TIMEBOX_MIN = 30;
export const DEFAULT_SPEAKER_MIN = 3;

export const emptyRow = (key: string): AgendaRow => ({ key, title: "", timeboxMin: String(DEFAULT_TIMEBOX_MIN), speakerMin: String(DEFAULT_SPEAKER_MIN) });

export function rowsOf(agenda: readonly AgendaItemView[]): AgendaRow[] {
  return [...agenda]
    .sort((a, b) => a.position - b.position)
    .map((i) => ({ key: i.id, title: i.title, timeboxMin: String(i.timeboxMin), speakerMin: String(i.speakerMin) }));
}

export function agendaDraftReducer(rows: AgendaRow[], action: AgendaDraftAction): AgendaRow[] {
  switch (action.type) {
    case "add":
      return [...rows, emptyRow(action.key)];
    case "remove":
      return rows.filter((r) => r.key !== action.key);
    case "move": {
      const from = rows.findIndex((r) => r.key === action.key);
      const to = from + action.by;
      if (from < 0 || to < 0 || to >= rows.length) return rows;
      const next = [...rows];
      [next[from], next[to]] = [next[to]!, next[from]!];
      return next;
    }
    case "set":
      return rows.map((r) => (r.key === action.key ? { ...r, [action.field]: action.value } : r));
    case "reset":
      return action.rows;
    default: {
      const never: never = action;
      throw new Error(`unexpected ${JSON.stringify(never)}`);
    }
  }
}

/** Rows with a title become the agenda, in order; blank rows are dropped, minutes read as whole numbers. */
export function agendaInputOf(rows: readonly AgendaRow[]): AgendaItemInput[] {
  return rows
    .filter((r) => r.title.trim() !== "")
    .map((r) => ({
      title: r.title.trim(),
      timeboxMin: Math.round(Number(r.timeboxMin) || DEFAULT_TIMEBOX_MIN),
      speakerMin: Math.round(Number(r.speakerMin) || DEFAULT_SPEAKER_MIN),
    }));
}

/** The same agenda as the session has (so an edit that did not touch it sends nothing). */
export function sameAgenda(input: readonly AgendaItemInput[], agenda: readonly AgendaItemView[]): boolean {
  const current = [...agenda].sort((a, b) => a.position - b.position);
  return (
    input.length === current.length &&
    input.every((i, k) => i.title === current[k]!.title && i.timeboxMin === current[k]!.timeboxMin && (i.speakerMin ?? DEFAULT_SPEAKER_MIN) === current[k]!.speakerMin)
  );
}
