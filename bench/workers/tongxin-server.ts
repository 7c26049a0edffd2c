/**
 * The Tongxin server as the bench runs it: the same composition root as
 * server/src/index.ts (readConfig → openDatabase → createApp → listen), in
 * its own process, plus a probe that records when each event was committed.
 *
 * The probe wraps the write lanes' commit callback — the function the lanes
 * call right after a transaction commits and before the broadcaster sees the
 * events — so no server code changes for the bench and nothing is added to
 * the frames the viewers receive. It also times each `session:events`
 * broadcast (the send loop). It answers the bench runner over IPC.
 * (index.ts is not used because it also loads the demo seed, which the bench
 * does not need; everything on the hot path is identical.)
 */
import { writeHeapSnapshot } from "node:v8";
import { AddressInfo } from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type * as AppModule from "../../server/src/app.ts";
import type * as ConfigModule from "../../server/src/config.ts";
import type * as LoggerModule from "../../server/src/logger.ts";
import type * as PrismaModule from "../../server/src/store/prisma.ts";
import type * as DeflateModule from "../../server/src/transport/shared-deflate.ts";
import type { StoredEvent } from "../../server/src/store/session-events.ts";
import { nowMs } from "../lib/clock.ts";
import { ROOT_DIR, serveRequests } from "../lib/child.ts";

// BENCH_SERVER_ROOT runs another copy of server/ (e.g. one with a change
// reverted), so a change can be measured before and after in the same way.
const root = process.env.BENCH_SERVER_ROOT ?? ROOT_DIR;
const load = <T>(file: string): Promise<T> => import(pathToFileURL(path.join(root, "server/src", file)).href) as Promise<T>;
const [{ createApp }, { readConfig }, { createLogger }, { openDatabase }, deflate] = await Promise.all([
  load<typeof AppModule>("app.ts"),
  load<typeof ConfigModule>("config.ts"),
  load<typeof LoggerModule>("logger.ts"),
  load<typeof PrismaModule>("store/prisma.ts"),
  // absent in a server copy from before broadcasts were deflated (BENCH_SERVER_ROOT)
  load<typeof DeflateModule>("transport/shared-deflate.ts").catch(() => null),
]);

const config = readConfig();
const log = createLogger();
const db = await openDatabase(config.databaseUrl);
const app = await createApp({ config, db, log });

// seq → commit time (ms, bench clock). A few thousand entries per run.
const committedAt = new Map<number, number>();
let lastSeq = 0;
const lanes = app.deps.lanes as unknown as { onCommit?: (events: StoredEvent[]) => void };
const publish = lanes.onCommit;
if (typeof publish !== "function") throw new Error("bench probe: WriteLanes no longer has an onCommit callback; update bench/workers/tongxin-server.ts");
let batches = 0;
lanes.onCommit = (events) => {
  const t = nowMs();
  batches += 1;
  for (const e of events) {
    committedAt.set(e.seq, t);
    if (e.seq > lastSeq) lastSeq = e.seq;
  }
  publish.call(app.deps.lanes, events);
};

// How long each `session:events` frame's send took inside the server (the send
// loop over the room's sockets, in slices), to split the fan-out latency into its parts.
const broadcasts: Array<[start: number, end: number, cpuMs: number]> = [];
// Only the public rooms' (the watchers'): the staff room is empty in the benches (and the server
// skips an empty room's broadcast on a single node).
const frames = (app as { frames?: { onSent(listener: (sent: { room: string; startedAt: number; endedAt: number; busyMs: number }) => void): void } }).frames;
if (frames) {
  const clockOffset = nowMs() - performance.now();
  frames.onSent((sent) => {
    if (sent.room.endsWith(":public")) broadcasts.push([sent.startedAt + clockOffset, sent.endedAt + clockOffset, sent.busyMs]);
  });
} else {
  // a server copy from before frames were sent in slices (BENCH_SERVER_ROOT): the broadcast is the whole send
  const adapter = app.io.of("/").adapter as unknown as { broadcast(packet: { data?: unknown[] }, opts: { rooms: Set<string> }): void };
  const broadcast = adapter.broadcast.bind(adapter);
  adapter.broadcast = (packet, opts) => {
    if (packet.data?.[0] !== "session:events" || ![...opts.rooms].some((r) => r.endsWith(":public"))) return broadcast(packet, opts);
    const start = nowMs();
    const cpu = process.cpuUsage();
    broadcast(packet, opts);
    const used = process.cpuUsage(cpu);
    broadcasts.push([start, nowMs(), (used.user + used.system) / 1000]);
  };
}

app.http.listen(config.port, config.host, () => {
  process.send!({ type: "listening", port: (app.http.address() as AddressInfo).port });
});

serveRequests({
  lastSeq: () => ({ seq: lastSeq }),
  commits: () => ({ commits: [...committedAt.entries()], broadcasts, batches, deflate: deflate ? { ...deflate.deflateTotals } : null }),
  gc: () => {
    const gc = (globalThis as { gc?: () => void }).gc;
    if (gc) {
      gc();
      gc();
    }
    const m = process.memoryUsage();
    return { gc: Boolean(gc), rss: m.rss, heapUsed: m.heapUsed, external: m.external, arrayBuffers: m.arrayBuffers };
  },
  sockets: () => ({ count: app.io.engine.clientsCount }),
  /** bench/probes/viewer-heap.ts: a heap snapshot to see what each viewer costs */
  heapSnapshot: (args) => ({ file: writeHeapSnapshot(String(args.file)) }),
});

let stopping = false;
async function shutdown(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await app.close();
  await db.$disconnect();
  process.exit(0);
}
process.on("SIGINT", () => void shutdown());
process.on("SIGTERM", () => void shutdown());
