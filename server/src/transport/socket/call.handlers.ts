/**
 * Socket.IO handlers of the calls (docs/ARCHITECTURE.md §5b). The server only
 * relays signaling and hands out TURN credentials; media goes browser to
 * browser (or through TURN). Rooms: the hall console that started a call sits
 * in `c:{callId}:hall`, the voter socket that accepted it in `c:{callId}:voter`;
 * a signal goes to the other room only. `call:state ENDED` is sent by the
 * broadcaster when `call.ended` commits, whatever ended the call.
 */
import type { Server, Socket } from "socket.io";
import { AppError } from "../../protocol/errors.ts";
import type { ClientToServerEvents, ServerToClientEvents, SocketData } from "../../protocol/events.ts";
import type { CallSignal } from "../../protocol/calls.ts";
import * as s from "../../protocol/schemas.ts";
import { acceptCall, authorizeSignal, declineCall, hangUp, liveCallOfTicket, liveInvite, muteCall, rejoinCall, startCall, type CallCaller } from "../../services/calls-and-stream/calls.ts";
import type { ServiceDeps } from "../../services/deps.ts";
import type { CallTimers } from "../../services/calls-and-stream/call-timers.ts";
import { callHallRoom, callVoterRoom, ticketRoom, ticketsFollowed } from "../rooms.ts";
import type { LiveRoutes } from "./handle.ts";
import { callsStartedBy, type Connection } from "./connection.ts";

type Io = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type LiveSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

export interface CallHandlerContext {
  io: Io;
  deps: ServiceDeps;
  /** the app's call timers (owned by createApp, so closing the app stops them) */
  timers: CallTimers;
}

/**
 * A voter whose page came back (ticket:resume) is asked again while the phone
 * rings, or told that the call goes on so the page can rejoin it.
 */
export function offerLiveCall(deps: ServiceDeps, socket: LiveSocket, ticketId: string): void {
  void liveInvite(deps, ticketId).then((invite) => invite && socket.emit("call:invite", invite), () => undefined);
}

export function attachCallHandlers(routes: LiveRoutes<Connection>, { io, deps, timers: t }: CallHandlerContext): void {
  const caller = (socket: LiveSocket): CallCaller => ({ socketId: socket.id, ticketIds: ticketsFollowed(socket.rooms) });

  routes.on("call:start", s.callStartSchema, async ({ ticketId }, c) => {
    const started = await startCall(deps, await c.actor(), ticketId, c.socket.id);
    const { callId } = started.setup;
    await c.socket.join(callHallRoom(callId));
    (c.hallCalls ??= new Set()).add(callId);
    io.to(ticketRoom(ticketId)).emit("call:invite", started.invite);
    io.to([callHallRoom(callId), ticketRoom(ticketId)]).emit("call:state", { callId, state: "RINGING" });
    t.after(`limit:${callId}`, deps.config.callMaxSec * 1000, () => t.end(callId, "TIME_LIMIT"));
    return started.setup;
  });

  routes.on("call:accept", s.callRefSchema, async ({ callId }, { socket }) => {
    const accepted = await acceptCall(deps, callId, caller(socket));
    await socket.join(callVoterRoom(callId));
    // Every tab of the voter stops ringing; the hall starts its offer.
    io.to([callHallRoom(callId), ticketRoom(accepted.ticketId)]).emit("call:state", accepted.change);
    return accepted.setup;
  });

  routes.on("call:decline", s.callRefSchema, async ({ callId }, { socket }) => {
    await declineCall(deps, callId, caller(socket));
    return {};
  });

  routes.on("call:rejoin", s.callRejoinSchema, async ({ callId, voterToken }, { socket }) => {
    const rejoined = await rejoinCall(deps, callId, voterToken, caller(socket));
    // One voter party: the page that answered before (gone, or another tab) no longer sends or receives signals.
    io.in(callVoterRoom(callId)).socketsLeave(callVoterRoom(callId));
    await socket.join(callVoterRoom(callId));
    t.cancel(`grace:${callId}`);
    // The hall offers again; this page learns the call's state (it may be muted).
    io.to([callHallRoom(callId), socket.id]).emit("call:state", rejoined.change);
    return rejoined.setup;
  });

  routes.on("call:signal", s.callSignalSchema, async ({ callId, description, candidate }, { socket }) => {
    const { party } = await authorizeSignal(deps, callId, caller(socket));
    if (party === "voter" && !socket.rooms.has(callVoterRoom(callId))) {
      throw new AppError("CONFLICT", "请先接听 / accept the call first");
    }
    const relayed: CallSignal = { callId, from: party };
    if (description) relayed.description = description;
    if (candidate !== undefined) relayed.candidate = candidate;
    io.to(party === "hall" ? callVoterRoom(callId) : callHallRoom(callId)).emit("call:signal", relayed);
    return {};
  });

  routes.on("call:mute", s.callMuteSchema, async ({ callId, muted }, c) => {
    const { change, ticketId } = await muteCall(deps, await c.actor(), callId, muted, caller(c.socket));
    io.to([callHallRoom(callId), callVoterRoom(callId), ticketRoom(ticketId)]).emit("call:state", change);
    return {};
  });

  routes.on("call:end", s.callRefSchema, async ({ callId }, { socket }) => {
    await hangUp(deps, callId, caller(socket));
    t.cancel(`limit:${callId}`);
    return {};
  });

  // "disconnecting", not "disconnect": the socket still has its rooms, so we know which tickets it followed.
  io.on("connection", (socket: LiveSocket) => socket.on("disconnecting", callsLeft));
  function callsLeft(this: LiveSocket): void {
    // The console that started a call is the only one holding its media: the call cannot go on without it.
    for (const callId of callsStartedBy(this)) t.track(t.end(callId, "HALL_GONE"));
    // The voter may be back within the grace (a phone switching networks keeps its media path).
    for (const ticketId of ticketsFollowed(this.rooms)) {
      t.track(
        liveCallOfTicket(deps, ticketId).then((call) => {
          if (!call) return;
          t.after(`grace:${call.id}`, deps.config.callVoterGraceMs, async () => {
            const remaining = await io.in(ticketRoom(ticketId)).fetchSockets();
            if (remaining.length === 0) await t.end(call.id, "VOTER_GONE");
          });
        }),
      );
    }
  }
}
