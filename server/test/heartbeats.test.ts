/**
 * Engine.IO's heartbeat kept by one wheel (transport/socket/heartbeats.ts):
 * real Socket.IO servers with short intervals, real clients. A client that
 * answers stays connected across many intervals, over WebSocket and over
 * long-polling; one that never answers is closed for "ping timeout" on time;
 * the server holds no heartbeat timer per connection, and forgets a
 * connection once it closes.
 */
import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Server } from "socket.io";
import { io as ioClient, type Socket as ClientSocket } from "socket.io-client";
import WebSocket from "ws";
import { afterEach, describe, expect, it } from "vitest";
import { HEARTBEAT_TICK_MS, keepHeartbeats, type Heartbeats } from "../src/transport/socket/heartbeats.ts";
import { useTestServer } from "./helpers/use-test-server.ts";

const PING_INTERVAL_MS = 300;
const PING_TIMEOUT_MS = 200;

interface EngineConn {
  pingIntervalTimer: unknown;
  transport: { name: "websocket" | "polling" };
  on(event: "packetCreate", listener: (packet: { type: string }) => void): void;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Started {
  io: Server;
  http: HttpServer;
  url: string;
  heartbeats: Heartbeats;
  /** why each server-side socket disconnected */
  reasons: string[];
}

const running: Started[] = [];
const clients: Array<{ close(): void }> = [];

async function start(): Promise<Started> {
  const http = createServer();
  const io = new Server(http, { pingInterval: PING_INTERVAL_MS, pingTimeout: PING_TIMEOUT_MS });
  const heartbeats = keepHeartbeats(io);
  const reasons: string[] = [];
  io.on("connection", (s) => s.on("disconnect", (reason) => reasons.push(reason)));
  await new Promise<void>((r) => http.listen(0, "127.0.0.1", r));
  const started = { io, http, heartbeats, reasons, url: `http://127.0.0.1:${(http.address() as AddressInfo).port}` };
  running.push(started);
  return started;
}

afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  for (const s of running.splice(0)) {
    s.heartbeats.stop();
    await new Promise<void>((r) => s.io.close(() => r()));
  }
});

function connect(url: string, transports: Array<"websocket" | "polling">): Promise<ClientSocket> {
  const socket = ioClient(url, { transports, reconnection: false, forceNew: true });
  clients.push({ close: () => socket.close() });
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", reject);
  });
}

/** An Engine.IO + Socket.IO client over a bare WebSocket that counts the pings it gets and answers none. */
async function silentClient(url: string) {
  const ws = new WebSocket(`${url.replace("http", "ws")}/socket.io/?EIO=4&transport=websocket`);
  clients.push({ close: () => ws.close() });
  let pings = 0;
  let closedAt: number | null = null;
  ws.on("message", (data) => {
    const text = String(data);
    if (text === "2") pings += 1;
    else if (text.startsWith("0{")) ws.send("40");
  });
  ws.on("close", () => (closedAt = Date.now()));
  await new Promise((r) => ws.once("open", r));
  return { pings: () => pings, closedAt: () => closedAt };
}

describe("heartbeats kept by one wheel", () => {
  it("keep answering clients connected, over WebSocket and long-polling, with no timer of their own", async () => {
    const s = await start();
    const overWs = await connect(s.url, ["websocket"]);
    const overPolling = await connect(s.url, ["polling"]);
    const pings = { ws: 0, polling: 0 };
    overWs.io.engine.on("ping", () => (pings.ws += 1));
    overPolling.io.engine.on("ping", () => (pings.polling += 1));

    const engine = s.io.engine as unknown as { clients: Record<string, EngineConn> };
    const conns = Object.values(engine.clients);
    expect(conns).toHaveLength(2);
    // Pings through Engine.IO's packet path, per transport: none for the idle WebSocket.
    const viaEngine = { websocket: 0, polling: 0 };
    for (const conn of conns) {
      expect(conn.pingIntervalTimer).toBeNull();
      conn.on("packetCreate", (p: { type: string }) => {
        if (p.type === "ping") viaEngine[conn.transport.name] += 1;
      });
    }
    expect(s.heartbeats.size).toBe(2);

    // Ten intervals: the clients would give up after one interval + timeout without a ping.
    // (Fewer than ten pings on a busy machine whose timers run late; never many more.)
    await sleep(10 * PING_INTERVAL_MS);
    expect(overWs.connected).toBe(true);
    expect(overPolling.connected).toBe(true);
    expect(s.reasons).toEqual([]);
    for (const n of [pings.ws, pings.polling]) {
      expect(n).toBeGreaterThanOrEqual(5);
      expect(n).toBeLessThanOrEqual(11);
    }
    expect(viaEngine).toEqual({ websocket: 0, polling: pings.polling });

    overWs.close();
    overPolling.close();
    await sleep(100);
    expect(s.heartbeats.size).toBe(0);
  });

  it("close a client that does not answer, for ping timeout, within one interval and timeout", async () => {
    const s = await start();
    const openedAt = Date.now();
    const silent = await silentClient(s.url);
    const answering = await connect(s.url, ["websocket"]);

    const limit = PING_INTERVAL_MS + PING_TIMEOUT_MS + 2 * HEARTBEAT_TICK_MS;
    for (let waited = 0; silent.closedAt() === null && waited < 3 * limit; waited += 20) await sleep(20);
    const closedAt = silent.closedAt();
    expect(closedAt).not.toBeNull();
    expect(closedAt! - openedAt).toBeGreaterThanOrEqual(PING_TIMEOUT_MS);
    expect(closedAt! - openedAt).toBeLessThanOrEqual(limit + 100);
    expect(silent.pings()).toBe(1);
    expect(s.reasons).toEqual(["ping timeout"]);
    expect(answering.connected).toBe(true);
    expect(s.heartbeats.size).toBe(1);
  });
});

describe("the app's connections", () => {
  const t = useTestServer({ world: false });

  it("hold no heartbeat timer of their own", async () => {
    await t.connect();
    const engine = t.server.app.io.engine as unknown as { clients: Record<string, EngineConn> };
    const [conn] = Object.values(engine.clients);
    expect(conn!.pingIntervalTimer).toBeNull();
  });
});
