/**
 * How a node delivers `session:events` frames to its own sockets
 * (docs/ARCHITECTURE.md "Fan-out" and "Scale-out as built"). The broadcaster
 * emits each frame to its room as any broadcast; the adapter's `broadcast` is
 * wrapped so that a session frame
 * - on a single node, goes straight to the room's idle WebSockets, a slice
 *   of the room per turn of the event loop (transport/room-frames.ts);
 * - in a cluster, is published to the other nodes as before, and delivered
 *   here through one FrameOrder per room (cluster/frame-order.ts), like the
 *   frames other nodes send (the adapter's `onMessage` is wrapped too): a
 *   watcher receives a session's seq in order whichever node committed each
 *   event, since each node paces its own frames and one node's can overtake
 *   another's.
 * Every other broadcast passes through untouched.
 */
import { MessageType, type BroadcastOptions, type ClusterMessage } from "socket.io-adapter";
import type { Adapter } from "socket.io-adapter";
import type { Server } from "socket.io";
import { FrameOrder, type SeqSpan } from "../cluster/frame-order.ts";
import { RoomFrames, type FrameSent, type SessionPacket } from "./room-frames.ts";
import { sessionOfRoom } from "./rooms.ts";

/** How long a frame that skips ahead waits for the ones before it (a sender paces for at most 50 ms). */
export const FRAME_HOLD_MS = 250;

type Packet = SessionPacket;

/** The adapter's members this module uses; TypeScript marks the cluster adapter's protected. */
interface AdapterMembers {
  uid?: string;
  nsp: { name: string };
  broadcast(packet: Packet, opts: BroadcastOptions): Promise<void> | void;
  onMessage?(message: ClusterMessage, offset?: string): void;
  publish?(message: { type: MessageType; data: unknown }): void;
  on(event: "delete-room", fn: (room: string) => void): void;
}

export interface SessionFrames {
  /** A room's first watcher here starts from `next` (its snapshot's seq + 1); ignored once frames flow. */
  startAt(room: string, next: number): void;
  /** Frames from other nodes were lost (Redis was away): every room starts afresh. */
  reset(): void;
  /** Told of each frame once its last socket was written (/metrics, the bench). */
  onSent(listener: (sent: FrameSent) => void): void;
  /** Sends what is still queued, now: the server is closing. */
  finish(): void;
}

/** `cluster`: the adapter is Socket.IO's cluster adapter (Redis), whose frames are put in order here. */
export function deliverSessionFrames(io: Server, cluster: boolean, holdMs = FRAME_HOLD_MS): SessionFrames {
  const adapter = io.of("/").adapter as unknown as AdapterMembers & Adapter;
  const ownBroadcast = adapter.broadcast.bind(adapter);
  const rooms = new RoomFrames(adapter);
  const sends = { onSent: (listener: (sent: FrameSent) => void) => rooms.onSent(listener), finish: () => rooms.finish() };
  if (!cluster) {
    adapter.broadcast = (packet: Packet, opts: BroadcastOptions) => {
      const room = sessionFrameRoom(packet, opts);
      if (room === null) return ownBroadcast(packet, opts);
      rooms.send(room, packet);
    };
    return { startAt: () => undefined, reset: () => undefined, ...sends };
  }

  const order = new FrameOrder<Packet>(holdMs, (room, packet, fromSeq) => {
    const events = packet.data[1] as Array<{ seq: number }>;
    if (events[0]!.seq >= fromSeq) return rooms.send(room, packet);
    rooms.send(room, { ...packet, data: [packet.data[0], events.filter((e) => e.seq >= fromSeq)] });
  });

  adapter.broadcast = (packet: Packet, opts: BroadcastOptions) => {
    const room = sessionFrameRoom(packet, opts);
    if (room === null) return ownBroadcast(packet, opts);
    adapter.publish!({ type: MessageType.BROADCAST, data: { packet, opts: { rooms: [room], except: [], flags: opts.flags } } });
    order.offer(room, spanOf(packet), packet);
  };

  const ownOnMessage = adapter.onMessage!.bind(adapter);
  adapter.onMessage = (message: ClusterMessage, offset?: string) => {
    if (message.type === MessageType.BROADCAST && message.uid !== adapter.uid && message.nsp === adapter.nsp.name && message.data.requestId === undefined) {
      const wire = message.data.opts as { rooms: string[]; except: string[]; flags?: BroadcastOptions["flags"] };
      const opts: BroadcastOptions = { rooms: new Set(wire.rooms), except: new Set(wire.except), ...(wire.flags ? { flags: wire.flags } : {}) };
      const packet = message.data.packet as Packet;
      const room = sessionFrameRoom(packet, opts);
      if (room !== null) return order.offer(room, spanOf(packet), packet);
    }
    ownOnMessage(message, offset);
  };

  adapter.on("delete-room", (room: string) => order.forget(room));
  return { startAt: (room, next) => order.startAt(room, next), reset: () => order.reset(), ...sends };
}

/** The session room a packet is a `session:events` frame for, or null for any other broadcast. */
function sessionFrameRoom(packet: Packet, opts: BroadcastOptions): string | null {
  if (opts.flags?.local || opts.flags?.volatile || opts.except?.size || opts.rooms.size !== 1 || packet.data?.[0] !== "session:events") return null;
  const events = packet.data[1];
  if (!Array.isArray(events) || events.length === 0) return null;
  const [room] = opts.rooms;
  return sessionOfRoom(room!) ? room! : null;
}

function spanOf(packet: Packet): SeqSpan {
  const events = packet.data[1] as Array<{ seq: number }>;
  return { first: events[0]!.seq, last: events.at(-1)!.seq };
}
