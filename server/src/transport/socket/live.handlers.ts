/** Socket.IO handlers of the live protocol (docs/ARCHITECTURE.md §5). */
import type { Server } from "socket.io";
import { AppError } from "../../protocol/errors.ts";
import type { ClientToServerEvents, ServerToClientEvents, SocketData } from "../../protocol/events.ts";
import * as s from "../../protocol/schemas.ts";
import type { Logger } from "../../logger.ts";
import { authenticate } from "../../services/privacy-and-accounts/auth.ts";
import type { Actor, AuthUser, ServiceDeps } from "../../services/deps.ts";
import { auditSocket } from "../audit-hooks.ts";
import { callNext, callTicket, finishTurn, markNoShow, prioritizeTicket, requeueTicket, startTurn } from "../../services/live-day/hall-turns.ts";
import { joinQueue, registerWalkIn } from "../../services/live-day/queue-join.ts";
import { updateSession } from "../../services/live-day/session-control.ts";
import { amendTranscript, appendTranscript } from "../../services/live-day/transcript.ts";
import { leaveQueue, resumeTicket, ticketIdOfToken } from "../../services/live-day/voter-ticket.ts";
import { projectionFor, watchSession } from "../../services/live-day/watch.ts";
import type { LiveBroadcaster } from "../live-broadcaster.ts";
import { LocalRateLimiter, RateLimiter } from "../rate-limit.ts";
import { bookingRoom, loginRoom, publicRoom, staffRoom, ticketRoom } from "../rooms.ts";
import { AUTH_COOKIE, readCookie } from "../cookies.ts";
import type { CallTimers } from "../../services/calls-and-stream/call-timers.ts";
import { attachCallHandlers, offerLiveCall } from "./call.handlers.ts";
import { liveEvents, type LiveSocket } from "./handle.ts";
import { checkInAtDesk, checkInOnline } from "../../services/bookings-and-support/booking-check-in.ts";
import { bookingByCode } from "../../services/bookings-and-support/bookings.ts";
import { supportTicket } from "../../services/bookings-and-support/ticket-support.ts";
import { newToken } from "../../services/privacy-and-accounts/secrets.ts";
import { agendaNext } from "../../services/messages-and-forums/forum-agenda.ts";

type Io = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

export function attachLiveHandlers(io: Io, deps: ServiceDeps, broadcaster: LiveBroadcaster, log: Logger, callTimers: CallTimers): void {
  // Per socket in this process (a socket lives on one node); per address across the nodes (Redis).
  const joinsPerSocket = new LocalRateLimiter(deps.config.joinLimitPerSocketPerMin, 60_000);
  const joinsPerIp = new RateLimiter(deps.config.joinLimitPerIpPerMin, 60_000, "join-ip", deps.sharedWindows);
  // 附议: a device supports each topic once anyway; this bounds the writes one socket can cause.
  const supportsPerSocket = new LocalRateLimiter(30, 60_000);
  const supportsPerIp = new RateLimiter(deps.config.joinLimitPerIpPerMin * 4, 60_000, "support-ip", deps.sharedWindows);

  io.on("connection", (socket: LiveSocket) => {
    const auth = (socket.handshake.auth ?? {}) as { token?: unknown; voterToken?: unknown };
    const token = typeof auth.token === "string" ? auth.token : readCookie(socket.handshake.headers.cookie, AUTH_COOKIE);
    socket.data.ip = socket.handshake.address;

    // Staff rights are checked against the database on every event, so a
    // logout or an expired token takes effect at once.
    // The last user found is who the audit names for this connection's events (§6f).
    let lastUser: AuthUser | null = null;
    const actor = async (): Promise<Actor> => {
      const user = await authenticate(deps, token);
      lastUser = user;
      return { user };
    };
    const audit = auditSocket(deps, log, () => lastUser);
    // A login's sockets share a room, so logging out can disconnect them all.
    void actor().then((a) => {
      if (a.user) void socket.join(loginRoom(a.user.tokenHash));
    }, () => undefined);

    // The voter's own projection of their ticket goes to this room (joining twice is a no-op).
    const followTicket = (ticketId: string) => void socket.join(ticketRoom(ticketId));
    if (typeof auth.voterToken === "string" && auth.voterToken.length <= 200) {
      void ticketIdOfToken(deps, auth.voterToken).then((id) => id && followTicket(id), () => undefined);
    }

    const joinAllowed = async () => {
      if (!joinsPerSocket.take(socket.id) || !(await joinsPerIp.take(socket.data.ip))) {
        throw new AppError("RATE_LIMITED", "操作过于频繁，请稍后再试 / too many joins, try again shortly");
      }
    };

    const on = liveEvents(socket, log, audit);

    on("session:watch", s.sessionWatchSchema, async (input) => {
      const { projection } = await projectionFor(deps, await actor(), input.sessionId, input.projection);
      // Join before reading, so no event committed after the read is missed;
      // the client drops frames with seq ≤ the answer's seq.
      const room = projection === "staff" ? staffRoom(input.sessionId) : publicRoom(input.sessionId);
      await socket.leave(projection === "staff" ? publicRoom(input.sessionId) : staffRoom(input.sessionId));
      await socket.join(room);
      const answer = await watchSession(deps, input.sessionId, projection, input.sinceSeq, broadcaster.viewers(input.sessionId));
      broadcaster.watchedFrom(room, answer.seq);
      return answer;
    });

    on("session:unwatch", s.sessionUnwatchSchema, async ({ sessionId }) => {
      await socket.leave(publicRoom(sessionId));
      await socket.leave(staffRoom(sessionId));
      return { sessionId };
    });

    on("queue:join", s.queueJoinSchema, async (input) => {
      await joinAllowed();
      const result = await joinQueue(deps, input);
      followTicket(result.ticket.id);
      return result;
    });

    on("ticket:resume", s.voterTokenSchema, async ({ voterToken }) => {
      const result = await resumeTicket(deps, voterToken);
      followTicket(result.ticket.id);
      offerLiveCall(deps, socket, result.ticket.id);
      return result;
    });

    on("queue:leave", s.voterTokenSchema, async ({ voterToken }) => leaveQueue(deps, voterToken));

    on("desk:register", s.deskRegisterSchema, async (input) => registerWalkIn(deps, await actor(), input));

    on("hall:callNext", s.sessionRefSchema, async ({ sessionId }) => callNext(deps, await actor(), sessionId));
    on("hall:call", s.ticketRefSchema, async ({ ticketId }) => callTicket(deps, await actor(), ticketId));
    on("hall:start", s.ticketRefSchema, async ({ ticketId }) => startTurn(deps, await actor(), ticketId));
    on("hall:finish", s.hallFinishSchema, async (input) => finishTurn(deps, await actor(), input));
    on("hall:noShow", s.ticketRefSchema, async ({ ticketId }) => markNoShow(deps, await actor(), ticketId));
    on("hall:requeue", s.hallRequeueSchema, async ({ ticketId, keepPlace }) => requeueTicket(deps, await actor(), ticketId, keepPlace ?? false));
    on("hall:prioritize", s.hallPrioritizeSchema, async ({ ticketId, reason }) => prioritizeTicket(deps, await actor(), ticketId, reason));

    on("hall:agendaNext", s.sessionRefSchema, async ({ sessionId }) => agendaNext(deps, await actor(), sessionId));
    on("session:update", s.sessionUpdateSchema, async ({ sessionId, ...changes }) => updateSession(deps, await actor(), sessionId, changes));

    on("transcript:append", s.transcriptAppendSchema, async (input) => appendTranscript(deps, await actor(), input));
    on("transcript:amend", s.transcriptAmendSchema, async ({ entryId, text }) => amendTranscript(deps, await actor(), entryId, text));

    // ---- bookings and support (docs/ARCHITECTURE.md §6b) ----
    on("booking:checkIn", s.bookingCheckInSchema, async ({ code, bookingToken }) => {
      await joinAllowed();
      const result = await checkInOnline(deps, code, bookingToken);
      followTicket(result.ticket.id);
      return result;
    });
    on("booking:watch", s.bookingWatchSchema, async ({ code }) => {
      const booking = await bookingByCode(deps, code);
      await socket.join(bookingRoom(booking.code));
      return { booking };
    });
    on("desk:checkIn", s.deskCheckInSchema, async ({ sessionId, code }) => checkInAtDesk(deps, await actor(), sessionId, code));
    on("ticket:support", s.ticketSupportSchema, async ({ ticketId, supporterToken }) => {
      if (!supportsPerSocket.take(socket.id) || !(await supportsPerIp.take(socket.data.ip))) {
        throw new AppError("RATE_LIMITED", "操作过于频繁，请稍后再试 / too many, try again shortly");
      }
      // A client that keeps no token is one device for as long as its connection lasts.
      return supportTicket(deps, ticketId, supporterToken ?? (socket.data.supporterToken ??= newToken()));
    });

    attachCallHandlers({ io, socket, deps, log, actor, audit, timers: callTimers });
  });
}
