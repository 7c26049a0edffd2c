/**
 * Fans committed events out to Socket.IO rooms. A session's events are
 * coalesced into one `session:events` frame per projection: the first event
 * after a quiet spell goes out at once (leading edge), later ones at
 * most every `coalesceMs` (docs/ARCHITECTURE.md §5). Each frame is encoded
 * once per room, not once per socket, and sent to a large room in slices
 * (transport/room-frames.ts), so a join storm's fan-out cannot starve the
 * joins; frames that wait for a room's previous send go out as one.
 */
import type { Server } from "socket.io";
import { projectEvent, projectTicket } from "../domain/projections.ts";
import type { ClientToServerEvents, ServerToClientEvents, SocketData } from "../protocol/events.ts";
import type { CallLogView } from "../protocol/calls.ts";
import type { StoredEvent } from "../store/session-events.ts";
import type { SessionFrames } from "./session-frames.ts";
import { callHallRoom, callVoterRoom, publicRoom, sessionOfRoom, staffRoom, ticketRoom } from "./rooms.ts";

type Io = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/** What the broadcaster reports to /metrics (transport/metrics.ts). */
export interface BroadcastObserver {
  /** a session's viewer count as sent in `session:viewers` (0 = nobody watches any more) */
  viewers(sessionId: string, count: number): void;
}

/**
 * Cluster-wide viewer totals from this node's counts (cluster/viewer-counts.ts);
 * rejects when the other nodes cannot be asked, and the local counts are sent instead.
 */
export type ViewerTotals = (local: ReadonlyMap<string, number>) => Promise<Map<string, number>>;

/**
 * The last committed seq of each session (the database's, whichever node wrote
 * it), read every few seconds in a cluster so that a watcher learns of a frame
 * it never received (its node died between commit and broadcast) without
 * waiting for the session's next event.
 */
export type SessionHeads = (sessionIds: readonly string[]) => Promise<Map<string, number>>;

/** What a node of a cluster adds to the broadcaster (app.ts; absent on a single node). */
export interface ClusterPeers {
  viewerTotals: ViewerTotals;
  heads: SessionHeads;
  /** this node's gate that delivers session frames in seq order (transport/session-frames.ts) */
  frames: SessionFrames;
}

/** Ticks (seconds) between two readings of the watched sessions' heads. */
const HEAD_EVERY_TICKS = 5;

interface Buffer {
  events: StoredEvent[];
  timer: NodeJS.Timeout | null;
  lastFlushAt: number;
}

export class LiveBroadcaster {
  private readonly buffers = new Map<string, Buffer>();
  private readonly viewersDirty = new Set<string>();
  private readonly lastViewers = new Map<string, number>();
  private readonly viewerTimer: NodeJS.Timeout;
  /** sessions with local watchers as of the last tick (their counts are refreshed in the cluster every tick) */
  private readonly watchedHere = new Set<string>();
  private exchanging = false;
  /** the head last told to this node's watchers, per session watched here */
  private readonly headsTold = new Map<string, number>();
  private ticksToHeads = HEAD_EVERY_TICKS;
  private readingHeads = false;

  constructor(
    private readonly io: Io,
    private readonly coalesceMs: number,
    private readonly observer?: BroadcastObserver,
    private readonly cluster?: ClusterPeers,
  ) {
    // Viewer counts change on every connect; send them at most once a second.
    this.viewerTimer = setInterval(() => this.sendViewerCounts(), 1000);
    this.viewerTimer.unref();
    io.of("/").adapter.on("join-room", (room: string) => this.markViewers(room));
    io.of("/").adapter.on("leave-room", (room: string) => this.markViewers(room));
  }

  publish(events: readonly StoredEvent[]): void {
    for (const e of events) {
      // Not for ticket.joined: nobody can follow a ticket before its join is answered
      // (followTicket runs after the ack's promise), so that room is always empty —
      // and with the Redis adapter each such emit was a PUBLISH per join of a storm.
      if (e.type === "ticket.updated") {
        this.io.to(ticketRoom(e.data.id)).emit("ticket:event", { ticket: projectTicket(e.data, "own") });
      }
      if (e.type === "call.ended") this.callEnded(e.data as CallLogView);
      this.enqueue(e);
    }
  }

  /** §5b: however a call ended (hang-up, turn over, timer), both parties hear it after commit. */
  private callEnded(call: CallLogView): void {
    const rooms = [callHallRoom(call.callId), callVoterRoom(call.callId), ticketRoom(call.ticketId)];
    this.io.to(rooms).emit("call:state", { callId: call.callId, state: "ENDED", ...(call.reason ? { reason: call.reason } : {}) });
    this.io.in([callHallRoom(call.callId), callVoterRoom(call.callId)]).socketsLeave([callHallRoom(call.callId), callVoterRoom(call.callId)]);
  }

  /** Number of sockets watching a session: in the cluster as of the last tick, or on this node if more. */
  viewers(sessionId: string): number {
    return Math.max(this.lastViewers.get(sessionId) ?? 0, this.localViewers(sessionId));
  }

  /**
   * A socket of this node now watches the room from `seq` (its snapshot or
   * replay): in a cluster, the first watcher tells the frame gate where the
   * room's frames start, so one that overtakes an earlier one is held for it.
   */
  watchedFrom(room: string, seq: number): void {
    this.cluster?.frames.startAt(room, seq + 1);
  }

  /** Number of sockets watching a session on this node. */
  localViewers(sessionId: string): number {
    const rooms = this.io.of("/").adapter.rooms;
    return (rooms.get(publicRoom(sessionId))?.size ?? 0) + (rooms.get(staffRoom(sessionId))?.size ?? 0);
  }

  close(): void {
    clearInterval(this.viewerTimer);
    for (const [sessionId, b] of this.buffers) {
      if (b.timer) clearTimeout(b.timer);
      this.flush(sessionId);
    }
  }

  private enqueue(e: StoredEvent): void {
    let b = this.buffers.get(e.sessionId);
    if (!b) {
      b = { events: [], timer: null, lastFlushAt: 0 };
      this.buffers.set(e.sessionId, b);
    }
    b.events.push(e);
    if (b.timer) return;
    // A zero timeout still lets the rest of this tick's commits join the frame.
    const wait = Math.max(0, b.lastFlushAt + this.coalesceMs - Date.now());
    b.timer = setTimeout(() => this.flush(e.sessionId), wait);
  }

  private flush(sessionId: string): void {
    const b = this.buffers.get(sessionId);
    if (!b) return;
    b.timer = null;
    b.lastFlushAt = Date.now();
    if (b.events.length === 0) {
      this.buffers.delete(sessionId);
      return;
    }
    const events = b.events.sort((x, y) => x.seq - y.seq);
    b.events = [];
    for (const projection of ["public", "staff"] as const) {
      const room = projection === "public" ? publicRoom(sessionId) : staffRoom(sessionId);
      // A broadcast encodes its frame before it looks for sockets: on a single
      // node an empty room (the staff room during a storm, any room nobody
      // watches) is skipped. With other nodes (viewerTotals) their sockets count too.
      if (!this.cluster && !this.io.of("/").adapter.rooms.get(room)?.size) continue;
      this.io.to(room).emit("session:events", events.map((e) => projectEvent(e, projection)));
    }
    // Keep the buffer (with lastFlushAt) for one more interval so a burst is paced.
    b.timer = setTimeout(() => this.flush(sessionId), this.coalesceMs);
  }

  private markViewers(room: string): void {
    const sessionId = sessionOfRoom(room);
    if (sessionId) this.viewersDirty.add(sessionId);
  }

  private sendViewerCounts(): void {
    if (!this.cluster) {
      const local = new Map([...this.viewersDirty].map((id) => [id, this.localViewers(id)] as const));
      this.viewersDirty.clear();
      this.emitViewerCounts(local, false);
      return;
    }
    // Cluster: every session watched here is refreshed each tick (other nodes'
    // counts change without any event here); one exchange in flight at a time.
    if (this.exchanging) return;
    const local = new Map<string, number>();
    for (const id of [...this.viewersDirty, ...this.watchedHere]) local.set(id, this.localViewers(id));
    this.viewersDirty.clear();
    this.watchedHere.clear();
    for (const [id, n] of local) if (n > 0) this.watchedHere.add(id);
    if (local.size === 0) return;
    this.exchanging = true;
    this.cluster
      .viewerTotals(local)
      .then(
        (totals) => this.emitViewerCounts(totals, true),
        () => this.emitViewerCounts(local, true),
      )
      .finally(() => (this.exchanging = false));
    if (--this.ticksToHeads <= 0) {
      this.ticksToHeads = HEAD_EVERY_TICKS;
      this.tellHeads();
    }
  }

  /**
   * Tells this node's watchers each watched session's head when it moved since
   * the last time: one small local emit per session that had events, none for a
   * quiet one. A watcher behind the head watches again with `sinceSeq`.
   */
  private tellHeads(): void {
    if (!this.cluster || this.readingHeads) return;
    for (const id of this.headsTold.keys()) if (!this.watchedHere.has(id)) this.headsTold.delete(id);
    const ids = [...this.watchedHere];
    if (ids.length === 0) return;
    this.readingHeads = true;
    this.cluster
      .heads(ids)
      .then((heads) => {
        for (const [sessionId, seq] of heads) {
          if (!this.watchedHere.has(sessionId) || (this.headsTold.get(sessionId) ?? -1) >= seq) continue;
          this.headsTold.set(sessionId, seq);
          const payload = { sessionId, count: this.viewers(sessionId), seq };
          this.io.local.to(publicRoom(sessionId)).to(staffRoom(sessionId)).emit("session:viewers", payload);
        }
      })
      // The database is away: the outage guard says so elsewhere; try again next time.
      .catch(() => undefined)
      .finally(() => (this.readingHeads = false));
  }

  /** `local`: each node tells its own sockets (the other nodes do the same with the same totals). */
  private emitViewerCounts(counts: ReadonlyMap<string, number>, local: boolean): void {
    for (const [sessionId, count] of counts) {
      if (this.lastViewers.get(sessionId) === count) continue;
      if (count === 0) this.lastViewers.delete(sessionId);
      else this.lastViewers.set(sessionId, count);
      this.observer?.viewers(sessionId, count);
      const payload = { sessionId, count };
      const to = local ? this.io.local : this.io;
      to.to(publicRoom(sessionId)).to(staffRoom(sessionId)).emit("session:viewers", payload);
      // Not watched here any more: forget the total, it would go stale without refreshes.
      if (local && this.localViewers(sessionId) === 0) this.lastViewers.delete(sessionId);
    }
  }
}
