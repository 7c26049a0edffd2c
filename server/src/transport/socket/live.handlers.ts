/** Socket.IO handlers of the live protocol (docs/ARCHITECTURE.md §5). */
import type { Server } from "socket.io";
import { AppError } from "../../protocol/errors.ts";
import type { ClientToServerEvents, ServerToClientEvents, SocketData } from "../../protocol/events.ts";
import * as s from "../../protocol/schemas.ts";
import type { Logger } from "../../logger.ts";
import type { ServiceDeps } from "../../services/deps.ts";
import { auditSocket } from "../audit-hooks.ts";
import { callNext, callTicket, finishTurn, markNoShow, prioritizeTicket, requeueTicket, startTurn } from "../../services/live-day/hall-turns.ts";
import { joinQueue, registerWalkIn } from "../../services/live-day/queue-join.ts";
import { updateSession } from "../../services/live-day/session-control.ts";
import { amendTranscript, appendTranscript } from "../../services/live-day/transcript.ts";
import { leaveQueue, resumeTicket, ticketIdOfToken } from "../../services/live-day/voter-ticket.ts";
import { projectionFor, watchSession } from "../../services/live-day/watch.ts";
import type { LiveBroadcaster } from "../live-broadcaster.ts";
import { LocalRateLimiter, RateLimiter } from "../rate-limit.ts";
import { bookingRoom, loginRoom, publicRoom, staffRoom } from "../rooms.ts";
import { AUTH_COOKIE, readCookie } from "../cookies.ts";
import type { CallTimers } from "../../services/calls-and-stream/call-timers.ts";
import { attachCallHandlers, offerLiveCall } from "./call.handlers.ts";
import { LiveRoutes, type LiveSocket } from "./handle.ts";
import { connectionOf, openConnection, type Connection } from "./connection.ts";
import { checkInAtDesk, checkInOnline } from "../../services/bookings-and-support/booking-check-in.ts";
import { bookingByCode } from "../../services/bookings-and-support/bookings.ts";
import { supportTicket } from "../../services/bookings-and-support/ticket-support.ts";
import { newToken } from "../../services/privacy-and-accounts/secrets.ts";
import { agendaNext } from "../../services/messages-and-forums/forum-agenda.ts";

type Io = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/** `answered(event, code)`: every ack's code, for /metrics (transport/metrics.ts). */
export function attachLiveHandlers(
  io: Io,
  deps: ServiceDeps,
  broadcaster: LiveBroadcaster,
  log: Logger,
  callTimers: CallTimers,
  answered: (event: string, code: string) => void,
): void {
  // Per socket in this process (a socket lives on one node); per address across the nodes (Redis).
  const joinsPerSocket = new LocalRateLimiter(deps.config.joinLimitPerSocketPerMin, 60_000);
  const joinsPerIp = new RateLimiter(deps.config.joinLimitPerIpPerMin, 60_000, "join-ip", deps.sharedWindows);
  // 附议: a device supports each topic once anyway; this bounds the writes one socket can cause.
  const supportsPerSocket = new LocalRateLimiter(30, 60_000);
  const supportsPerIp = new RateLimiter(deps.config.joinLimitPerIpPerMin * 4, 60_000, "support-ip", deps.sharedWindows);

  const routes = new LiveRoutes<Connection>({
    log,
    connOf: connectionOf,
    audit: (conn) => auditSocket(deps, log, () => conn.lastUser),
    answered,
  });

  const joinAllowed = async (socket: LiveSocket) => {
    if (!joinsPerSocket.take(socket.id) || !(await joinsPerIp.take(socket.data.ip))) {
      throw new AppError("RATE_LIMITED", "操作过于频繁，请稍后再试 / too many joins, try again shortly");
    }
  };

  routes.on("session:watch", s.sessionWatchSchema, async (input, c) => {
    const { projection } = await projectionFor(deps, await c.actor(), input.sessionId, input.projection);
    // Join before reading, so no event committed after the read is missed;
    // the client drops frames with seq ≤ the answer's seq.
    const room = projection === "staff" ? staffRoom(input.sessionId) : publicRoom(input.sessionId);
    await c.socket.leave(projection === "staff" ? publicRoom(input.sessionId) : staffRoom(input.sessionId));
    await c.socket.join(room);
    const answer = await watchSession(deps, input.sessionId, projection, input.sinceSeq, broadcaster.viewers(input.sessionId));
    broadcaster.watchedFrom(room, answer.seq);
    return answer;
  });

  routes.on("session:unwatch", s.sessionUnwatchSchema, async ({ sessionId }, c) => {
    await c.socket.leave(publicRoom(sessionId));
    await c.socket.leave(staffRoom(sessionId));
    return { sessionId };
  });

  routes.on("queue:join", s.queueJoinSchema, async (input, c) => {
    await joinAllowed(c.socket);
    const result = await joinQueue(deps, input);
    c.followTicket(result.ticket.id);
    return result;
  });

  routes.on("ticket:resume", s.voterTokenSchema, async ({ voterToken }, c) => {
    const result = await resumeTicket(deps, voterToken);
    c.followTicket(result.ticket.id);
    offerLiveCall(deps, c.socket, result.ticket.id);
    return result;
  });

  routes.on("queue:leave", s.voterTokenSchema, async ({ voterToken }) => leaveQueue(deps, voterToken));

  routes.on("desk:register", s.deskRegisterSchema, async (input, c) => registerWalkIn(deps, await c.actor(), input));

  routes.on("hall:callNext", s.sessionRefSchema, async ({ sessionId }, c) => callNext(deps, await c.actor(), sessionId));
  routes.on("hall:call", s.ticketRefSchema, async ({ ticketId }, c) => callTicket(deps, await c.actor(), ticketId));
  routes.on("hall:start", s.ticketRefSchema, async ({ ticketId }, c) => startTurn(deps, await c.actor(), ticketId));
  routes.on("hall:finish", s.hallFinishSchema, async (input, c) => finishTurn(deps, await c.actor(), input));
  routes.on("hall:noShow", s.ticketRefSchema, async ({ ticketId }, c) => markNoShow(deps, await c.actor(), ticketId));
  routes.on("hall:requeue", s.hallRequeueSchema, async ({ ticketId, keepPlace }, c) => requeueTicket(deps, await c.actor(), ticketId, keepPlace ?? false));
  routes.on("hall:prioritize", s.hallPrioritizeSchema, async ({ ticketId, reason }, c) => prioritizeTicket(deps, await c.actor(), ticketId, reason));

  routes.on("hall:agendaNext", s.sessionRefSchema, async ({ sessionId }, c) => agendaNext(deps, await c.actor(), sessionId));
  routes.on("session:update", s.sessionUpdateSchema, async ({ sessionId, ...changes }, c) => updateSession(deps, await c.actor(), sessionId, changes));

  routes.on("transcript:append", s.transcriptAppendSchema, async (input, c) => appendTranscript(deps, await c.actor(), input));
  routes.on("transcript:amend", s.transcriptAmendSchema, async ({ entryId, text }, c) => amendTranscript(deps, await c.actor(), entryId, text));

  // ---- bookings and support (docs/ARCHITECTURE.md §6b) ----
  routes.on("booking:checkIn", s.bookingCheckInSchema, async ({ code, bookingToken }, c) => {
    await joinAllowed(c.socket);
    const result = await checkInOnline(deps, code, bookingToken);
    c.followTicket(result.ticket.id);
    return result;
  });
  routes.on("booking:watch", s.bookingWatchSchema, async ({ code }, c) => {
    const booking = await bookingByCode(deps, code);
    await c.socket.join(bookingRoom(booking.code));
    return { booking };
  });
  routes.on("desk:checkIn", s.deskCheckInSchema, async ({ sessionId, code }, c) => checkInAtDesk(deps, await c.actor(), sessionId, code));
  routes.on("ticket:support", s.ticketSupportSchema, async ({ ticketId, supporterToken }, c) => {
    if (!supportsPerSocket.take(c.socket.id) || !(await supportsPerIp.take(c.socket.data.ip))) {
      throw new AppError("RATE_LIMITED", "操作过于频繁，请稍后再试 / too many, try again shortly");
    }
    // A client that keeps no token is one device for as long as its connection lasts.
    return supportTicket(deps, ticketId, supporterToken ?? (c.socket.data.supporterToken ??= newToken()));
  });

  attachCallHandlers(routes, { io, deps, timers: callTimers });

  io.on("connection", (socket: LiveSocket) => {
    const auth = (socket.handshake.auth ?? {}) as { token?: unknown; voterToken?: unknown };
    const token = typeof auth.token === "string" ? auth.token : readCookie(socket.handshake.headers.cookie, AUTH_COOKIE);
    socket.data.ip = socket.handshake.address;
    const conn = openConnection(socket, deps, token);
    // A login's sockets share a room, so logging out can disconnect them all.
    void conn.actor().then((a) => {
      if (a.user) void socket.join(loginRoom(a.user.tokenHash));
    }, () => undefined);
    if (typeof auth.voterToken === "string" && auth.voterToken.length <= 200) {
      void ticketIdOfToken(deps, auth.voterToken).then((id) => id && conn.followTicket(id), () => undefined);
    }
    routes.serve(socket);
  });
}
