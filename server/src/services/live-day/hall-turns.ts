/**
 * The deputy's console: call, start, finish, no-show, requeue, prioritize.
 * Each is one transaction in the session's write lane that checks the ticket
 * state machine, writes the ticket, and appends its events.
 */
import { projectTicket } from "../../domain/projections.ts";
import { nextAverageServiceSec } from "../../domain/eta.ts";
import { priorityRank, requeueRank } from "../../domain/queue.ts";
import { canServe, statusAfterCall } from "../../domain/session-lifecycle.ts";
import { canApply, ON_THE_FLOOR, RESULT_OF, type TicketAction } from "../../domain/ticket-lifecycle.ts";
import { AppError } from "../../protocol/errors.ts";
import type { TicketView } from "../../protocol/model.ts";
import type { LaneContext } from "../../store/write-lane.ts";
import { headOfQueue, WITH_TRACKING_CODE } from "../../store/tickets.ts";
import { SESSION_VIEW_INCLUDE, toCaseView, toSessionView, toTicketView } from "../../store/views.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import { requireVenueRole } from "../privacy-and-accounts/auth.ts";
import { endCallsWhenTurnEnds } from "../calls-and-stream/calls.ts";
import type { Actor, AuthUser, ServiceDeps } from "../deps.ts";
import { findSessionOrThrow, findTicketOrThrow, findTicketPlace } from "../../store/lookups.ts";
import { trackingCode } from "../privacy-and-accounts/secrets.ts";
import { beginTurn } from "./turn-start.ts";

async function ensureFloorFree(ctx: LaneContext, exceptTicketId?: string): Promise<void> {
  const busy = await ctx.tx.ticket.findFirst({
    where: { sessionId: ctx.sessionId, status: { in: [...ON_THE_FLOOR] }, ...(exceptTicketId ? { id: { not: exceptTicketId } } : {}) },
    select: { label: true },
  });
  if (busy) throw new AppError("CONFLICT", `${busy.label} 正在接待中 / ${busy.label} is still being served`);
}

async function ensureServing(ctx: LaneContext): Promise<void> {
  const s = await findSessionOrThrow(ctx.tx, ctx.sessionId);
  if (!canServe(s.status)) throw new AppError("CONFLICT", "接待日未开始或已结束 / the session is not open");
}

/** A call on an OPEN day makes it LIVE, in the call's own transaction (statusAfterCall). */
async function goLiveOnCall(ctx: LaneContext, hlsBase: string | null, at: Date, actorId: string): Promise<void> {
  const s = await findSessionOrThrow(ctx.tx, ctx.sessionId);
  const status = statusAfterCall(s.status);
  if (status === s.status) return;
  const row = await ctx.tx.receptionSession.update({ where: { id: s.id }, data: { status }, include: SESSION_VIEW_INCLUDE });
  await ctx.append({ type: "session.updated", data: toSessionView(row, hlsBase) }, at, actorId);
}

async function saveTicket(ctx: LaneContext, ticketId: string, data: Prisma.TicketUpdateInput, at: Date, actorId: string): Promise<TicketView> {
  const row = await ctx.tx.ticket.update({ where: { id: ticketId }, data, include: WITH_TRACKING_CODE });
  const view = toTicketView(row, row.case?.trackingCode);
  await ctx.append({ type: "ticket.updated", data: view }, at, actorId);
  // §5b: a live call ends with its turn, in this same transaction.
  await endCallsWhenTurnEnds(ctx, row, at);
  return view;
}

/** Runs `body` in the ticket's session lane after checking scope and the state machine. */
async function onTicket(
  deps: ServiceDeps,
  actor: Actor,
  ticketId: string,
  action: TicketAction,
  body: (ctx: LaneContext, ticket: Awaited<ReturnType<typeof findTicketOrThrow>>, user: AuthUser, now: Date) => Promise<TicketView>,
): Promise<{ ticket: TicketView }> {
  const place = await findTicketPlace(deps.db, ticketId);
  const user = requireVenueRole(actor, place.venueId);
  const ticket = await deps.lanes.run(place.sessionId, async (ctx) => {
    const current = await findTicketOrThrow(ctx.tx, ticketId);
    if (!canApply(action, current.status)) {
      throw new AppError("CONFLICT", `排号 ${current.label} 当前状态为 ${current.status}，不能执行此操作 / not allowed while ${current.status}`);
    }
    await ensureServing(ctx);
    return body(ctx, current, user, deps.now());
  });
  return { ticket: projectTicket(ticket, "staff") };
}

/**
 * §5e: in a forum with an agenda, the floor belongs to the current item: its
 * speakers' list is the queue, and a ticket called from another list speaks
 * in (and is recorded under) the current item. undefined: a plain queue
 * (a reception, a forum without agenda); null: no item has the floor.
 */
async function floorItem(ctx: LaneContext): Promise<string | null | undefined> {
  const s = await findSessionOrThrow(ctx.tx, ctx.sessionId);
  if (s.kind !== "FORUM" || s.agenda.length === 0) return undefined;
  return s.currentAgendaItemId;
}

export async function callNext(deps: ServiceDeps, actor: Actor, sessionId: string): Promise<{ ticket: TicketView }> {
  const session = await findSessionOrThrow(deps.db, sessionId);
  const user = requireVenueRole(actor, session.venueId);
  const ticket = await deps.lanes.run(sessionId, async (ctx) => {
    await ensureServing(ctx);
    await ensureFloorFree(ctx);
    const item = await floorItem(ctx);
    if (item === null) throw new AppError("CONFLICT", "没有进行中的议程，请先进入下一议程 / no agenda item has the floor");
    const head = await headOfQueue(ctx.tx, sessionId, undefined, item);
    if (!head) throw new AppError("CONFLICT", item ? "本议程没有等候发言的人 / nobody is on this item's speakers' list" : "没有等候的选民 / nobody is waiting");
    const now = deps.now();
    await goLiveOnCall(ctx, deps.config.mediaHlsBase, now, user.id);
    return saveTicket(ctx, head.id, { status: RESULT_OF.call, calledAt: now }, now, user.id);
  });
  return { ticket: projectTicket(ticket, "staff") };
}

export function callTicket(deps: ServiceDeps, actor: Actor, ticketId: string) {
  return onTicket(deps, actor, ticketId, "call", async (ctx, t, user, now) => {
    await ensureFloorFree(ctx, t.id);
    const item = await floorItem(ctx);
    await goLiveOnCall(ctx, deps.config.mediaHlsBase, now, user.id);
    return saveTicket(ctx, t.id, { status: RESULT_OF.call, calledAt: now, ...(item ? { agendaItemId: item } : {}) }, now, user.id);
  });
}

export function startTurn(deps: ServiceDeps, actor: Actor, ticketId: string) {
  return onTicket(deps, actor, ticketId, "start", (ctx, t, user, now) => beginTurn(ctx, t, now, user.id));
}

export interface FinishInput {
  ticketId: string;
  summary?: string | undefined;
  followUp?: { category: string; summary: string } | undefined;
}

export function finishTurn(deps: ServiceDeps, actor: Actor, input: FinishInput) {
  return onTicket(deps, actor, input.ticketId, "finish", async (ctx, t, user, now) => {
    const session = await findSessionOrThrow(ctx.tx, t.sessionId);
    if (input.followUp) {
      const created = await ctx.tx.case.create({
        data: {
          trackingCode: trackingCode(),
          source: "TURN",
          sessionId: t.sessionId,
          ticketId: t.id,
          venueId: session.venueId,
          category: input.followUp.category,
          summary: input.followUp.summary,
          supportCount: t.supportCount,
          createdAt: now,
          updatedAt: now,
          events: { create: { type: "created", toStatus: "OPEN", actorId: user.id, actorName: user.displayName, at: now } },
        },
      });
      await ctx.append({ type: "case.created", data: toCaseView(created) }, now, user.id);
    }
    const view = await saveTicket(ctx, t.id, { status: RESULT_OF.finish, finishedAt: now, summary: input.summary ?? null }, now, user.id);
    if (t.startedAt) {
      const turnSec = Math.max(1, Math.round((now.getTime() - t.startedAt.getTime()) / 1000));
      const updated = await ctx.tx.receptionSession.update({
        where: { id: session.id },
        data: {
          avgServiceSec: nextAverageServiceSec(session.avgServiceSec, session.finishedTurns, turnSec),
          finishedTurns: { increment: 1 },
        },
        include: SESSION_VIEW_INCLUDE,
      });
      await ctx.append({ type: "session.updated", data: toSessionView(updated, deps.config.mediaHlsBase) }, now, user.id);
    }
    return view;
  });
}

export function markNoShow(deps: ServiceDeps, actor: Actor, ticketId: string) {
  return onTicket(deps, actor, ticketId, "noShow", (ctx, t, user, now) =>
    saveTicket(ctx, t.id, { status: RESULT_OF.noShow, finishedAt: now }, now, user.id),
  );
}

export function requeueTicket(deps: ServiceDeps, actor: Actor, ticketId: string, keepPlace: boolean) {
  return onTicket(deps, actor, ticketId, "requeue", (ctx, t, user, now) =>
    saveTicket(
      ctx,
      t.id,
      { status: RESULT_OF.requeue, rank: requeueRank(t.rank, now.getTime(), keepPlace), calledAt: null, startedAt: null, finishedAt: null },
      now,
      user.id,
    ),
  );
}

export function prioritizeTicket(deps: ServiceDeps, actor: Actor, ticketId: string, reason: string) {
  return onTicket(deps, actor, ticketId, "prioritize", async (ctx, t, user, now) => {
    // In a forum, ahead of the head of the ticket's own speakers' list.
    const head = await headOfQueue(ctx.tx, t.sessionId, t.id, t.agendaItemId ?? undefined);
    return saveTicket(ctx, t.id, { rank: priorityRank(t.rank, head?.rank), priorityReason: reason }, now, user.id);
  });
}
