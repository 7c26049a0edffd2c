/**
 * The baseline: a bare `ws` server (no Socket.IO, no database) that pushes
 * the exact bytes Tongxin's viewers received — the Socket.IO-encoded
 * `42["session:events",[…]]` text frames — to every connected client, the
 * way the ws README broadcasts. It stamps the bench clock just before the
 * loop, which is the counterpart of Tongxin's commit stamp.
 */
import { AddressInfo } from "node:net";
import { WebSocket, WebSocketServer } from "ws";
import { nowMs } from "../lib/clock.ts";
import { serveRequests } from "../lib/child.ts";

const wss = new WebSocketServer({ host: "127.0.0.1", port: 0, perMessageDeflate: false, maxPayload: 64 * 1024 });
wss.on("listening", () => process.send!({ type: "listening", port: (wss.address() as AddressInfo).port }));

serveRequests({
  send: (m) => {
    const data = Buffer.from(m.bytes as string);
    const t = nowMs();
    for (const client of wss.clients) {
      if (client.readyState === WebSocket.OPEN) client.send(data, { binary: false });
    }
    return { t, end: nowMs(), clients: wss.clients.size };
  },
  sockets: () => ({ count: wss.clients.size }),
});

process.on("SIGTERM", () => {
  for (const client of wss.clients) client.terminate();
  process.exit(0);
});
