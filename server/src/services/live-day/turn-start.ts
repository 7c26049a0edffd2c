/**
 * A turn begins: the called ticket starts speaking. One rule for both ways a
 * turn begins — the deputy's 开始发言 (hall:start) and an online voter picking
 * up the hall's call (call:accept, §5b) — so the log, the record and every
 * projection agree on when speaking began.
 */
import { RESULT_OF } from "../../domain/ticket-lifecycle.ts";
import type { TicketView } from "../../protocol/model.ts";
import type { Ticket } from "../../generated/prisma/client.ts";
import type { LaneContext } from "../../store/write-lane.ts";
import { findSessionOrThrow } from "../../store/lookups.ts";
import { WITH_TRACKING_CODE } from "../../store/tickets.ts";
import { toTicketView, toTranscriptView } from "../../store/views.ts";

/** CALLED → SPEAKING at `now` (the turn timer's start), and the voter's question opens the turn's record. */
export async function beginTurn(ctx: LaneContext, t: Ticket, now: Date, actorId: string | undefined): Promise<TicketView> {
  const { currentAgendaItemId } = await findSessionOrThrow(ctx.tx, t.sessionId);
  const row = await ctx.tx.ticket.update({ where: { id: t.id }, data: { status: RESULT_OF.start, startedAt: now }, include: WITH_TRACKING_CODE });
  const view = toTicketView(row, row.case?.trackingCode);
  await ctx.append({ type: "ticket.updated", data: view }, now, actorId);
  // The record is public only if the voter allowed it.
  const text = t.question ? `${t.topic}：${t.question}` : t.topic;
  const entry = await ctx.tx.transcriptEntry.create({
    data: {
      sessionId: t.sessionId,
      ticketId: t.id,
      kind: "QUESTION",
      speakerRole: "VOTER",
      speakerName: t.label,
      text,
      visibility: t.isPublic ? "PUBLIC" : "STAFF",
      authorId: actorId ?? null,
      agendaItemId: currentAgendaItemId ?? t.agendaItemId,
      createdAt: now,
    },
  });
  await ctx.append({ type: "transcript.appended", data: toTranscriptView(entry) }, now, actorId);
  return view;
}
