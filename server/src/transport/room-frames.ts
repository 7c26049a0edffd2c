/**
 * Delivers a session frame to the sockets of one room on this node, as
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

/** Sends `packet` to the sockets of `room` on this node (one room: no socket is sent it twice). */
export function sendToRoom(adapter: Adapter, room: string, packet: { type: number; data: unknown[]; nsp?: string }): void {
  const a = adapter as unknown as AdapterInternals;
  const packetOpts: PacketOptions = { preEncoded: true };
  packet.nsp = a.nsp.name;
  const encoded = a._encode(packet, packetOpts);
  const plain = packetOpts.wsPreEncodedFrame && oneBuffer(packetOpts.wsPreEncodedFrame);
  for (const id of a.rooms.get(room) ?? []) {
    const socket = a.nsp.sockets.get(id);
    if (!socket) continue;
    const ws = plain && idleWebSocket(socket.conn);
    if (plain && ws) {
      const deflated = deflatedFrameForSocket(ws, packetOpts);
      ws._sender.sendFrame(deflated ? oneBuffer(deflated) : plain);
      continue;
    }
    socket.client.writeToEngine(encoded, packetOpts);
  }
}
