/**
 * Fans committed events out to Socket.IO rooms. A session's events are
 * coalesced into one `session:events` frame per projection: the first event
 * after a quiet spell goes out at once (leading edge), later ones at
 * most every `coalesceMs` — or, for a room so large that a frame costs real
 * CPU to fan out, every few times that cost, up to the contract's ~50 ms
 * (docs/ARCHITECTURE.md §5). Each frame is encoded once per room by
 * Socket.IO's broadcast, not once per socket.
 */
import type { Server } from "socket.io";
import { projectEvent, projectTicket } from "../domain/projections.ts";
import type { ClientToServerEvents, ServerToClientEvents, SocketData } from "../protocol/events.ts";
import type { CallLogView, TicketView } from "../protocol/model.ts";
import type { StoredEvent } from "../store/session-events.ts";
import { callHallRoom, callVoterRoom, publicRoom, sessionOfRoom, staffRoom, ticketRoom } from "./rooms.ts";

type Io = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/** The contract's ceiling on how long an event may wait to be coalesced. */
const MAX_COALESCE_MS = 50;
/**
 * During a burst, a room is flushed no more often than every FLUSH_COST_FACTOR
 * times what its last flush cost, so fanning a join storm out to thousands of
 * viewers keeps at most ~1/4 of the CPU and the joins themselves keep the rest.
 */
const FLUSH_COST_FACTOR = 4;

interface Buffer {
  events: StoredEvent[];
  timer: NodeJS.Timeout | null;
  lastFlushAt: number;
  /** the pause after the last flush before the next may go out */
  paceMs: number;
}

export class LiveBroadcaster {
  private readonly buffers = new Map<string, Buffer>();
  private readonly viewersDirty = new Set<string>();
  private readonly lastViewers = new Map<string, number>();
  private readonly viewerTimer: NodeJS.Timeout;

  constructor(
    private readonly io: Io,
    private readonly coalesceMs: number,
  ) {
    // Viewer counts change on every connect; send them at most once a second.
    this.viewerTimer = setInterval(() => this.sendViewerCounts(), 1000);
    this.viewerTimer.unref();
    io.of("/").adapter.on("join-room", (room: string) => this.markViewers(room));
    io.of("/").adapter.on("leave-room", (room: string) => this.markViewers(room));
  }

  publish(events: readonly StoredEvent[]): void {
    for (const e of events) {
      if (e.type === "ticket.joined" || e.type === "ticket.updated") {
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

  /** Number of sockets watching a session on this node. */
  viewers(sessionId: string): number {
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
      b = { events: [], timer: null, lastFlushAt: 0, paceMs: this.coalesceMs };
      this.buffers.set(e.sessionId, b);
    }
    b.events.push(e);
    if (b.timer) return;
    // A zero timeout still lets the rest of this tick's commits join the frame.
    const wait = Math.max(0, b.lastFlushAt + b.paceMs - Date.now());
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
    const started = performance.now();
    this.io.to(publicRoom(sessionId)).emit("session:events", events.map((e) => projectEvent(e, "public")));
    this.io.to(staffRoom(sessionId)).emit("session:events", events.map((e) => projectEvent(e, "staff")));
    const costMs = performance.now() - started;
    b.paceMs = Math.max(this.coalesceMs, Math.min(MAX_COALESCE_MS, FLUSH_COST_FACTOR * costMs));
    // Keep the buffer (with lastFlushAt) for one more interval so a burst is paced.
    b.timer = setTimeout(() => this.flush(sessionId), b.paceMs);
  }

  private markViewers(room: string): void {
    const sessionId = sessionOfRoom(room);
    if (sessionId) this.viewersDirty.add(sessionId);
  }

  private sendViewerCounts(): void {
    for (const sessionId of this.viewersDirty) {
      const count = this.viewers(sessionId);
      if (this.lastViewers.get(sessionId) === count) continue;
      if (count === 0) this.lastViewers.delete(sessionId);
      else this.lastViewers.set(sessionId, count);
      const payload = { sessionId, count };
      this.io.to(publicRoom(sessionId)).to(staffRoom(sessionId)).emit("session:viewers", payload);
    }
    this.viewersDirty.clear();
  }
}
