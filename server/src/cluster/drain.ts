/**
 * Taking a node out without losing a write (SIGTERM, a rolling deploy):
 * 1. /readyz answers 503 for `graceMs`, so the balancer's health check (every
 *    500 ms in deploy/haproxy.cfg.template, down after 2) stops sending new connections;
 * 2. the HTTP server stops accepting connections;
 * 3. the write lanes finish what they hold (bounded by `timeoutMs`): every
 *    request already accepted is committed and acked;
 * 4. every socket's transport is closed — not a server "disconnect", which a
 *    Socket.IO client would not retry — so clients reconnect through the
 *    balancer to another node and resync with `sinceSeq`.
 */
import type { Server as HttpServer } from "node:http";
import type { Server } from "socket.io";
import type { WriteLanes } from "../store/write-lane.ts";
import type { Readiness } from "../transport/http/health.routes.ts";

/** Closes this node's socket transports (never other nodes': `io.local`-only), spread over `spreadMs`. */
export function dropLocalTransports(io: Server, spreadMs = 0): void {
  for (const socket of io.of("/").sockets.values()) {
    if (spreadMs <= 0) socket.conn.close();
    else setTimeout(() => socket.conn.close(), Math.random() * spreadMs).unref();
  }
}

export async function drainNode(
  parts: { http: HttpServer; io: Server; lanes: WriteLanes; readiness: Readiness },
  timeoutMs: number,
  graceMs = 0,
): Promise<{ lanesFinished: boolean }> {
  parts.readiness.draining = true;
  if (graceMs > 0) await new Promise((resolve) => setTimeout(resolve, graceMs));
  // Stop accepting; open connections stay until their sockets are closed below.
  parts.http.close();
  let timer: NodeJS.Timeout | undefined;
  const lanesFinished = await Promise.race([
    parts.lanes.idle().then(() => true),
    new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs))),
  ]);
  clearTimeout(timer);
  dropLocalTransports(parts.io);
  return { lanesFinished };
}
