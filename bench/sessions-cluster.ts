/**
 * Many sessions across nodes: SESSIONS reception days at once on 3 nodes
 * behind HAProxy (PostgreSQL + a private Redis 7), each watched by VIEWERS
 * sockets pinned to nodes at random by the balancer's cookie, each getting a
 * voter's join every few seconds. It reports, per node, the Redis pub/sub
 * messages and bytes its adapter received (tongxin_redis_received_*), beside
 * the frames of the sessions it has watchers of ("own") and of all sessions:
 * with sharded pub/sub a node's intake follows its own sessions, not the
 * total. Every viewer's seq is checked contiguous. Writes
 * bench/results/sessions-cluster.{json,md}. Everything stays on 127.0.0.1;
 * every loop is bounded.
 *
 *   npx tsx bench/sessions-cluster.ts [--sessions 300] [--viewers 2] [--seconds 20] [--every 3]
 */
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Socket } from "socket.io-client";
import { openDatabase } from "../server/src/store/prisma.ts";
import { connectVia, PrivateRedis, startCluster, type Cluster, type ClusterNode } from "../server/test/helpers/cluster.ts";
import { buildWorld, openSession } from "../server/test/helpers/fixtures.ts";
import { tempPostgresSchema } from "../server/test/helpers/postgres.ts";
import { freePort } from "../server/test/helpers/server-process.ts";
import { BENCH_DIR } from "./lib/child.ts";
import { sleep } from "./lib/clock.ts";
import { numberOption } from "./lib/options.ts";
import { pool } from "./lib/pool.ts";
import { call } from "./lib/servers.ts";

const SESSIONS = numberOption("sessions", 300);
const VIEWERS = numberOption("viewers", 2);
const SECONDS = numberOption("seconds", 20);
const EVERY_S = numberOption("every", 3);
const NODES = 3;

/** A deterministic spread of viewers over the nodes (no Math.random: runs compare). */
const nodeOf = (session: number, viewer: number) => `n${((session * 7 + viewer * 13) % NODES) + 1}`;

async function received(node: ClusterNode): Promise<{ messages: number; bytes: number }> {
  const text = await (await fetch(`${node.url}/metrics`)).text();
  const read = (name: string) => Number(new RegExp(`^${name}\\{[^}]*\\} (\\d+)`, "m").exec(text)?.[1] ?? NaN);
  return { messages: read("tongxin_redis_received_messages_total"), bytes: read("tongxin_redis_received_bytes_total") };
}

const schema = await tempPostgresSchema();
const redis = new PrivateRedis(await freePort());
await redis.start();
const db = await openDatabase(schema.url);
const world = await buildWorld(db);
const sessionIds: string[] = [];
for (let i = 0; i < SESSIONS; i++) sessionIds.push(await openSession(db, i % 2 ? world.lili.venueId : world.shengze.venueId));

let cluster: Cluster | null = null;
const sockets: Socket[] = [];
try {
  cluster = await startCluster({
    count: NODES,
    databaseUrl: schema.url,
    redisUrl: redis.url,
    env: { JOIN_LIMIT_PER_IP_PER_MIN: "1000000", JOIN_LIMIT_PER_SOCKET_PER_MIN: "1000000", CONNECTIONS_PER_IP: "100000", CONNECTIONS_PER_IP_PER_MIN: "1000000", LOG_LEVEL: "warn" },
  });
  const balancer = cluster.url;

  // Viewers: each keeps its seqs to check them contiguous; frames per session are counted once (viewer 0).
  const framesOf = new Array<number>(SESSIONS).fill(0);
  const gaps: string[] = [];
  /** joins answered with an error: not a gap (nothing was committed), reported on their own */
  const failed: string[] = [];
  const watchedOn = new Map<string, Set<number>>(Array.from({ length: NODES }, (_, i) => [`n${i + 1}`, new Set<number>()]));
  await pool(SESSIONS * VIEWERS, 20, async (k) => {
    const session = Math.floor(k / VIEWERS);
    const viewer = k % VIEWERS;
    const node = nodeOf(session, viewer);
    const s = await connectVia(balancer, node);
    sockets.push(s);
    let last = -1;
    s.on("session:events", (frame: Array<{ seq: number }>) => {
      if (viewer === 0) framesOf[session]! += 1;
      for (const e of frame) {
        if (last >= 0 && e.seq !== last + 1 && e.seq > last) gaps.push(`session ${session} viewer ${viewer}: ${last} → ${e.seq}`);
        last = Math.max(last, e.seq);
      }
    });
    const snap = await call<{ seq: number }>(s, "session:watch", { sessionId: sessionIds[session] });
    if (last < 0) last = snap.seq;
    watchedOn.get(node)!.add(session);
  });
  const voters = await Promise.all(Array.from({ length: NODES }, (_, i) => connectVia(balancer, `n${i + 1}`)));
  sockets.push(...voters);
  await sleep(2_000); // the viewer counts' first exchanges settle
  const before = await Promise.all(cluster.nodes.map(received));

  // Each session gets a join every EVERY_S seconds, the sessions spread evenly over that period.
  const started = Date.now();
  let joins = 0;
  const inFlight = new Set<Promise<unknown>>();
  for (let tick = 0; Date.now() - started < SECONDS * 1000; tick++) {
    const due = started + (tick * EVERY_S * 1000) / SESSIONS;
    if (due > Date.now()) await sleep(due - Date.now());
    const session = tick % SESSIONS;
    const p = call(voters[tick % NODES]!, "queue:join", { sessionId: sessionIds[session], name: `王${tick}`, topic: "停车难", isPublic: true }).then(
      () => void joins++,
      (e: Error) => failed.push(e.message),
    );
    inFlight.add(p);
    void p.finally(() => inFlight.delete(p));
  }
  await Promise.all(inFlight);
  await sleep(2_000);
  const after = await Promise.all(cluster.nodes.map(received));

  const totalFrames = framesOf.reduce((a, b) => a + b, 0);
  const perNode = cluster.nodes.map((n, i) => {
    const own = [...watchedOn.get(n.name)!];
    const ownFrames = own.reduce((a, s) => a + framesOf[s]!, 0);
    const messages = after[i]!.messages - before[i]!.messages;
    return {
      node: n.name,
      sessionsWatched: own.length,
      ownFrames,
      redisMessages: messages,
      redisBytes: after[i]!.bytes - before[i]!.bytes,
      perOwnFrame: Number((messages / Math.max(1, ownFrames)).toFixed(2)),
      shareOfAllFrames: Number((messages / Math.max(1, totalFrames)).toFixed(2)),
    };
  });
  const result = {
    at: new Date().toISOString(),
    load: os.loadavg().map((n) => Number(n.toFixed(2))),
    cpus: `${os.cpus()[0]?.model ?? "?"} × ${os.cpus().length}`,
    sessions: SESSIONS,
    viewersPerSession: VIEWERS,
    seconds: SECONDS,
    joins,
    totalFrames,
    gaps: gaps.length,
    gapSamples: gaps.slice(0, 5),
    failedJoins: failed.length,
    failedSamples: [...new Set(failed)].slice(0, 3),
    perNode,
  };
  const md = `# Many sessions across nodes (sharded pub/sub)

${result.at} · ${result.cpus} · Node ${process.version} · load at the end ${result.load.join(" / ")}

${SESSIONS} sessions on ${NODES} nodes behind HAProxy, ${VIEWERS} viewers each pinned to nodes by the
balancer's cookie, a join in every session every ${EVERY_S} s for ${SECONDS} s: ${joins} joins,
${totalFrames} public frames in all. Redis messages counted by each node's adapter
(\`tongxin_redis_received_messages_total\`) over the same interval.

| node | sessions watched there | frames of its sessions | Redis messages received | bytes | messages per own frame | messages / all frames |
|---|---|---|---|---|---|---|
${perNode.map((n) => `| ${n.node} | ${n.sessionsWatched} | ${n.ownFrames} | ${n.redisMessages} | ${n.redisBytes} | ${n.perOwnFrame} | ${n.shareOfAllFrames} |`).join("\n")}

A node receives about one message per frame of the sessions it has viewers of (its own
broadcasts come back too, and the adapter drops them), plus the common channel's few (viewer-count
exchanges are not pub/sub), not every session's: with the classic adapter every node received
every frame of both projections, at least 2 per frame of all sessions. Viewers' seq contiguous: **${gaps.length === 0 ? "yes, every viewer" : `no: ${gaps.length} gaps`}**. Joins answered
with an error: **${failed.length}**${failed.length ? ` (${[...new Set(failed)].slice(0, 3).join("; ")})` : ""}.
`;
  mkdirSync(path.join(BENCH_DIR, "results"), { recursive: true });
  writeFileSync(path.join(BENCH_DIR, "results", "sessions-cluster.json"), JSON.stringify(result, null, 2) + "\n");
  writeFileSync(path.join(BENCH_DIR, "results", "sessions-cluster.md"), md);
  console.log(md);
} finally {
  for (const s of sockets) s.disconnect();
  await cluster?.stop();
  await redis.kill();
  await db.$disconnect();
  await schema.drop();
}
