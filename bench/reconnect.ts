/**
 * `npm run bench:reconnect` — how long a client pinned to a node (HAProxy's
 * TXNODE cookie, as a polling browser is) takes to be connected again through
 * the balancer after that node is killed with -9. The client's own reconnection
 * delay is 200 ms here (socket.io-client's default is 1 s, randomized); the rest
 * is the balancer's. Writes bench/results/reconnect.{json,md}. Everything stays
 * on 127.0.0.1; every loop is bounded (each round has a 20 s ceiling).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase } from "../server/src/store/prisma.ts";
import { connectVia, startCluster } from "../server/test/helpers/cluster.ts";
import { buildWorld } from "../server/test/helpers/fixtures.ts";
import { REDIS_URL, tempPostgresSchema } from "../server/test/helpers/postgres.ts";
import { BENCH_DIR } from "./lib/child.ts";

const NODES = 5;
const CLIENT_DELAY_MS = 200;

const schema = await tempPostgresSchema();
const db = await openDatabase(schema.url);
await buildWorld(db);
const cluster = await startCluster({ count: NODES, databaseUrl: schema.url, redisUrl: REDIS_URL, env: { LOG_LEVEL: "error" } });
const times: number[] = [];
try {
  // One node survives every round: the last is never killed.
  for (const victim of cluster.nodes.slice(0, NODES - 1)) {
    const s = await connectVia(cluster.url, victim.name);
    const back = new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`not connected again within 20 s after ${victim.name} died`)), 20_000);
      s.once("disconnect", () => {
        const t0 = performance.now();
        s.once("connect", () => (clearTimeout(timer), resolve(performance.now() - t0)));
      });
    });
    await victim.crash();
    times.push(Math.round(await back));
    s.disconnect();
  }
} finally {
  await cluster.stop();
  await db.$disconnect();
  await schema.drop();
}
const sorted = [...times].sort((a, b) => a - b);
const result = {
  at: new Date().toISOString(),
  load: os.loadavg().map((n) => Number(n.toFixed(2))),
  cpus: `${os.cpus()[0]?.model ?? "?"} × ${os.cpus().length}`,
  clientDelayMs: CLIENT_DELAY_MS,
  medianMs: sorted[Math.floor(sorted.length / 2)],
  allMs: times,
};
const md = `# Reconnecting through HAProxy after a node dies

${result.at} · ${result.cpus} · Node ${process.version} · load at the end ${result.load.join(" / ")}

A client pinned to a node by the balancer's cookie; the node is killed with -9; the time from the
client's disconnect to its next connect, through the balancer (${NODES - 1} rounds, ${NODES} nodes).

| | median | all runs (ms) |
|---|---|---|
| disconnect → connected again | **${result.medianMs} ms** | ${times.join(", ")} |

The client waits ${CLIENT_DELAY_MS} ms before it retries; HAProxy sends the retry to a live node at once
(\`option redispatch 1\`: every connection retry goes to another server, without the one-second
turn-around a retry on the same dead server waits). With \`option redispatch\` (the last retry only)
the same probe took 1.2–2.2 s.
`;
mkdirSync(path.join(BENCH_DIR, "results"), { recursive: true });
writeFileSync(path.join(BENCH_DIR, "results", "reconnect.json"), JSON.stringify(result, null, 2) + "\n");
writeFileSync(path.join(BENCH_DIR, "results", "reconnect.md"), md);
console.log(md);
