/**
 * A forum's agenda (§5e): written with the schedule (POST/PATCH /api/sessions,
 * PUT /api/sessions/:id/agenda) until its first item starts, then moved by the
 * chair's `hall:agendaNext` in the session's write lane.
 */
import { agendaLine, agendaStarted, nextAgendaMove } from "../../domain/agenda.ts";
import { canServe, statusAfterCall } from "../../domain/session-lifecycle.ts";
import { AppError } from "../../protocol/errors.ts";
import type { SessionKind, SessionView } from "../../protocol/model.ts";
import type { AgendaItemInput } from "../../protocol/schemas.ts";
import { findSessionOrThrow } from "../../store/lookups.ts";
import type { Tx } from "../../store/prisma.ts";
import { QUEUE_ORDER, WITH_TRACKING_CODE } from "../../store/tickets.ts";
import type { LaneContext } from "../../store/write-lane.ts";
import { SESSION_VIEW_INCLUDE, toSessionView, toTicketView, toTranscriptView } from "../../store/views.ts";
import { requireVenueRole } from "../privacy-and-accounts/auth.ts";
import type { Actor, ServiceDeps } from "../deps.ts";

const ONLY_FORUMS = () => new AppError("BAD_REQUEST", "只有座谈会有议程 / only a forum has an agenda", { kind: "not a forum" });

/** The rows of a new agenda, positions 1, 2, 3… in the order given. */
export function agendaRows(items: readonly AgendaItemInput[]) {
  return items.map((i, n) => ({ position: n + 1, title: i.title, timeboxMin: i.timeboxMin, speakerMin: i.speakerMin ?? 3 }));
}

/** Refuses an agenda on a reception (an empty one is no agenda). */
export function checkAgendaKind(kind: SessionKind, items: readonly AgendaItemInput[] | undefined): void {
  if (kind !== "FORUM" && items && items.length > 0) throw ONLY_FORUMS();
}

/**
 * Replaces a session's agenda inside the caller's transaction; CONFLICT once
 * an item has started (the record would lose what was said under it).
 */
export async function replaceAgenda(tx: Tx, sessionId: string, items: readonly AgendaItemInput[]): Promise<void> {
  const existing = await tx.agendaItem.findMany({ where: { sessionId } });
  if (agendaStarted(existing)) throw new AppError("CONFLICT", "议程已开始，不能再修改 / the agenda has started and can no longer change");
  await tx.agendaItem.deleteMany({ where: { sessionId } });
  if (items.length) await tx.agendaItem.createMany({ data: agendaRows(items).map((r) => ({ ...r, sessionId })) });
}

/** PUT /api/sessions/:id/agenda (staff of the venue). */
export async function setAgenda(deps: ServiceDeps, actor: Actor, sessionId: string, items: readonly AgendaItemInput[]): Promise<{ session: SessionView }> {
  const existing = await findSessionOrThrow(deps.db, sessionId);
  const user = requireVenueRole(actor, existing.venueId);
  const session = await deps.lanes.run(sessionId, async ({ tx, append }) => {
    const s = await findSessionOrThrow(tx, sessionId);
    if (s.kind !== "FORUM") throw ONLY_FORUMS();
    if (s.status === "ENDED") throw new AppError("CONFLICT", "座谈会已结束 / the forum has ended");
    await replaceAgenda(tx, sessionId, items);
    const row = await tx.receptionSession.findUniqueOrThrow({ where: { id: sessionId }, include: SESSION_VIEW_INCLUDE });
    const view = toSessionView(row, deps.config.mediaHlsBase);
    await append({ type: "session.updated", data: view }, deps.now(), user.id);
    return view;
  });
  return { session };
}

/**
 * hall:agendaNext: the current item ends, the next starts. Waiting speakers of
 * the ended item move to the next item's list with their ranks, so nobody who
 * waited loses their place; whoever holds the floor keeps it.
 */
export async function agendaNext(deps: ServiceDeps, actor: Actor, sessionId: string): Promise<{ session: SessionView }> {
  const existing = await findSessionOrThrow(deps.db, sessionId);
  const user = requireVenueRole(actor, existing.venueId);
  const session = await deps.lanes.run(sessionId, (ctx) => moveAgenda(deps, ctx, user.id));
  return { session };
}

async function moveAgenda(deps: ServiceDeps, ctx: LaneContext, actorId: string): Promise<SessionView> {
  const { tx, sessionId } = ctx;
  const s = await findSessionOrThrow(tx, sessionId);
  if (s.kind !== "FORUM") throw ONLY_FORUMS();
  if (!canServe(s.status)) throw new AppError("CONFLICT", "座谈会未开始或已结束 / the forum is not open");
  const move = nextAgendaMove(s.agenda, s.currentAgendaItemId);
  if (!move.ok) {
    throw new AppError("CONFLICT", move.reason === "empty" ? "座谈会还没有议程 / the forum has no agenda" : "议程已全部结束 / the agenda is done");
  }
  const now = deps.now();
  if (move.end) await tx.agendaItem.update({ where: { id: move.end.id }, data: { endedAt: now } });
  if (move.start) await tx.agendaItem.update({ where: { id: move.start.id }, data: { startedAt: now } });

  const row = await tx.receptionSession.update({
    where: { id: sessionId },
    data: { currentAgendaItemId: move.start?.id ?? null, status: statusAfterCall(s.status) },
    include: SESSION_VIEW_INCLUDE,
  });
  await ctx.append({ type: "session.updated", data: toSessionView(row, deps.config.mediaHlsBase) }, now, actorId);

  if (move.end && move.start) {
    const carried = await tx.ticket.findMany({ where: { sessionId, status: "WAITING", agendaItemId: move.end.id }, orderBy: QUEUE_ORDER, select: { id: true } });
    if (carried.length) {
      await tx.ticket.updateMany({ where: { id: { in: carried.map((t) => t.id) } }, data: { agendaItemId: move.start.id } });
      const moved = await tx.ticket.findMany({ where: { id: { in: carried.map((t) => t.id) } }, orderBy: QUEUE_ORDER, include: WITH_TRACKING_CODE });
      for (const t of moved) await ctx.append({ type: "ticket.updated", data: toTicketView(t, t.case?.trackingCode) }, now, actorId);
    }
  }

  const entry = await tx.transcriptEntry.create({
    data: {
      sessionId,
      kind: "SYSTEM",
      speakerRole: "SYSTEM",
      text: agendaLine(move.start),
      visibility: "PUBLIC",
      authorId: actorId,
      agendaItemId: move.start?.id ?? null,
      createdAt: now,
    },
  });
  await ctx.append({ type: "transcript.appended", data: toTranscriptView(entry) }, now, actorId);
  return toSessionView(row, deps.config.mediaHlsBase);
}
