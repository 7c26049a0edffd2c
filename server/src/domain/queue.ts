/**
 * The queue rule (docs/ARCHITECTURE.md §2). Pure: ranks are epoch ms and the
 * caller passes the clock's reading.
 */
import type { Channel, TicketStatus } from "../protocol/model.ts";

export interface Rankable {
  id: string;
  label: string;
  status: TicketStatus;
  rank: number;
}

const MINUTE_MS = 60_000;

/** Online voters rank by join time; walk-ins get a bounded head start. */
export function initialRank(channel: Channel, joinedAtMs: number, walkInHeadStartMin: number): number {
  return channel === "IN_PERSON" ? joinedAtMs - walkInHeadStartMin * MINUTE_MS : joinedAtMs;
}

/** Queue order: ascending rank, ties broken by label. */
export function compareQueueOrder(a: Rankable, b: Rankable): number {
  return a.rank - b.rank || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0);
}

export function waitingInOrder<T extends Rankable>(tickets: readonly T[]): T[] {
  return tickets.filter((t) => t.status === "WAITING").sort(compareQueueOrder);
}

/** The ticket hall:callNext takes: the WAITING ticket with the least rank. */
export function nextToCall<T extends Rankable>(tickets: readonly T[]): T | undefined {
  return waitingInOrder(tickets)[0];
}

/**
 * Priority puts a ticket just ahead of the current head of the waiting line
 * (those already called keep the floor); a ticket already ahead stays put.
 */
export function priorityRank(ownRank: number, headRank: number | undefined): number {
  return headRank === undefined ? ownRank : Math.min(ownRank, headRank - 1);
}

/** Requeue after a no-show or a skip: to the back (now), or keep the old place. */
export function requeueRank(currentRank: number, nowMs: number, keepPlace: boolean): number {
  return keepPlace ? currentRank : nowMs;
}

/** 1 + the number of WAITING tickets ahead; undefined when not waiting. */
export function positionOf(tickets: readonly Rankable[], ticketId: string): number | undefined {
  const own = tickets.find((t) => t.id === ticketId);
  if (!own || own.status !== "WAITING") return undefined;
  return 1 + tickets.filter((t) => t.status === "WAITING" && compareQueueOrder(t, own) < 0).length;
}
