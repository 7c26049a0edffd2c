/**
 * The public answer statistics of a station (the public side of 量化积分,
 * docs/ARCHITECTURE.md §6d). Pure: rows in, numbers out.
 *
 * A case is *answered* at the first status change of its history to
 * RESOLVED, CLOSED or REJECTED — each carries a reply to the voter (the
 * resolution, or the reason it was not accepted). It is *answered within N
 * days* when that came at most N days after the case was opened. A case that
 * was reopened afterwards stays answered at its first reply: the statistics
 * say how fast voters heard back, not how often staff changed their mind.
 */
import type { CaseSource, CaseStatus } from "../protocol/model.ts";
import { ANSWERED_STATUSES, type AnswerNumbers } from "../protocol/messages.ts";

const DAY_MS = 24 * 60 * 60 * 1000;

export interface AnswerCase {
  source: CaseSource;
  status: CaseStatus;
  createdAt: Date;
  satisfaction: number | null;
  /** the times of its status changes to RESOLVED/CLOSED/REJECTED, any order */
  answeredAt: Date[];
}


export const isAnsweredStatus = (s: CaseStatus | null): boolean => s !== null && (ANSWERED_STATUSES as readonly string[]).includes(s);

/** The first answer of a case, or null when it has none yet. */
export function firstAnswer(c: Pick<AnswerCase, "answeredAt">): Date | null {
  let first: Date | null = null;
  for (const at of c.answeredAt) if (!first || at < first) first = at;
  return first;
}

export function answerNumbers(cases: readonly AnswerCase[], withinDays: number): AnswerNumbers {
  let answered = 0;
  let answeredWithin = 0;
  let pending = 0;
  let messages = 0;
  let ratingSum = 0;
  let rated = 0;
  for (const c of cases) {
    if (c.source === "MESSAGE") messages++;
    const first = firstAnswer(c);
    if (first) {
      answered++;
      if (first.getTime() - c.createdAt.getTime() <= withinDays * DAY_MS) answeredWithin++;
    }
    if (c.status === "OPEN" || c.status === "ASSIGNED" || c.status === "IN_PROGRESS") pending++;
    if (c.satisfaction !== null) {
      ratingSum += c.satisfaction;
      rated++;
    }
  }
  return { received: cases.length, messages, answered, answeredWithin, pending, satisfaction: rated ? ratingSum / rated : null, rated };
}
