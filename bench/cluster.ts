/**
 * The cluster bench: the same work on one node and on three nodes
 * behind HAProxy, all on PostgreSQL + Redis, separate server processes.
 *
 * - Fan-out: V viewers (spread over the nodes by HAProxy's cookie) watch one
 *   session; the hall calls/starts/finishes voters one action at a time;
 *   latency = the hall's ack (sent right after commit) → the last viewer has
 *   the frame. Beside it, a bare `ws` server sends frames of the same size to
 *   V plain ws clients in this process: the baseline of the same run.
 * - Storm: J joins with C in flight, voters connected through the balancer
 *   (or straight to the single node); ack p50/p99, joins/s, and the database
 *   checked afterwards (every ack present, labels gapless).
 *
 * Viewers and voters live in this one process (unlike bench/fanout.ts), so
 * absolute numbers carry the client's cost; one node vs three is the comparison.
 *
 *   npx tsx bench/cluster.ts [--viewers 300] [--events 30] [--joins 600] [--in-flight 60]
 */
import { randomUUID } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Socket } from "socket.io-client";
import { WebSocket, WebSocketServer } from "ws";
import { openDatabase } from "../server/src/store/prisma.ts";
import { connectVia, startCluster, type Cluster } from "../server/test/helpers/cluster.ts";
import { buildWorld } from "../server/test/helpers/fixtures.ts";
import { REDIS_URL, tempPostgresSchema } from "../server/test/helpers/postgres.ts";
import { nowMs, sleep } from "./lib/clock.ts";
import { numberOption } from "./lib/options.ts";
import { pool } from "./lib/pool.ts";
import { call, connectIo } from "./lib/servers.ts";
import { summarize, type Summary } from "./lib/stats.ts";

const VIEWERS = numberOption("viewers", 300);
const EVENTS = numberOption("events", 30);
const JOINS = numberOption("joins", 600);
const IN_FLIGHT = numberOption("in-flight", 60);

interface CaseResult {
  nodes: number;
  fanout: { latencyMs: Summary; frameBytes: number; baselineMs: Summary };
  storm: { ackMs: Summary; joinsPerSec: number; acked: number; lost: number; labelsGapless: boolean };
}

async function runCase(nodes: number): Promise<CaseResult> {
  const schema = await tempPostgresSchema();
  const db = await openDatabase(schema.url);
  const world = await buildWorld(db);
  const cluster: Cluster = await startCluster({
    count: nodes,
    databaseUrl: schema.url,
    redisUrl: REDIS_URL,
    env: { JOIN_LIMIT_PER_IP_PER_MIN: "1000000", JOIN_LIMIT_PER_SOCKET_PER_MIN: "1000000", LOG_LEVEL: "warn" },
  });
  // One node: straight to it (no balancer), as a single-node deployment runs.
  const connect = (i: number, auth: Record<string, string> = {}) =>
    nodes === 1 ? connectIo(cluster.nodes[0]!.url, auth) : connectVia(cluster.url, `n${(i % nodes) + 1}`, auth);
  const sockets: Socket[] = [];
  try {
    const sessionId = world.shengze.sessionId;
    // Fan-out: viewers, then hall actions one at a time.
    const lastSeen = new Map<Socket, number>();
    const waiting = new Map<number, { need: number; got: number; resolve: (t: number) => void }>();
    let frameBytes = 0;
    await pool(VIEWERS, 25, async (i) => {
      const s = await connect(i);
      sockets.push(s);
      s.on("session:events", (frame: Array<{ seq: number }>) => {
        const t = nowMs();
        for (const e of frame) {
          lastSeen.set(s, e.seq);
          const w = waiting.get(e.seq);
          if (w && ++w.got === w.need) w.resolve(t);
        }
        frameBytes = Math.max(frameBytes, JSON.stringify(frame).length);
      });
      await call(s, "session:watch", { sessionId });
    });
    const hall = await connect(0, { token: world.tokens.deputyShengze });
    sockets.push(hall);
    const voter = await connect(1);
    sockets.push(voter);
    for (let i = 0; i < Math.ceil(EVENTS / 3) + 1; i++) {
      await call(voter, "queue:join", { sessionId, name: `王${i}明`, topic: "停车难", question: "小区门口停车位不够", isPublic: i % 2 === 0 });
    }
    await sleep(1_000);
    const latencies: number[] = [];
    let ticketId = "";
    for (let i = 0; i < EVENTS; i++) {
      const seqBefore = (await db.receptionSession.findUniqueOrThrow({ where: { id: sessionId } })).lastSeq;
      const seq = seqBefore + 1;
      const received = new Promise<number>((resolve) => waiting.set(seq, { need: VIEWERS, got: 0, resolve }));
      const step = i % 3;
      let acked: number;
      if (step === 0) {
        ticketId = (await call<{ ticket: { id: string } }>(hall, "hall:callNext", { sessionId })).ticket.id;
        acked = nowMs();
      } else {
        await call(hall, step === 1 ? "hall:start" : "hall:finish", { ticketId });
        acked = nowMs();
      }
      const last = await Promise.race([received, sleep(20_000).then(() => NaN)]);
      waiting.delete(seq);
      // The last viewer may have had it before the hall's ack arrived: count that as 0.
      if (Number.isFinite(last)) latencies.push(Math.max(0, last - acked));
      await sleep(30 + Math.random() * 30);
    }

    // Bare-ws baseline, same run: frames of the same size to as many plain ws clients.
    const baselineMs = await bareWsBaseline(VIEWERS, frameBytes || 500, EVENTS);

    // Storm: fresh voters, J joins with C in flight, against the lili session.
    const stormSession = world.lili.sessionId;
    const voters: Socket[] = [];
    await pool(IN_FLIGHT, 25, async (i) => {
      const s = await connect(i);
      voters.push(s);
      sockets.push(s);
    });
    const acks: number[] = [];
    const ackedIds: string[] = [];
    const started = nowMs();
    let next = 0;
    await Promise.all(
      voters.map(async (s) => {
        while (next < JOINS) {
          const i = next++;
          const t0 = nowMs();
          const r = await call<{ ticket: { id: string } }>(s, "queue:join", {
            sessionId: stormSession,
            name: `选民${i}`,
            topic: "t",
            isPublic: false,
            requestId: randomUUID(),
          });
          acks.push(nowMs() - t0);
          ackedIds.push(r.ticket.id);
        }
      }),
    );
    const seconds = (nowMs() - started) / 1000;
    const rows = await db.ticket.findMany({ where: { sessionId: stormSession }, select: { id: true, label: true } });
    const ids = new Set(rows.map((r) => r.id));
    const labels = rows.map((r) => r.label).sort();
    const expected = Array.from({ length: rows.length }, (_, i) => `W${String(i + 1).padStart(3, "0")}`);
    return {
      nodes,
      fanout: { latencyMs: summarize(latencies), frameBytes, baselineMs },
      storm: {
        ackMs: summarize(acks),
        joinsPerSec: Math.round(JOINS / seconds),
        acked: ackedIds.length,
        lost: ackedIds.filter((id) => !ids.has(id)).length,
        labelsGapless: JSON.stringify(labels) === JSON.stringify(expected),
      },
    };
  } finally {
    for (const s of sockets) s.disconnect();
    await cluster.stop();
    await db.$disconnect();
    await schema.drop();
  }
}

async function bareWsBaseline(n: number, bytes: number, events: number): Promise<Summary> {
  const wss = new WebSocketServer({ host: "127.0.0.1", port: 0, perMessageDeflate: false });
  await new Promise<void>((r) => wss.once("listening", () => r()));
  const port = (wss.address() as { port: number }).port;
  const clients: WebSocket[] = [];
  let got = 0;
  let done: ((t: number) => void) | null = null;
  await pool(n, 25, async () => {
    const c = new WebSocket(`ws://127.0.0.1:${port}`, { perMessageDeflate: false });
    c.on("message", (m) => {
      JSON.parse(m.toString().slice(2));
      if (++got === n) done?.(nowMs());
    });
    await new Promise<void>((r) => c.once("open", () => r()));
    clients.push(c);
  });
  await sleep(300);
  const frame = `42${JSON.stringify(["session:events", [{ seq: 1, pad: "x".repeat(Math.max(0, bytes - 40)) }]])}`;
  const latencies: number[] = [];
  for (let i = 0; i < events; i++) {
    got = 0;
    const received = new Promise<number>((r) => (done = r));
    const t0 = nowMs();
    for (const ws of wss.clients) ws.send(frame);
    latencies.push((await received) - t0);
    await sleep(30);
  }
  for (const c of clients) c.close();
  await new Promise<void>((r) => wss.close(() => r()));
  return summarize(latencies);
}

const load = os.loadavg().map((x) => x.toFixed(2));
console.log(`cluster bench: ${VIEWERS} viewers, ${EVENTS} events, storm ${JOINS} joins / ${IN_FLIGHT} in flight; load ${load.join(" ")}`);
const results: CaseResult[] = [];
for (const nodes of [1, 3]) {
  const r = await runCase(nodes);
  results.push(r);
  console.log(
    `${nodes} node(s): fan-out ack→last viewer p50 ${r.fanout.latencyMs.p50} ms p99 ${r.fanout.latencyMs.p99} ms (bare ws p50 ${r.fanout.baselineMs.p50} p99 ${r.fanout.baselineMs.p99}, frame ≤ ${r.fanout.frameBytes} B); ` +
      `storm ack p50 ${r.storm.ackMs.p50} ms p99 ${r.storm.ackMs.p99} ms, ${r.storm.joinsPerSec} joins/s, acked ${r.storm.acked}, lost ${r.storm.lost}, gapless ${r.storm.labelsGapless}`,
  );
}
const dir = path.join(import.meta.dirname, "results");
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, "cluster.json"), JSON.stringify({ at: new Date().toISOString(), loadAtStart: load, cpus: os.cpus().length, results }, null, 2));
console.log("results: bench/results/cluster.json");
process.exit(0);
