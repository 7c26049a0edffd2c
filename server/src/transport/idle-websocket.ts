/**
 * The WebSocket under an Engine.IO socket that has nothing queued, for the
 * frames written straight to its sender: a session frame (room-frames.ts) and
 * a heartbeat's ping (socket/heartbeats.ts). Only an open socket on the
 * WebSocket transport, not upgrading, with an empty Engine.IO queue qualifies:
 * anything it has queued was written to ws in order already, so a frame
 * handed to ws now overtakes nothing. Any other socket (long-polling,
 * upgrading, packets queued, closing) must go through Engine.IO
 * (docs/ARCHITECTURE.md "Fan-out").
 */
import type { Frame } from "./shared-deflate.ts";

/** The parts of Engine.IO's socket and ws's WebSocket this reads (all untyped members). */
export interface EngineSocket {
  readyState: string;
  upgrading: boolean;
  writeBuffer: unknown[];
  transport: { name: string; socket?: WebSocketInternals };
}
export interface WebSocketInternals {
  readyState: number;
  _sender?: { sendFrame(frame: Frame, cb?: () => void): void };
  _extensions?: Record<string, { params?: Record<string, unknown> } | undefined>;
}
export type IdleWebSocket = WebSocketInternals & Required<Pick<WebSocketInternals, "_sender">>;

const WS_OPEN = 1;

export function idleWebSocket(conn: EngineSocket): IdleWebSocket | null {
  const ws = conn.transport.socket;
  if (!ws?._sender || conn.readyState !== "open" || conn.upgrading || conn.writeBuffer.length !== 0) return null;
  if (conn.transport.name !== "websocket" || ws.readyState !== WS_OPEN) return null;
  return ws as IdleWebSocket;
}
