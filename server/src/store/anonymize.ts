/**
 * Anonymizing tickets (and message-box messages): the one place that retires a
 * voter's name, phone and private question or message, used by retention (services/privacy-and-accounts/retention.ts) and by the
 * voter's own erase (services/privacy-and-accounts/voter-data.ts). The label, topic, status,
 * times, the public transcript and the case's substance stay, so records and
 * statistics still add up; the tracking code keeps working.
 *
 * Personal data has copies, and each is retired too: the staff-only
 * transcript line the private question became at hall:start (and its
 * corrections), the voter's comment on the case, the ticket payloads in the
 * session's event log, and — through the search triggers — the search index.
 * Free text staff wrote about the voter (the turn's summary, the case's
 * summary, resolution and history notes) keeps its substance but loses
 * anything shaped like a phone or ID number (domain/minutes.ts redactNumbers).
 */
import type { CommittedEvent } from "../protocol/model.ts";
import { ANONYMIZED_NAME, ANONYMIZED_TEXT, anonymizedTicketData, publicVoterSpeaker, redactNumbers } from "../domain/privacy.ts";
import type { Tx } from "./prisma.ts";

const SCRUBBED_EVENT_TYPES = ["ticket.joined", "ticket.updated", "transcript.appended", "transcript.amended"];

/**
 * Message-box messages (by their case's id): name → 已匿名, phone → null, the
 * text → （已匿名）; the topic (the case's summary) and the case stay, and what
 * staff wrote about it loses phone/ID-shaped numbers, as for a ticket's case.
 */
export async function anonymizeMessages(tx: Tx, caseIds: readonly string[], now: Date): Promise<number> {
  if (!caseIds.length) return 0;
  const ids = [...caseIds];
  const { count } = await tx.voterMessage.updateMany({
    where: { caseId: { in: ids }, anonymizedAt: null },
    data: { name: ANONYMIZED_NAME, phone: null, text: ANONYMIZED_TEXT, anonymizedAt: now },
  });
  for (const m of await tx.voterMessage.findMany({ where: { caseId: { in: ids } }, select: { id: true, topic: true } })) {
    const topic = redactNumbers(m.topic);
    if (topic !== m.topic) await tx.voterMessage.update({ where: { id: m.id }, data: { topic } });
  }
  await tx.case.updateMany({ where: { id: { in: ids }, feedbackComment: { not: null } }, data: { feedbackComment: null } });
  await redactNumbersOf(tx, ids);
  return count;
}

/** Bookings that never became a ticket (cancelled, no-show): name, phone and question anonymized. */
export async function anonymizeBookings(tx: Tx, bookingIds: readonly string[]): Promise<number> {
  if (!bookingIds.length) return 0;
  return (await tx.booking.updateMany({ where: { id: { in: [...bookingIds] } }, data: { name: ANONYMIZED_NAME, phone: null, question: null } })).count;
}

/** A forum's invitations (§5e): the invitee's name and phone. */
export async function anonymizeInvitations(tx: Tx, invitationIds: readonly string[], now: Date): Promise<number> {
  if (!invitationIds.length) return 0;
  return (await tx.invitation.updateMany({ where: { id: { in: [...invitationIds] } }, data: { name: ANONYMIZED_NAME, phone: null, anonymizedAt: now } })).count;
}

export async function anonymizeTickets(tx: Tx, ticketIds: readonly string[], now: Date): Promise<number> {
  if (!ticketIds.length) return 0;
  const ids = [...ticketIds];
  const tickets = await tx.ticket.findMany({ where: { id: { in: ids } }, select: { id: true, sessionId: true } });
  if (!tickets.length) return 0;
  await tx.ticket.updateMany({ where: { id: { in: ids } }, data: { name: ANONYMIZED_NAME, phone: null, question: null, anonymizedAt: now } });
  // The booking the ticket was checked in from holds the same contact data.
  await tx.booking.updateMany({ where: { ticketId: { in: ids } }, data: { name: ANONYMIZED_NAME, phone: null, question: null } });
  // So does the forum invitation it was taken with (§5e).
  await tx.invitation.updateMany({ where: { ticketId: { in: ids } }, data: { name: ANONYMIZED_NAME, phone: null, anonymizedAt: now } });
  // The reason may be health data; the ticket keeps its priority flag (a non-null reason).
  await tx.ticket.updateMany({ where: { id: { in: ids }, priorityReason: { not: null } }, data: { priorityReason: ANONYMIZED_NAME } });

  const questions = await tx.transcriptEntry.findMany({ where: { ticketId: { in: ids }, kind: "QUESTION", visibility: "STAFF" }, select: { id: true } });
  const questionIds = questions.map((q) => q.id);
  const corrections = questionIds.length ? await tx.transcriptEntry.findMany({ where: { amendsId: { in: questionIds } }, select: { id: true } }) : [];
  const entryIds = new Set([...questionIds, ...corrections.map((c) => c.id)]);
  if (entryIds.size) await tx.transcriptEntry.updateMany({ where: { id: { in: [...entryIds] } }, data: { text: ANONYMIZED_TEXT } });
  // A recorder may have named the voter as a line's speaker: keep only what viewers saw (label, 张*).
  const named = await tx.transcriptEntry.findMany({ where: { ticketId: { in: ids }, speakerRole: "VOTER", speakerName: { not: null } }, select: { id: true, speakerName: true } });
  const speakers = new Map<string, string | null>();
  for (const e of named) {
    const shown = publicVoterSpeaker(e.speakerName);
    if (shown === e.speakerName) continue;
    speakers.set(e.id, shown);
    await tx.transcriptEntry.update({ where: { id: e.id }, data: { speakerName: shown } });
  }

  await tx.case.updateMany({ where: { ticketId: { in: ids }, feedbackComment: { not: null } }, data: { feedbackComment: null } });
  await redactNumbersOfCases(tx, ids);

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
    } else if ((e.type === "transcript.appended" || e.type === "transcript.amended") && (entryIds.has(data.id) || speakers.has(data.id))) {
      scrubbed = { ...data, ...(entryIds.has(data.id) ? { text: ANONYMIZED_TEXT } : {}), ...(speakers.has(data.id) ? { speakerName: speakers.get(data.id) } : {}) };
    }
    if (scrubbed) await tx.sessionEvent.update({ where: { id: e.id }, data: { data: JSON.stringify(scrubbed) } });
  }
  return tickets.length;
}

/** Phone- and ID-shaped numbers out of what staff wrote about these tickets and their cases. */
async function redactNumbersOfCases(tx: Tx, ticketIds: string[]): Promise<void> {
  const rows = await tx.ticket.findMany({ where: { id: { in: ticketIds }, summary: { not: null } }, select: { id: true, summary: true } });
  for (const r of rows) {
    const summary = redactNumbers(r.summary!);
    if (summary !== r.summary) await tx.ticket.update({ where: { id: r.id }, data: { summary } });
  }
  await redactNumbersOf(tx, (await tx.case.findMany({ where: { ticketId: { in: ticketIds } }, select: { id: true } })).map((c) => c.id));
}

/** Phone- and ID-shaped numbers out of staff's free text on these cases (summary, resolution, history notes). */
async function redactNumbersOf(tx: Tx, caseIds: string[]): Promise<void> {
  if (!caseIds.length) return;
  const cases = await tx.case.findMany({ where: { id: { in: caseIds } }, select: { id: true, summary: true, resolution: true, events: { where: { note: { not: null } }, select: { id: true, note: true } } } });
  for (const c of cases) {
    const summary = redactNumbers(c.summary);
    const resolution = c.resolution === null ? null : redactNumbers(c.resolution);
    if (summary !== c.summary || resolution !== c.resolution) await tx.case.update({ where: { id: c.id }, data: { summary, resolution } });
    for (const e of c.events) {
      const note = redactNumbers(e.note!);
      if (note !== e.note) await tx.caseEvent.update({ where: { id: e.id }, data: { note } });
    }
  }
}
