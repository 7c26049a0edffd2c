/**
 * What the forum views (座谈会) derive from the live state: where the agenda
 * is, whose name is on which item's speakers' list, and the two clocks (the
 * item's time box, the speaker's). Pure; the server's rules decide, these
 * only read (docs/ARCHITECTURE.md §5e).
 */
import type { AgendaItemView, SessionView, TicketView } from "@protocol/model.ts";
import { waitingInOrder } from "@domain/queue.ts";

type AgendaOf = Pick<SessionView, "agenda" | "currentAgendaItemId">;

export const isForum = (session: Pick<SessionView, "kind">): boolean => session.kind === "FORUM";

export interface AgendaProgress {
  /** before: no item started yet; running: an item is current; done: the last item has ended */
  phase: "before" | "running" | "done";
  current: AgendaItemView | null;
  /** 1-based position of the current item (0 when none) */
  position: number;
  total: number;
  /** the item "下一议程" would start (null after the last) */
  next: AgendaItemView | null;
}

const byPosition = (agenda: readonly AgendaItemView[]) => [...agenda].sort((a, b) => a.position - b.position);

export function agendaProgress(session: AgendaOf): AgendaProgress {
  const items = byPosition(session.agenda);
  const index = items.findIndex((i) => i.id === session.currentAgendaItemId);
  const current = index >= 0 ? items[index]! : null;
  const anyStarted = items.some((i) => i.startedAt !== null || i.status !== "PENDING");
  const phase = current ? "running" : anyStarted && items.length > 0 ? "done" : "before";
  const next = current ? (items[index + 1] ?? null) : phase === "before" ? (items[0] ?? null) : null;
  return { phase, current, position: current ? index + 1 : 0, total: items.length, next };
}

/** The items a speaker may still ask to speak on (not finished), in order. */
export function openItems(session: AgendaOf): AgendaItemView[] {
  return byPosition(session.agenda).filter((i) => i.status !== "DONE");
}

/** The item a request to speak defaults to: the current one, else the first still open. */
export function defaultSpeakItem(session: AgendaOf): AgendaItemView | null {
  const { current } = agendaProgress(session);
  return current ?? openItems(session)[0] ?? null;
}

/**
 * The item whose list a ticket is on. A ticket without an item, or on an item
 * that has ended (the server moves waiting speakers on; this covers the moment
 * in between), is on the default item's list.
 */
export function listItemIdOf(ticket: Pick<TicketView, "agendaItemId">, session: AgendaOf): string | null {
  const open = openItems(session);
  if (ticket.agendaItemId && open.some((i) => i.id === ticket.agendaItemId)) return ticket.agendaItemId;
  return defaultSpeakItem(session)?.id ?? null;
}

export interface SpeakersList {
  item: AgendaItemView;
  current: boolean;
  /** WAITING tickets in serving order (the shared queue rule) */
  waiting: TicketView[];
}

/** The speakers' lists: the current (or first open) item first, then the later open items in order. */
export function speakersLists(tickets: readonly TicketView[], session: AgendaOf): SpeakersList[] {
  const open = openItems(session);
  const head = defaultSpeakItem(session);
  const ordered = head ? [head, ...open.filter((i) => i.id !== head.id)] : open;
  const waiting = waitingInOrder(tickets);
  return ordered.map((item) => ({
    item,
    current: item.id === session.currentAgendaItemId,
    waiting: waiting.filter((t) => listItemIdOf(t, session) === item.id),
  }));
}

export interface Countdown {
  elapsedSec: number;
  limitSec: number;
  /** what is left of the limit (0 once over) */
  remainingSec: number;
  /** how far past the limit (0 until over) */
  overSec: number;
  /** ok; near: the last fifth (at most the last minute); over: past the limit */
  level: "ok" | "near" | "over";
}

/** A clock against a limit of `limitMin` minutes, running since `since`. */
export function countdown(since: string, limitMin: number, nowMs: number): Countdown {
  const elapsedSec = Math.max(0, Math.floor((nowMs - Date.parse(since)) / 1000));
  const limitSec = Math.max(0, Math.round(limitMin * 60));
  const remainingSec = Math.max(0, limitSec - elapsedSec);
  const overSec = Math.max(0, elapsedSec - limitSec);
  const nearAt = Math.min(60, limitSec / 5);
  const level = elapsedSec > limitSec ? "over" : remainingSec <= nearAt ? "near" : "ok";
  return { elapsedSec, limitSec, remainingSec, overSec, level };
}

/** The speaker's clock: from the start of the turn, against the current item's speakerMin; null before the turn starts. */
export function speakerCountdown(ticket: Pick<TicketView, "startedAt">, item: Pick<AgendaItemView, "speakerMin"> | null, nowMs: number): Countdown | null {
  if (!ticket.startedAt || !item) return null;
  return countdown(ticket.startedAt, item.speakerMin, nowMs);
}

/** The current item's clock against its time box; null when it has not started. */
export function itemCountdown(item: Pick<AgendaItemView, "startedAt" | "endedAt" | "timeboxMin">, nowMs: number): Countdown | null {
  if (!item.startedAt) return null;
  return countdown(item.startedAt, item.timeboxMin, item.endedAt ? Date.parse(item.endedAt) : nowMs);
}

/**
 * The tickets as one item's speakers' list sees them: everyone not waiting
 * (who is at the lectern, today's finished turns) and those waiting on that
 * item — so a position and a wait count only the speakers ahead on that list.
 */
export function ticketsOnList<M extends Record<string, TicketView>>(tickets: M, session: AgendaOf, itemId: string | null): Record<string, TicketView> {
  const out: Record<string, TicketView> = {};
  for (const [key, t] of Object.entries(tickets)) {
    if (t.status !== "WAITING" || listItemIdOf(t, session) === itemId) out[key] = t;
  }
  return out;
}
