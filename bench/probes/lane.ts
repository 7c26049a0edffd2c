/**
 * The write lane alone, in this process: K joins with C in flight through
 * joinQueue → WriteLanes → SQLite, no sockets. Prints joins/s and CPU per
 * join — the number the join storm is made of, without the noise of the
 * client processes. With BENCH_SERVER_ROOT it measures another copy of
 * server/ (see probes/make-variant.sh), for before/after comparisons.
 *
 *   npx tsx bench/probes/lane.ts [joins=2000] [inFlight=200]
 */
import { randomUUID } from "node:crypto";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type * as ConfigModule from "../../server/src/config.ts";
import type * as JoinModule from "../../server/src/services/live-day/queue-join.ts";
import type * as PrismaModule from "../../server/src/store/prisma.ts";
import type * as LaneModule from "../../server/src/store/write-lane.ts";
import { createBenchDb } from "../lib/bench-db.ts";
import { ROOT_DIR } from "../lib/child.ts";
import { nowMs } from "../lib/clock.ts";
import { pool } from "../lib/pool.ts";
import { summarize } from "../lib/stats.ts";

const root = process.env.BENCH_SERVER_ROOT ?? ROOT_DIR;
const load = <T>(file: string): Promise<T> => import(pathToFileURL(path.join(root, "server/src", file)).href) as Promise<T>;
const [{ readConfig }, { joinQueue }, { openDatabase }, { WriteLanes }] = await Promise.all([
  load<typeof ConfigModule>("config.ts"),
  load<typeof JoinModule>("services/live-day/queue-join.ts"),
  load<typeof PrismaModule>("store/prisma.ts"),
  load<typeof LaneModule>("store/write-lane.ts"),
]);

const joins = Number(process.argv[2] ?? 2000);
const inFlight = Number(process.argv[3] ?? 200);
const bench = await createBenchDb("probe-lane");
const db = await openDatabase(bench.url);
let commits = 0;
// joinQueue does not watch; an empty WatchCache (written out, so older server copies load too).
const watchCache = { venues: new Map(), snapshots: new Map() };
const deps = { db, lanes: new WriteLanes(db, () => void commits++), config: readConfig({}), now: () => new Date(), watchCache };
const join = () =>
  joinQueue(deps, { sessionId: bench.sessionId, name: "王小明", phone: "13912345678", topic: "停车难", question: "小区门口停车位不够", isPublic: true, requestId: randomUUID() });

for (let i = 0; i < 20; i++) await join(); // warm up
commits = 0;
const latencies: number[] = [];
const cpu0 = process.cpuUsage();
const t0 = nowMs();
await pool(joins, inFlight, async () => {
  const t = nowMs();
  await join();
  latencies.push(nowMs() - t);
});
const wall = nowMs() - t0;
const cpu = process.cpuUsage(cpu0);
const s = summarize(latencies);
console.log(
  `${root === ROOT_DIR ? "server/" : root}: ${joins} joins, ${inFlight} in flight: ${Math.round(joins / (wall / 1000))}/s, ` +
    `CPU ${((cpu.user + cpu.system) / 1000 / joins).toFixed(2)} ms/join, ${commits} commits; latency p50 ${s.p50} ms, p99 ${s.p99} ms`,
);
await db.$disconnect();
bench.remove();
