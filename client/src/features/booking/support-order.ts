/** 附议: which topics in the queue can be supported, and the hall's order by support. Pure. */
import type { TicketView } from "@protocol/model.ts";
import { compareQueueOrder } from "@domain/queue.ts";

const IN_QUEUE = new Set(["WAITING", "CALLED", "SPEAKING"]);

/** Public topics still in the queue, most supported first; ties keep the queue's order. */
export function topicsBySupport(tickets: Record<string, TicketView>): TicketView[] {
  return Object.values(tickets)
    .filter((t) => t.isPublic && t.topic && IN_QUEUE.has(t.status))
    .sort((a, b) => (b.supportCount ?? 0) - (a.supportCount ?? 0) || compareQueueOrder(a, b));
}

/** The hall highlights a waiting topic that many share: at least `min` supports and among the top three. */
export function isWidelyShared(ticket: TicketView, ranked: readonly TicketView[], min = 3): boolean {
  const count = ticket.supportCount ?? 0;
  return count >= min && ranked.slice(0, 3).some((t) => t.id === ticket.id);
}
