/**
 * Derived views of the live state. Pure; positions and waits come from the
 * shared domain rules so the client and server agree on the order.
 */
import type { TicketView, TranscriptEntryView } from "@protocol/model.ts";
import { compareQueueOrder, positionOf, waitingInOrder } from "@domain/queue.ts";
import { estimatedWaitRange, finishedTurnsSec, serviceTimeEstimate, type ServiceEstimate, type WaitRange } from "@domain/eta.ts";
import { resolveAmendments } from "@domain/transcript-timeline.ts";

export type TicketMap = Record<string, TicketView>;

export function waitingTickets(tickets: TicketMap): TicketView[] {
  return waitingInOrder(Object.values(tickets));
}

/** The ticket at the lectern: SPEAKING first, else CALLED (the most recent call). */
export function currentTicket(tickets: TicketMap): TicketView | undefined {
  const all = Object.values(tickets);
  const speaking = all.filter((t) => t.status === "SPEAKING");
  if (speaking.length) return latestBy(speaking, (t) => t.startedAt);
  const called = all.filter((t) => t.status === "CALLED");
  return called.length ? latestBy(called, (t) => t.calledAt) : undefined;
}

export function someoneBeingServed(tickets: TicketMap): boolean {
  return Object.values(tickets).some((t) => t.status === "CALLED" || t.status === "SPEAKING");
}

export interface QueueStanding {
  position: number;
  /** how many people wait ahead */
  ahead: number;
  /** the middle of `wait` */
  waitSec: number;
  /** the estimated wait as a range (domain/eta.ts: from the slot toward today's measured turns) */
  wait: WaitRange;
}

/** The expected turn length from the slot and today's finished turns (domain/eta.ts). */
export function serviceEstimateOf(tickets: TicketMap, slotSec: number): ServiceEstimate {
  return serviceTimeEstimate(slotSec, finishedTurnsSec(Object.values(tickets)));
}

/** Position and estimated wait of one WAITING ticket; undefined otherwise. `slotSec`: the session's slot length. */
export function standingOf(tickets: TicketMap, ticketId: string, slotSec: number): QueueStanding | undefined {
  const all = Object.values(tickets);
  const position = positionOf(all, ticketId);
  if (position === undefined) return undefined;
  const wait = estimatedWaitRange(position, someoneBeingServed(tickets), serviceEstimateOf(tickets, slotSec));
  return { position, ahead: position - 1, waitSec: wait.pointSec, wait };
}

/** Tickets that finished or dropped out today, most recent first. */
export function finishedTickets(tickets: TicketMap): TicketView[] {
  return Object.values(tickets)
    .filter((t) => t.status === "DONE" || t.status === "NO_SHOW" || t.status === "LEFT")
    .sort((a, b) => (b.finishedAt ?? b.joinedAt).localeCompare(a.finishedAt ?? a.joinedAt));
}

export function noShowTickets(tickets: TicketMap): TicketView[] {
  return Object.values(tickets)
    .filter((t) => t.status === "NO_SHOW")
    .sort(compareQueueOrder);
}

export interface CaptionLine {
  /** the id of the original entry (what amendments point at) */
  id: string;
  entry: TranscriptEntryView;
  /** latest text: the newest amendment's, or the original's */
  text: string;
  amended: boolean;
  /** id of the entry whose text is shown (an amendment's id when amended) */
  latestId: string;
}

/**
 * The transcript as it should read now: each amendment replaces the text of
 * the entry it amends (following chains of amendments), in the original's
 * place; an amendment whose original is not loaded stands on its own. The
 * folding is the domain's (the session record reads the same way).
 */
export function transcriptLines(entries: readonly TranscriptEntryView[]): CaptionLine[] {
  return resolveAmendments(entries).map(({ currentText, corrections, ...entry }) => ({
    id: entry.id,
    entry,
    text: currentText,
    amended: corrections.length > 0,
    latestId: corrections.at(-1)?.id ?? entry.id,
  }));
}

/** Caption lines for viewers: public entries only, the last `count`. */
export function latestCaptions(entries: readonly TranscriptEntryView[], count: number): CaptionLine[] {
  return transcriptLines(entries.filter((e) => e.visibility === "PUBLIC")).slice(-count);
}

function latestBy(tickets: TicketView[], at: (t: TicketView) => string | null): TicketView {
  return tickets.reduce((a, b) => ((at(b) ?? "") > (at(a) ?? "") ? b : a));
}
