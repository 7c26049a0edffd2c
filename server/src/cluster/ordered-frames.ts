/**
 * Routes every `session:events` frame a node delivers to its own sockets —
 * the frames it sends and those other nodes send it through Redis — through
 * one FrameOrder per node (cluster/frame-order.ts), so a watcher receives a
 * session's seq in order whichever node committed each event
 * (docs/ARCHITECTURE.md §5, "Scale-out as built").
 *
 * Socket.IO's cluster adapter delivers a broadcast locally in two places: in
 * `broadcast` (this node's own, after publishing it) and in `onMessage` (one
 * from another node). Both are methods of the adapter object, so they are
 * wrapped on that object: a session frame is published as before, and its
 * local delivery waits its turn; everything else passes through untouched.
 * Local delivery is the in-memory adapter's `broadcast`, which encodes the
 * frame once for every socket of the room, as before.
 */
import { Adapter, MessageType, type BroadcastOptions, type ClusterMessage } from "socket.io-adapter";
import type { Server } from "socket.io";
import { sessionOfRoom } from "../transport/rooms.ts";
import { FrameOrder, type SeqSpan } from "./frame-order.ts";

/** How long a frame that skips ahead waits for the ones before it (a sender paces for at most 50 ms). */
export const FRAME_HOLD_MS = 250;

interface Packet {
  type: number;
  data: unknown[];
  nsp?: string;
}

/** The adapter's members this module uses; TypeScript marks them protected. */
interface ClusterInternals {
  uid: string;
  nsp: { name: string };
  broadcast(packet: Packet, opts: BroadcastOptions): Promise<void> | void;
  on(event: "delete-room", fn: (room: string) => void): void;
  onMessage(message: ClusterMessage, offset?: string): void;
  publish(message: { type: MessageType; data: unknown }): void;
}

interface Frame {
  packet: Packet;
  opts: BroadcastOptions;
}

export interface OrderedFrames {
  /** A room's first watcher here starts from `next` (its snapshot's seq + 1); ignored once frames flow. */
  startAt(room: string, next: number): void;
  /** Frames from other nodes were lost (Redis was away): every room starts afresh. */
  reset(): void;
}

export function orderSessionFrames(io: Server, holdMs = FRAME_HOLD_MS): OrderedFrames {
  const adapter = io.of("/").adapter as unknown as ClusterInternals;
  const deliverHere = (packet: Packet, opts: BroadcastOptions) => Adapter.prototype.broadcast.call(adapter, packet as never, opts);
  const order = new FrameOrder<Frame>(holdMs, (_room, { packet, opts }, fromSeq) => {
    const events = packet.data[1] as Array<{ seq: number }>;
    if (events[0]!.seq >= fromSeq) return deliverHere(packet, opts);
    deliverHere({ ...packet, data: [packet.data[0], events.filter((e) => e.seq >= fromSeq)] }, opts);
  });

  const ownBroadcast = adapter.broadcast.bind(adapter);
  adapter.broadcast = (packet: Packet, opts: BroadcastOptions) => {
    const room = sessionFrameRoom(packet, opts);
    if (room === null) return ownBroadcast(packet, opts);
    adapter.publish({ type: MessageType.BROADCAST, data: { packet, opts: { rooms: [room], except: [...(opts.except ?? [])], flags: opts.flags } } });
    order.offer(room, spanOf(packet), { packet, opts });
  };

  const ownOnMessage = adapter.onMessage.bind(adapter);
  adapter.onMessage = (message: ClusterMessage, offset?: string) => {
    if (message.type === MessageType.BROADCAST && message.uid !== adapter.uid && message.nsp === adapter.nsp.name && message.data.requestId === undefined) {
      const wire = message.data.opts as { rooms: string[]; except: string[]; flags?: BroadcastOptions["flags"] };
      const opts: BroadcastOptions = { rooms: new Set(wire.rooms), except: new Set(wire.except), ...(wire.flags ? { flags: wire.flags } : {}) };
      const packet = message.data.packet as Packet;
      const room = sessionFrameRoom(packet, opts);
      if (room !== null) return order.offer(room, spanOf(packet), { packet, opts });
    }
    ownOnMessage(message, offset);
  };

  adapter.on("delete-room", (room: string) => order.forget(room));
  return { startAt: (room, next) => order.startAt(room, next), reset: () => order.reset() };
}

/** The session room a packet is a `session:events` frame for, or null for any other broadcast. */
function sessionFrameRoom(packet: Packet, opts: BroadcastOptions): string | null {
  if (opts.flags?.local || opts.rooms.size !== 1 || packet.data?.[0] !== "session:events") return null;
  const events = packet.data[1];
  if (!Array.isArray(events) || events.length === 0) return null;
  const [room] = opts.rooms;
  return sessionOfRoom(room!) ? room! : null;
}

function spanOf(packet: Packet): SeqSpan {
  const events = packet.data[1] as Array<{ seq: number }>;
  return { first: events[0]!.seq, last: events.at(-1)!.seq };
}
