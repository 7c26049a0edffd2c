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
import { deflatedFrameForSocket, type Frame, type PacketOptions as SharedOptions } from "./shared-deflate.ts";

interface PacketOptions extends SharedOptions {
  preEncoded: true;
}

/** The parts of Socket.IO, Engine.IO and ws this reads (all untyped members). */
interface EngineSocket {
  readyState: string;
  upgrading: boolean;
  writeBuffer: unknown[];
  transport: {
    name: string;
    socket?: {
      readyState: number;
      _sender?: { sendFrame(frame: Frame, cb?: () => void): void };
      _extensions?: Record<string, { params?: Record<string, unknown> } | undefined>;
    };
  };
}
interface IoSocket {
  conn: EngineSocket;
  client: { writeToEngine(encoded: unknown, opts: PacketOptions): void };
}
interface AdapterInternals {
  nsp: { name: string; sockets: Map<string, IoSocket> };
  rooms: Map<string, Set<string>>;
  _encode(packet: unknown, opts: PacketOptions): unknown;
}

const WS_OPEN = 1;

/** Sends `packet` to the sockets of `room` on this node (one room: no socket is sent it twice). */
export function sendToRoom(adapter: Adapter, room: string, packet: { type: number; data: unknown[]; nsp?: string }): void {
  const a = adapter as unknown as AdapterInternals;
  const packetOpts: PacketOptions = { preEncoded: true };
  packet.nsp = a.nsp.name;
  const encoded = a._encode(packet, packetOpts);
  const plain = packetOpts.wsPreEncodedFrame;
  for (const id of a.rooms.get(room) ?? []) {
    const socket = a.nsp.sockets.get(id);
    if (!socket) continue;
    const conn = socket.conn;
    const ws = conn.transport.socket;
    const sender = ws?._sender;
    if (plain && sender && conn.readyState === "open" && !conn.upgrading && conn.writeBuffer.length === 0 && conn.transport.name === "websocket" && ws.readyState === WS_OPEN) {
      sender.sendFrame(deflatedFrameForSocket(ws, packetOpts) ?? plain);
      continue;
    }
    socket.client.writeToEngine(encoded, packetOpts);
  }
}
