/**
 * 代表建议 (docs/ARCHITECTURE.md §6e): which step a suggestion in a status
 * allows, where an evaluation sends it, its readable number and its
 * supervision colour (三色督办). Pure: the clock is an argument.
 */
import type { EvaluationResult, Supervision, SuggestionStatus } from "../protocol/suggestions.ts";
import { CN_OFFSET_MS } from "./cn-calendar.ts";

export type SuggestionStep = "edit" | "submit" | "assign" | "answer" | "evaluate" | "return" | "countersign";

const DAY_MS = 24 * 60 * 60 * 1000;
/** YELLOW from this many days before the deadline. */
export const YELLOW_DAYS = 15;
/** The second handling's default deadline: a month after the unsatisfied evaluation. */
export const SECOND_ROUND_DAYS = 30;

const ALLOWED: Record<SuggestionStep, readonly SuggestionStatus[]> = {
  edit: ["DRAFT"],
  submit: ["DRAFT"],
  // The office may reassign (another department, a new date) until it is answered.
  assign: ["SUBMITTED", "ASSIGNED"],
  answer: ["ASSIGNED"],
  evaluate: ["ANSWERED"],
  // 退办: back to the office, which assigns it again.
  return: ["ASSIGNED"],
  // 会签: the helper departments sign the lead department's draft answer.
  countersign: ["COUNTERSIGNING"],
};

/** A department may return (退办) a suggestion outside its responsibility within this many working days of being assigned it. */
export const RETURN_WORKING_DAYS = 7;

export function canTakeStep(status: SuggestionStatus, step: SuggestionStep): boolean {
  return ALLOWED[step].includes(status);
}

/** The status a step leads to (evaluate: see afterEvaluation). */
export function statusAfter(step: Exclude<SuggestionStep, "evaluate" | "countersign">, status: SuggestionStatus): SuggestionStatus {
  switch (step) {
    case "return":
      return "SUBMITTED";
    case "edit":
      return status;
    case "submit":
      return "SUBMITTED";
    case "assign":
      return "ASSIGNED";
    case "answer":
      return "ANSWERED";
    default: {
      const never: never = step;
      return never;
    }
  }
}

/** A helper department's countersign (会签) of the lead department's draft answer. */
export type Countersign = "AGREED" | "RETURNED";

/**
 * Where the lead department's answer goes: with helper departments it waits
 * for their countersign (COUNTERSIGNING); without, it goes out at once.
 */
export function afterAnswer(helperCount: number): SuggestionStatus {
  return helperCount > 0 ? "COUNTERSIGNING" : "ANSWERED";
}

/**
 * After one helper's countersign, given every helper's decision so far
 * (null: not yet): a return sends the draft back to the lead department
 * (ASSIGNED, to revise and answer again); when every helper agreed the answer
 * goes out (ANSWERED); otherwise it keeps waiting.
 */
export function afterCountersign(decisions: readonly (Countersign | null)[]): SuggestionStatus {
  if (decisions.includes("RETURNED")) return "ASSIGNED";
  return decisions.every((d) => d === "AGREED") ? "ANSWERED" : "COUNTERSIGNING";
}

/** 会签中（2/3 已会签）: how many helpers agreed, of how many. */
export function countersignProgress(decisions: readonly (Countersign | null)[]): { agreed: number; total: number } {
  return { agreed: decisions.filter((d) => d === "AGREED").length, total: decisions.length };
}

/**
 * An UNSATISFIED evaluation sends the suggestion back once (重新办理), with a
 * new deadline; a second one is recorded and it stays EVALUATED.
 */
export function afterEvaluation(
  result: EvaluationResult,
  secondRoundUsed: boolean,
  now: Date,
): { status: SuggestionStatus; secondRound: boolean; dueAt: Date | null } {
  if (result === "UNSATISFIED" && !secondRoundUsed) {
    return { status: "ASSIGNED", secondRound: true, dueAt: new Date(now.getTime() + SECOND_ROUND_DAYS * DAY_MS) };
  }
  return { status: "EVALUATED", secondRound: secondRoundUsed, dueAt: null };
}

/** The statuses whose deadline still runs: assigned, or answered but still countersigned (the answer has not gone out). */
export const SUPERVISED_STATUSES: readonly SuggestionStatus[] = ["ASSIGNED", "COUNTERSIGNING"];

/** 三色督办 on an assigned suggestion whose answer has not gone out; null otherwise. */
export function supervisionOf(s: { status: SuggestionStatus; dueAt: Date | null }, now: Date): Supervision | null {
  if (!SUPERVISED_STATUSES.includes(s.status) || !s.dueAt) return null;
  const left = s.dueAt.getTime() - now.getTime();
  if (left < 0) return "RED";
  return left <= YELLOW_DAYS * DAY_MS ? "YELLOW" : "GREEN";
}

/** The bounds of dueAt that give each colour at `now`, for filtering in the database. */
export function supervisionWindow(colour: Supervision, now: Date): { gte?: Date; lt?: Date } {
  const yellowFrom = new Date(now.getTime() + YELLOW_DAYS * DAY_MS);
  if (colour === "RED") return { lt: now };
  if (colour === "YELLOW") return { gte: now, lt: new Date(yellowFrom.getTime() + 1) };
  return { gte: new Date(yellowFrom.getTime() + 1) };
}

/** The year a suggestion is numbered in: China time. */
export function suggestionYear(at: Date): number {
  return new Date(at.getTime() + CN_OFFSET_MS).getUTCFullYear();
}

/** `2026-0007`: the year, then the year's sequence, four digits at least. */
export function suggestionNumber(year: number, seq: number): string {
  return `${year}-${String(seq).padStart(4, "0")}`;
}

/**
 * The end of the window to return a suggestion: `n` working days (Monday to
 * Friday, China time) after `from`, at the same time of day. Public holidays
 * and their make-up working days are not known here: a holiday counts as a
 * working day, which only shortens the window.
 */
export function afterWorkingDays(from: Date, n: number): Date {
  const DAY = 24 * 60 * 60 * 1000;
  let at = from.getTime();
  let left = n;
  while (left > 0) {
    at += DAY;
    const weekday = new Date(at + CN_OFFSET_MS).getUTCDay();
    if (weekday !== 0 && weekday !== 6) left--;
  }
  return new Date(at);
}
