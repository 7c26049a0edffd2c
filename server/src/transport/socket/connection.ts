/**
 * What one Socket.IO connection keeps between its events: who it is (its
 * login token, the user its last staff event was checked as), and the calls
 * it started. One object per socket; the handlers themselves are shared by
 * every socket (socket/handle.ts, LiveRoutes).
 */
import type { Actor, AuthUser, ServiceDeps } from "../../services/deps.ts";
import { authenticate } from "../../services/privacy-and-accounts/auth.ts";
import { ticketRoom } from "../rooms.ts";
import type { LiveSocket } from "./handle.ts";

export class Connection {
  /** who the audit names for this connection's events (§6f): the user its last check found */
  lastUser: AuthUser | null = null;
  /** calls this socket started, so its disconnect can end them (§5b) */
  hallCalls: Set<string> | null = null;

  constructor(
    readonly socket: LiveSocket,
    private readonly deps: ServiceDeps,
    private readonly token: string | undefined,
  ) {}

  /**
   * Staff rights are checked against the database on every event, so a
   * logout or an expired token takes effect at once.
   */
  async actor(): Promise<Actor> {
    const user = await authenticate(this.deps, this.token);
    this.lastUser = user;
    return { user };
  }

  /** The voter's own projection of their ticket goes to this room (joining twice is a no-op). */
  followTicket(ticketId: string): void {
    void this.socket.join(ticketRoom(ticketId));
  }
}

const connections = new WeakMap<LiveSocket, Connection>();

export function openConnection(socket: LiveSocket, deps: ServiceDeps, token: string | undefined): Connection {
  const conn = new Connection(socket, deps, token);
  connections.set(socket, conn);
  return conn;
}

export function connectionOf(socket: LiveSocket): Connection {
  const conn = connections.get(socket);
  if (!conn) throw new Error("a socket event before its connection was opened");
  return conn;
}

/** The calls a socket started (none if it never opened a connection here). */
export function callsStartedBy(socket: LiveSocket): Iterable<string> {
  return connections.get(socket)?.hallCalls ?? [];
}
