/** Socket.IO handlers of the live protocol (docs/ARCHITECTURE.md §5). */
import type { Server, Socket } from "socket.io";
import { AppError } from "../../protocol/errors.ts";
import type { ClientToServerEvents, ServerToClientEvents, SocketData } from "../../protocol/events.ts";
import * as s from "../../protocol/schemas.ts";
import type { Logger } from "../../logger.ts";
import { authenticate } from "../../services/auth.ts";
import type { Actor, ServiceDeps } from "../../services/deps.ts";
import { callNext, callTicket, finishTurn, markNoShow, prioritizeTicket, requeueTicket, startTurn } from "../../services/hall-turns.ts";
import { joinQueue, registerWalkIn } from "../../services/queue-join.ts";
import { updateSession } from "../../services/session-control.ts";
import { amendTranscript, appendTranscript } from "../../services/transcript.ts";
import { leaveQueue, resumeTicket, ticketIdOfToken } from "../../services/voter-ticket.ts";
import { projectionFor, watchSession } from "../../services/watch.ts";
import type { LiveBroadcaster } from "../live-broadcaster.ts";
import { RateLimiter } from "../rate-limit.ts";
import { loginRoom, publicRoom, staffRoom, ticketRoom } from "../rooms.ts";
import { AUTH_COOKIE, readCookie } from "../cookies.ts";
import { attachCallHandlers } from "./call.handlers.ts";
import { handle } from "./handle.ts";

type Io = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type LiveSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

export function attachLiveHandlers(io: Io, deps: ServiceDeps, broadcaster: LiveBroadcaster, log: Logger): void {
  const joinsPerSocket = new RateLimiter(deps.config.joinLimitPerSocketPerMin, 60_000);
  const joinsPerIp = new RateLimiter(deps.config.joinLimitPerIpPerMin, 60_000);

  io.on("connection", (socket: LiveSocket) => {
    const auth = (socket.handshake.auth ?? {}) as { token?: unknown; voterToken?: unknown };
    const token = typeof auth.token === "string" ? auth.token : readCookie(socket.handshake.headers.cookie, AUTH_COOKIE);
    socket.data.ticketIds = [];
    socket.data.ip = socket.handshake.address;

    // Staff rights are checked against the database on every event, so a
    // logout or an expired token takes effect at once.
    const actor = async (): Promise<Actor> => ({ user: await authenticate(deps, token) });
    void actor().then((a) => {
      if (a.user) {
        socket.data.userId = a.user.id;
        void socket.join(loginRoom(a.user.tokenHash));
      }
    }, () => undefined);

    const followTicket = (ticketId: string) => {
      if (!socket.data.ticketIds.includes(ticketId)) socket.data.ticketIds.push(ticketId);
      void socket.join(ticketRoom(ticketId));
    };
    if (typeof auth.voterToken === "string" && auth.voterToken.length <= 200) {
      void ticketIdOfToken(deps, auth.voterToken).then((id) => id && followTicket(id), () => undefined);
    }

    const joinAllowed = () => {
      if (!joinsPerSocket.take(socket.id) || !joinsPerIp.take(socket.data.ip)) {
        throw new AppError("RATE_LIMITED", "操作过于频繁，请稍后再试 / too many joins, try again shortly");
      }
    };

    const on = (event: keyof ClientToServerEvents, handler: (raw: unknown, ack: unknown) => Promise<void>) =>
      socket.on(event, handler as never);

    on("session:watch", handle("session:watch", s.sessionWatchSchema, log, async (input) => {
      const { projection } = await projectionFor(deps, await actor(), input.sessionId);
      // Join before reading, so no event committed after the read is missed;
      // the client drops frames with seq ≤ the answer's seq.
      await socket.leave(projection === "staff" ? publicRoom(input.sessionId) : staffRoom(input.sessionId));
      await socket.join(projection === "staff" ? staffRoom(input.sessionId) : publicRoom(input.sessionId));
      return watchSession(deps, input.sessionId, projection, input.sinceSeq, broadcaster.viewers(input.sessionId));
    }));

    on("session:unwatch", handle("session:unwatch", s.sessionUnwatchSchema, log, async ({ sessionId }) => {
      await socket.leave(publicRoom(sessionId));
      await socket.leave(staffRoom(sessionId));
      return { sessionId };
    }));

    on("queue:join", handle("queue:join", s.queueJoinSchema, log, async (input) => {
      joinAllowed();
      const result = await joinQueue(deps, input);
      followTicket(result.ticket.id);
      return result;
    }));

    on("ticket:resume", handle("ticket:resume", s.voterTokenSchema, log, async ({ voterToken }) => {
      const result = await resumeTicket(deps, voterToken);
      followTicket(result.ticket.id);
      return result;
    }));

    on("queue:leave", handle("queue:leave", s.voterTokenSchema, log, async ({ voterToken }) => leaveQueue(deps, voterToken)));

    on("desk:register", handle("desk:register", s.deskRegisterSchema, log, async (input) => registerWalkIn(deps, await actor(), input)));

    on("hall:callNext", handle("hall:callNext", s.sessionRefSchema, log, async ({ sessionId }) => callNext(deps, await actor(), sessionId)));
    on("hall:call", handle("hall:call", s.ticketRefSchema, log, async ({ ticketId }) => callTicket(deps, await actor(), ticketId)));
    on("hall:start", handle("hall:start", s.ticketRefSchema, log, async ({ ticketId }) => startTurn(deps, await actor(), ticketId)));
    on("hall:finish", handle("hall:finish", s.hallFinishSchema, log, async (input) => finishTurn(deps, await actor(), input)));
    on("hall:noShow", handle("hall:noShow", s.ticketRefSchema, log, async ({ ticketId }) => markNoShow(deps, await actor(), ticketId)));
    on("hall:requeue", handle("hall:requeue", s.hallRequeueSchema, log, async ({ ticketId, keepPlace }) =>
      requeueTicket(deps, await actor(), ticketId, keepPlace ?? false),
    ));
    on("hall:prioritize", handle("hall:prioritize", s.hallPrioritizeSchema, log, async ({ ticketId, reason }) =>
      prioritizeTicket(deps, await actor(), ticketId, reason),
    ));

    on("session:update", handle("session:update", s.sessionUpdateSchema, log, async ({ sessionId, ...changes }) =>
      updateSession(deps, await actor(), sessionId, changes),
    ));

    on("transcript:append", handle("transcript:append", s.transcriptAppendSchema, log, async (input) =>
      appendTranscript(deps, await actor(), input),
    ));
    on("transcript:amend", handle("transcript:amend", s.transcriptAmendSchema, log, async ({ entryId, text }) =>
      amendTranscript(deps, await actor(), entryId, text),
    ));

    attachCallHandlers({ io, socket, deps, log, actor });
  });
}
