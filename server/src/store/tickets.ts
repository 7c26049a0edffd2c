/**
 * Ticket query pieces shared by several services: the queue's order and its
 * head, and the include that brings a ticket's tracking code along.
 */
import type { Db, Tx } from "./prisma.ts";

/** The queue rule's order (docs/ARCHITECTURE.md §2): ascending rank, ties by label. */
export const QUEUE_ORDER = [{ rank: "asc" as const }, { label: "asc" as const }];

/** A ticket row with its follow-up case's tracking code, for `toTicketView(row, row.case?.trackingCode)`. */
export const WITH_TRACKING_CODE = { case: { select: { trackingCode: true } } } as const;

/**
 * The WAITING ticket served next, optionally leaving one ticket out; null when
 * nobody waits. In a forum, pass the agenda item: each item has its own
 * speakers' list (§5e).
 */
export function headOfQueue(db: Db | Tx, sessionId: string, exceptTicketId?: string, agendaItemId?: string | null) {
  return db.ticket.findFirst({
    where: {
      sessionId,
      status: "WAITING",
      ...(exceptTicketId ? { id: { not: exceptTicketId } } : {}),
      ...(agendaItemId !== undefined ? { agendaItemId } : {}),
    },
    orderBy: QUEUE_ORDER,
  });
}
