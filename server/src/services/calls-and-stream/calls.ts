/**
 * Calls between a called online voter and the hall console (docs/ARCHITECTURE.md
 * §5b). Every state change runs in the session's write lane, so `call.started`
 * and `call.ended` get a seq like any other event and a call cannot outlive
 * its ticket's turn (the lane serializes it with hall:finish and friends).
 * Signals only read the Call row, so any node can authorize them.
 */
import { callDurationSec, isLive, nextCallState, ticketAllowsCall, type CallAction } from "../../domain/call-lifecycle.ts";
import { iceServersFor } from "../../domain/turn-credentials.ts";
import type { Call } from "../../generated/prisma/client.ts";
import { AppError } from "../../protocol/errors.ts";
import type { CallEndReason, CallInvite, CallLogView, CallSetup, CallState, CallStateChange } from "../../protocol/calls.ts";
import type { TicketStatus } from "../../protocol/model.ts";
import type { LaneContext } from "../../store/write-lane.ts";
import { requireVenueRole } from "../privacy-and-accounts/auth.ts";
import type { Actor, ServiceDeps } from "../deps.ts";
import { findTicketPlace } from "../../store/lookups.ts";
import { beginTurn } from "../live-day/turn-start.ts";
import { ticketIdOfToken } from "../live-day/voter-ticket.ts";

export type CallParty = "hall" | "voter";

/** Who is asking about a call: their socket id and the tickets that socket follows (voter sockets). */
export interface CallCaller {
  socketId: string;
  ticketIds: readonly string[];
}

const NOT_FOUND = () => new AppError("NOT_FOUND", "没有这个通话 / no such call");
const NOT_A_PARTY = () => new AppError("FORBIDDEN", "您不是这个通话的一方 / not a party to this call");
const ENDED = () => new AppError("CONFLICT", "通话已结束 / the call has ended");

function logView(call: Call, label: string, at: Date): CallLogView {
  return {
    callId: call.id,
    ticketId: call.ticketId,
    label,
    durationSec: call.state === "ENDED" ? callDurationSec(call.connectedAt, call.endedAt ?? at) : 0,
    reason: (call.endReason as CallEndReason | null) ?? null,
  };
}

function setupOf(deps: ServiceDeps, callId: string): CallSetup {
  return { callId, ...iceServersFor(deps.config.rtc, callId, deps.now()) };
}

async function findCall(deps: ServiceDeps, callId: string): Promise<Call> {
  const call = await deps.db.call.findUnique({ where: { id: callId } });
  if (!call) throw NOT_FOUND();
  return call;
}

/** Which side of `call` the caller is; FORBIDDEN for anyone else. */
export function partyOf(call: Pick<Call, "hallSocketId" | "ticketId">, caller: CallCaller): CallParty {
  if (call.hallSocketId && call.hallSocketId === caller.socketId) return "hall";
  if (caller.ticketIds.includes(call.ticketId)) return "voter";
  throw NOT_A_PARTY();
}

export interface StartedCall {
  setup: CallSetup;
  invite: CallInvite;
  ticketId: string;
}

/** call:start — staff/deputy of the venue; the ticket ONLINE and on the floor; one live call per session. */
export async function startCall(deps: ServiceDeps, actor: Actor, ticketId: string, hallSocketId: string): Promise<StartedCall> {
  const place = await findTicketPlace(deps.db, ticketId);
  const user = requireVenueRole(actor, place.venueId);
  const callId = await deps.lanes.run(place.sessionId, async (ctx) => {
    const ticket = await ctx.tx.ticket.findUniqueOrThrow({ where: { id: ticketId }, select: { id: true, label: true, channel: true, status: true } });
    if (ticket.channel !== "ONLINE") throw new AppError("CONFLICT", `${ticket.label} 是现场选民，不能电话连线 / only online voters can be called`);
    if (!ticketAllowsCall(ticket.status)) throw new AppError("CONFLICT", `请先叫号 ${ticket.label} / call the ticket first (it is ${ticket.status})`);
    const busy = await ctx.tx.call.findFirst({ where: { sessionId: ctx.sessionId, state: { not: "ENDED" } }, select: { id: true } });
    if (busy) throw new AppError("CONFLICT", "本场已有一路通话 / this session already has a live call");
    const now = deps.now();
    const call = await ctx.tx.call.create({
      data: { sessionId: ctx.sessionId, ticketId, hallSocketId, startedById: user.id, startedAt: now },
    });
    await ctx.append({ type: "call.started", data: logView(call, ticket.label, now) }, now, user.id);
    return call.id;
  });
  const setup = setupOf(deps, callId);
  return { setup, invite: { ...setup, sessionId: place.sessionId, ticketId }, ticketId };
}

/** Applies `action` in the call's session lane; returns the new state (ENDED writes `call.ended`). */
async function transition(
  deps: ServiceDeps,
  callId: string,
  action: CallAction,
  opts: {
    reason?: CallEndReason | ((call: Call) => CallEndReason);
    muted?: boolean;
    authorize?: (call: Call) => void;
    actorId?: string;
    /** more writes in the same transaction, after the call's own */
    then?: (ctx: LaneContext, call: Call, at: Date) => Promise<void>;
  } = {},
): Promise<{ call: Call; state: CallState }> {
  const found = await findCall(deps, callId);
  return deps.lanes.run(found.sessionId, async (ctx) => {
    const call = await ctx.tx.call.findUniqueOrThrow({ where: { id: callId } });
    opts.authorize?.(call);
    const state = nextCallState(call.state, action);
    if (!state) throw call.state === "ENDED" ? ENDED() : new AppError("CONFLICT", `通话状态为 ${call.state}，不能执行此操作 / not allowed while ${call.state}`);
    const now = deps.now();
    const updated = await ctx.tx.call.update({
      where: { id: callId },
      data: {
        state,
        ...(action === "accept" ? { connectedAt: now } : {}),
        ...(opts.muted !== undefined ? { muted: opts.muted } : {}),
        ...(state === "ENDED" ? { endedAt: now, endReason: typeof opts.reason === "function" ? opts.reason(call) : (opts.reason ?? "HALL_HUNG_UP") } : {}),
      },
    });
    if (state === "ENDED") {
      const { label } = await ctx.tx.ticket.findUniqueOrThrow({ where: { id: call.ticketId }, select: { label: true } });
      await ctx.append({ type: "call.ended", data: logView(updated, label, now) }, now, opts.actorId);
    }
    await opts.then?.(ctx, updated, now);
    return { call: updated, state };
  });
}

const onlyVoter = (caller: CallCaller) => (call: Call) => {
  if (partyOf(call, caller) !== "voter") throw NOT_A_PARTY();
};

/**
 * Picking up is the start of speaking: a CALLED ticket becomes SPEAKING in
 * the accept's own transaction, so the turn timer runs from the moment the
 * voter is on the line and the log shows `ticket.updated` right before the
 * call is CONNECTED for everyone (docs/ARCHITECTURE.md, "5b as built").
 */
async function speakOnAnswer(ctx: LaneContext, call: Call, at: Date): Promise<void> {
  const ticket = await ctx.tx.ticket.findUniqueOrThrow({ where: { id: call.ticketId } });
  if (ticket.status === "CALLED") await beginTurn(ctx, ticket, at, undefined);
}

/** call:accept — the voter picks up: RINGING → CONNECTED, and the ticket starts speaking. */
export async function acceptCall(deps: ServiceDeps, callId: string, caller: CallCaller): Promise<{ setup: CallSetup; change: CallStateChange; ticketId: string; hallSocketId: string | null }> {
  const { call, state } = await transition(deps, callId, "accept", { authorize: onlyVoter(caller), then: speakOnAnswer });
  return { setup: setupOf(deps, callId), change: { callId, state }, ticketId: call.ticketId, hallSocketId: call.hallSocketId };
}

/**
 * call:rejoin — the voter's page came back (a reload, a new tab) while the
 * call is live: a socket that follows the call's ticket and holds its voter
 * token becomes the voter party in place of the page that answered. The call
 * itself does not change; the hall is told to offer again (`rejoined`).
 */
export async function rejoinCall(deps: ServiceDeps, callId: string, voterToken: string, caller: CallCaller): Promise<{ setup: CallSetup; change: CallStateChange; ticketId: string }> {
  const call = await findCall(deps, callId);
  const tokenTicket = await ticketIdOfToken(deps, voterToken);
  if (tokenTicket !== call.ticketId || !caller.ticketIds.includes(call.ticketId)) throw NOT_A_PARTY();
  if (!isLive(call.state)) throw ENDED();
  if (call.state === "RINGING") throw new AppError("CONFLICT", "通话还在等待接听，请直接接听 / the call is ringing: accept it");
  return { setup: setupOf(deps, callId), change: { callId, state: call.state, rejoined: true }, ticketId: call.ticketId };
}

/** call:decline — the voter does not pick up. */
export async function declineCall(deps: ServiceDeps, callId: string, caller: CallCaller): Promise<void> {
  await transition(deps, callId, "decline", { reason: "DECLINED", authorize: onlyVoter(caller) });
}

/** call:mute — the hall silences (or lets speak again) the voter; the hall console that started the call only. */
export async function muteCall(deps: ServiceDeps, actor: Actor, callId: string, muted: boolean, caller: CallCaller): Promise<{ change: CallStateChange; ticketId: string }> {
  const found = await findCall(deps, callId);
  const place = await findTicketPlace(deps.db, found.ticketId);
  const user = requireVenueRole(actor, place.venueId);
  const { call, state } = await transition(deps, callId, muted ? "mute" : "unmute", {
    muted,
    actorId: user.id,
    authorize: (c) => {
      if (partyOf(c, caller) !== "hall") throw NOT_A_PARTY();
    },
  });
  return { change: { callId, state }, ticketId: call.ticketId };
}

/** call:end — either party hangs up. */
export async function hangUp(deps: ServiceDeps, callId: string, caller: CallCaller): Promise<void> {
  await transition(deps, callId, "end", {
    authorize: (c) => void partyOf(c, caller),
    reason: (c) => (partyOf(c, caller) === "hall" ? "HALL_HUNG_UP" : "VOTER_HUNG_UP"),
  });
}

/** Ends a call if it is still live (timers, disconnects); false when it had ended already. */
export async function endIfLive(deps: ServiceDeps, callId: string, reason: CallEndReason): Promise<boolean> {
  try {
    await transition(deps, callId, "end", { reason });
    return true;
  } catch (e) {
    if (e instanceof AppError && (e.code === "CONFLICT" || e.code === "NOT_FOUND")) return false;
    throw e;
  }
}

/** call:signal — who sends it; the relay goes to the other side only. */
export async function authorizeSignal(deps: ServiceDeps, callId: string, caller: CallCaller): Promise<{ party: CallParty; call: Call }> {
  const call = await findCall(deps, callId);
  const party = partyOf(call, caller);
  if (!isLive(call.state)) throw ENDED();
  return { party, call };
}

/**
 * The invite of a live call of this ticket, for a voter whose page comes back:
 * still ringing, they are asked again; already answered (the page that
 * answered is gone), `state` says so and the page rejoins (call:rejoin).
 */
export async function liveInvite(deps: ServiceDeps, ticketId: string): Promise<CallInvite | null> {
  const call = await deps.db.call.findFirst({ where: { ticketId, state: { not: "ENDED" } } });
  if (!call) return null;
  const invite: CallInvite = { ...setupOf(deps, call.id), sessionId: call.sessionId, ticketId };
  if (call.state !== "RINGING") invite.state = call.state as "CONNECTED" | "MUTED";
  return invite;
}

/** The live call of a ticket, if any (for the voter-disconnect grace). */
export async function liveCallOfTicket(deps: ServiceDeps, ticketId: string): Promise<Call | null> {
  return deps.db.call.findFirst({ where: { ticketId, state: { not: "ENDED" } } });
}

// ── the hook the turn services call inside their lane transaction ─────────────

/**
 * A call lives only while its ticket holds the floor: when a ticket is saved
 * in any other status (finish, no-show, requeue, leave), its live call ends in
 * the same transaction, with `call.ended` (reason TURN_ENDED) in the log.
 */
export async function endCallsWhenTurnEnds(ctx: LaneContext, ticket: { id: string; label: string; status: TicketStatus }, at: Date): Promise<void> {
  if (ticketAllowsCall(ticket.status)) return;
  const live = await ctx.tx.call.findMany({ where: { ticketId: ticket.id, state: { not: "ENDED" } } });
  for (const call of live) {
    const ended = await ctx.tx.call.update({ where: { id: call.id }, data: { state: "ENDED", endedAt: at, endReason: "TURN_ENDED" } });
    await ctx.append({ type: "call.ended", data: logView(ended, ticket.label, at) }, at);
  }
}
