/**
 * Delivers session frames to the sockets of a room on this node, as
 * Socket.IO's in-memory adapter does — one encoding, one pre-built WebSocket
 * frame — but hands that frame straight to each idle WebSocket's sender
 * (docs/ARCHITECTURE.md "Fan-out").
 *
 * Socket.IO writes a broadcast per socket through Engine.IO's packet queue: a
 * packet object, `packetCreate`/`flush`/`drain` events and a completion
 * callback per socket and frame, which cost 10k viewers about as much CPU as
 * the writes themselves (bench/NOTES.md). For a socket whose Engine.IO queue
 * is empty, on an open WebSocket, the queue adds nothing: the frame is the
 * bytes Engine.IO would write, written the way it writes them (ws's
 * `sendFrame`), with no callback. Any other socket (long-polling, upgrading,
 * packets queued, closing) goes through Engine.IO as before, so nothing
 * overtakes what is queued. Sockets that negotiated permessage-deflate get the
 * broadcast's one deflated copy (transport/shared-deflate.ts).
 *
 * A room's frame is sent in slices of at most SLICE_MS, one per turn of the
 * event loop: a frame of a join storm to 1,000 plain sockets costs ~100 ms of
 * kernel copies, and the joins' reads, commits and acks run between its
 * slices instead of after it. A room's frames go out one after another, in
 * the order given; frames that wait behind one still being sent are merged
 * into one, so a burst costs each socket one write per send, not one per frame.
 */
import type { Adapter } from "socket.io-adapter";
import { idleWebSocket, type EngineSocket } from "./idle-websocket.ts";
import { deflatedFrameForSocket, type Frame, type PacketOptions as SharedOptions } from "./shared-deflate.ts";

interface PacketOptions extends SharedOptions {
  preEncoded: true;
}

/** The parts of Socket.IO this reads (untyped members). */
interface IoSocket {
  conn: EngineSocket;
  client: { writeToEngine(encoded: unknown, opts: PacketOptions): void };
}
interface AdapterInternals {
  nsp: { name: string; sockets: Map<string, IoSocket> };
  rooms: Map<string, Set<string>>;
  _encode(packet: unknown, opts: PacketOptions): unknown;
}

// A frame's header and payload in one buffer, made once per broadcast (and per deflated copy).
const joined = new WeakMap<Frame, Frame>();
/**
 * ws writes a two-part frame as cork, two writes, uncork — a writev built per
 * socket; one buffer is one plain write. Joining them once per broadcast
 * costs one copy of the frame; at 10,000 sockets it saved ~3 µs of each
 * socket's send (bench/NOTES.md §11).
 */
function oneBuffer(frame: Frame): Frame {
  if (frame.length === 1) return frame;
  let one = joined.get(frame);
  if (!one) joined.set(frame, (one = [Buffer.concat(frame)]));
  return one;
}

/** A `session:events` packet, as the adapter's broadcast gets it. */
export interface SessionPacket {
  type: number;
  data: unknown[];
  nsp?: string;
}

/** One frame's send to a room, for /metrics and the bench. */
export interface FrameSent {
  room: string;
  /** the sockets in the room when the frame started */
  sockets: number;
  /** performance.now() when the frame started (its encoding) and when its last socket was written */
  startedAt: number;
  endedAt: number;
  /** the time its slices took, all together (what the send cost this thread) */
  busyMs: number;
}

interface Outgoing {
  packet: SessionPacket;
  /** set when the frame starts: what is written, and to whom */
  started?: { encoded: unknown; opts: PacketOptions; plain: Frame | undefined; ids: string[]; next: number; at: number };
  busyMs: number;
}

interface RoomQueue {
  frames: Outgoing[];
  /** performance.now() when the send yielded to other work; null when no slice is scheduled */
  yieldedAt: number | null;
}

/**
 * How long one turn of the event loop may spend sending a room's frame. An
 * ack that arrives during a storm's fan-out waits for one slice, not for the
 * whole frame; at 10,000 idle viewers a slice is ~250 of them.
 */
export const SLICE_MS = 4;
/**
 * The least share of this thread a room's send keeps while other work is
 * waiting: a slice is at least a third of what the other work took since the
 * last one, so a storm's joins run first but cannot hold the watchers back
 * for long (a frame still reaches them at a quarter of the speed).
 */
const SEND_SHARE = 1 / 4;
/** Sockets written between two looks at the clock. */
const CLOCK_EVERY = 8;

export class RoomFrames {
  private readonly rooms = new Map<string, RoomQueue>();
  private readonly listeners: Array<(sent: FrameSent) => void> = [];

  constructor(
    private readonly adapter: Adapter,
    private readonly sliceMs = SLICE_MS,
  ) {}

  /** Sends `packet` to the sockets of `room` on this node, after the frames given before it. */
  send(room: string, packet: SessionPacket): void {
    const queue = this.rooms.get(room);
    if (!queue) {
      const fresh: RoomQueue = { frames: [{ packet, busyMs: 0 }], yieldedAt: null };
      this.rooms.set(room, fresh);
      this.pump(room, fresh, this.sliceMs);
      return;
    }
    const last = queue.frames.at(-1)!;
    if (last.started) queue.frames.push({ packet, busyMs: 0 });
    else last.packet = merged(last.packet, packet);
  }

  onSent(listener: (sent: FrameSent) => void): void {
    this.listeners.push(listener);
  }

  /** Sends every queued frame now, in this turn (the server is closing). */
  finish(): void {
    for (const [room, queue] of [...this.rooms]) this.pump(room, queue, Infinity);
  }

  private pump(room: string, queue: RoomQueue, sliceMs: number): void {
    const a = this.adapter as unknown as AdapterInternals;
    const sliceStart = performance.now();
    let mark = sliceStart;
    while (queue.frames.length > 0) {
      const f = queue.frames[0]!;
      const s = (f.started ??= start(a, room, f.packet, mark));
      while (s.next < s.ids.length) {
        const socket = a.nsp.sockets.get(s.ids[s.next++]!);
        if (socket) sendOne(socket, s);
        if (s.next % CLOCK_EVERY === 0 && s.next < s.ids.length) {
          const now = performance.now();
          if (now - sliceStart >= sliceMs) {
            f.busyMs += now - mark;
            this.later(room, queue);
            return;
          }
        }
      }
      const endedAt = performance.now();
      f.busyMs += endedAt - mark;
      mark = endedAt;
      queue.frames.shift();
      for (const listener of this.listeners) listener({ room, sockets: s.ids.length, startedAt: s.at, endedAt, busyMs: f.busyMs });
    }
    this.rooms.delete(room);
  }

  private later(room: string, queue: RoomQueue): void {
    if (queue.yieldedAt !== null) return;
    queue.yieldedAt = performance.now();
    setImmediate(() => {
      const othersMs = performance.now() - queue.yieldedAt!;
      queue.yieldedAt = null;
      // finish() may have sent it all meanwhile, and a new queue taken the room
      if (this.rooms.get(room) !== queue) return;
      this.pump(room, queue, Math.max(this.sliceMs, (othersMs * SEND_SHARE) / (1 - SEND_SHARE)));
    });
  }
}

/** The frame's bytes, encoded once, and the room's sockets as it starts: one that joins later has the events in its snapshot. */
function start(a: AdapterInternals, room: string, packet: SessionPacket, at: number): NonNullable<Outgoing["started"]> {
  const opts: PacketOptions = { preEncoded: true };
  packet.nsp = a.nsp.name;
  const encoded = a._encode(packet, opts);
  const plain = opts.wsPreEncodedFrame && oneBuffer(opts.wsPreEncodedFrame);
  return { encoded, opts, plain, ids: [...(a.rooms.get(room) ?? [])], next: 0, at };
}

function sendOne(socket: IoSocket, s: NonNullable<Outgoing["started"]>): void {
  const ws = s.plain && idleWebSocket(socket.conn);
  if (s.plain && ws) {
    const deflated = deflatedFrameForSocket(ws, s.opts);
    ws._sender.sendFrame(deflated ? oneBuffer(deflated) : s.plain);
    return;
  }
  socket.client.writeToEngine(s.encoded, s.opts);
}

/** Two frames of one room as one: their events are consecutive and in seq order. */
function merged(first: SessionPacket, next: SessionPacket): SessionPacket {
  const events = [...(first.data[1] as unknown[]), ...(next.data[1] as unknown[])];
  return { ...first, data: [first.data[0], events] };
}
