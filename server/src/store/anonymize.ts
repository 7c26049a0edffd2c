/**
 * Anonymizing tickets: the one place that retires a voter's name, phone and
 * private question, used by retention (services/retention.ts) and by the
 * voter's own erase (services/voter-data.ts). The label, topic, status,
 * times, the public transcript and the case's substance stay, so records and
 * statistics still add up; the tracking code keeps working.
 *
 * Personal data has copies, and each is retired too: the staff-only
 * transcript line the private question became at hall:start (and its
 * corrections), the voter's comment on the case, the ticket payloads in the
 * session's event log, and — through the search triggers — the search index.
 */
import type { CommittedEvent } from "../protocol/model.ts";
import { ANONYMIZED_TEXT, anonymizedTicketData, ANONYMIZED_NAME } from "../domain/privacy.ts";
import type { Tx } from "./prisma.ts";

const SCRUBBED_EVENT_TYPES = ["ticket.joined", "ticket.updated", "transcript.appended", "transcript.amended"];

export async function anonymizeTickets(tx: Tx, ticketIds: readonly string[], now: Date): Promise<number> {
  if (!ticketIds.length) return 0;
  const ids = [...ticketIds];
  const tickets = await tx.ticket.findMany({ where: { id: { in: ids } }, select: { id: true, sessionId: true } });
  if (!tickets.length) return 0;
  await tx.ticket.updateMany({ where: { id: { in: ids } }, data: { name: ANONYMIZED_NAME, phone: null, question: null, anonymizedAt: now } });

  const questions = await tx.transcriptEntry.findMany({ where: { ticketId: { in: ids }, kind: "QUESTION", visibility: "STAFF" }, select: { id: true } });
  const questionIds = questions.map((q) => q.id);
  const corrections = questionIds.length ? await tx.transcriptEntry.findMany({ where: { amendsId: { in: questionIds } }, select: { id: true } }) : [];
  const entryIds = new Set([...questionIds, ...corrections.map((c) => c.id)]);
  if (entryIds.size) await tx.transcriptEntry.updateMany({ where: { id: { in: [...entryIds] } }, data: { text: ANONYMIZED_TEXT } });

  await tx.case.updateMany({ where: { ticketId: { in: ids }, feedbackComment: { not: null } }, data: { feedbackComment: null } });

  const ticketSet = new Set(ids);
  const events = await tx.sessionEvent.findMany({
    where: { sessionId: { in: [...new Set(tickets.map((t) => t.sessionId))] }, type: { in: SCRUBBED_EVENT_TYPES } },
    select: { id: true, type: true, data: true },
  });
  for (const e of events) {
    const data = JSON.parse(e.data) as CommittedEvent["data"] & { id: string };
    let scrubbed: unknown = null;
    if ((e.type === "ticket.joined" || e.type === "ticket.updated") && ticketSet.has(data.id)) {
      scrubbed = anonymizedTicketData(data as { id: string; name: string });
    } else if ((e.type === "transcript.appended" || e.type === "transcript.amended") && entryIds.has(data.id)) {
      scrubbed = { ...data, text: ANONYMIZED_TEXT };
    }
    if (scrubbed) await tx.sessionEvent.update({ where: { id: e.id }, data: { data: JSON.stringify(scrubbed) } });
  }
  return tickets.length;
}
