/**
 * Lets an idle WebSocket connection drop its HTTP upgrade request (~1.4 KB of
 * heap per connection: the IncomingMessage, its headers twice, its parser
 * state). Once Socket.IO has run its middleware and built the handshake,
 * nothing reads the request again, but Engine.IO keeps it reachable three
 * ways for the connection's whole life:
 * - its Socket's `request`;
 * - a no-op `onUpgradeError` listener left on a WebSocket that connected
 *   directly (it is removed only on an upgrade from polling), whose scope
 *   holds the request;
 * - the upgrade's response stand-in (`WebSocketResponse`), which holds the
 *   request and is kept by a `close` listener on the TCP socket, there to
 *   tell HTTP middlewares the response ended — Engine.IO middlewares we do
 *   not use.
 * All three are cut here. The test (release-upgrade-request.test.ts) checks
 * the request is collected, so an Engine.IO release that moves these fails it
 * rather than quietly keeping the memory (docs/ARCHITECTURE.md "The typed
 * live edge").
 */
import type { IncomingMessage } from "node:http";
import type { EventEmitter } from "node:events";
import type { Socket } from "socket.io";

interface EngineConn extends EventEmitter {
  request: IncomingMessage;
  transport: { name: string; socket?: EventEmitter & { _socket?: EventEmitter } };
}

/** Engine.IO's `WebSocketResponse` listener, recognised by its source (it has no name). */
const RESPONSE_CLOSE_SOURCE = '() => this.emit("close")';

export function releaseUpgradeRequest(socket: Socket): void {
  const conn = socket.conn as unknown as EngineConn;
  if (conn.transport.name === "websocket") release(conn);
  // A client that began on long-polling holds its upgrade's request the same way.
  else conn.once("upgrade", () => release(conn));
}

function release(conn: EngineConn): void {
  const ws = conn.transport.socket;
  for (const l of ws?.listeners("error") ?? []) {
    if (l.name === "onUpgradeError") ws!.removeListener("error", l as () => void);
  }
  const tcp = ws?._socket;
  for (const l of tcp?.rawListeners("close") ?? []) {
    const inner = (l as { listener?: () => void }).listener;
    if (inner && String(inner) === RESPONSE_CLOSE_SOURCE) tcp!.removeListener("close", inner);
  }
  // What a late reader of `socket.request` could still want; the TCP socket lives on anyway.
  const req = conn.request;
  conn.request = { headers: req.headers, url: req.url, method: req.method, socket: req.socket, connection: req.socket } as IncomingMessage;
}
