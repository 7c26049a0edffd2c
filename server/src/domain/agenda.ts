/**
 * A forum's agenda (座谈会议程, docs/ARCHITECTURE.md §5e). Pure: the items in,
 * what the chair's "下一议程" does out. Items are taken strictly in order; an
 * item is DONE once ended, CURRENT while it has the floor, PENDING before.
 */

export interface AgendaSlot {
  id: string;
  position: number;
  title: string;
  startedAt: Date | null;
  endedAt: Date | null;
}

export type AgendaMove =
  /** `end` the item that had the floor (none on the first move); `start` the next (none after the last) */
  | { ok: true; end: AgendaSlot | null; start: AgendaSlot | null }
  | { ok: false; reason: "empty" | "done" };

const inOrder = <T extends AgendaSlot>(items: readonly T[]): T[] => [...items].sort((a, b) => a.position - b.position);

/** What "next item" does from here: the current item ends and the first never-started one begins. */
export function nextAgendaMove<T extends AgendaSlot>(items: readonly T[], currentId: string | null): AgendaMove {
  if (items.length === 0) return { ok: false, reason: "empty" };
  const ordered = inOrder(items);
  const current = ordered.find((i) => i.id === currentId && !i.endedAt) ?? null;
  const next = ordered.find((i) => !i.startedAt && i !== current) ?? null;
  if (!current && !next) return { ok: false, reason: "done" };
  return { ok: true, end: current, start: next };
}

/** An agenda may be rewritten until its first item has started. */
export function agendaStarted(items: readonly AgendaSlot[]): boolean {
  return items.some((i) => i.startedAt !== null);
}

/** Every item has been heard (and there was at least one). */
export function agendaDone(items: readonly AgendaSlot[]): boolean {
  return items.length > 0 && items.every((i) => i.endedAt !== null);
}

/**
 * The item a new speaker is listed on when they do not choose: the current
 * one, or before the start the first; after the last item, none.
 */
export function defaultAgendaItem<T extends AgendaSlot>(items: readonly T[], currentId: string | null): T | null {
  const ordered = inOrder(items);
  return ordered.find((i) => i.id === currentId && !i.endedAt) ?? ordered.find((i) => !i.endedAt) ?? null;
}

/** The SYSTEM line the transcript gets when an item takes the floor (and when the agenda is done). */
export function agendaLine(start: AgendaSlot | null): string {
  return start ? `进入议程第${start.position}项：${start.title}` : "议程已全部结束";
}
