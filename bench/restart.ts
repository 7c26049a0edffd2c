/**
 * `npm run bench:restart` — how long a node takes to serve again after kill -9
 * on an existing database (the demo's), started the way production starts it
 * (the compiled build/server/index.mjs) against the baseline measured in the
 * same run (the same server from source through tsx). Target: ready within
 * 2 s. Also the first start's parts: migrating an empty database with the
 * Prisma CLI, then the compiled server seeding the demo until ready.
 * Writes bench/results/restart.{json,md}. Everything stays on 127.0.0.1;
 * every loop is bounded.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
// @ts-expect-error: plain ESM script shared with npm start, no types
import { buildServer, SERVER_BUILD } from "../scripts/build-server.mjs";
import { seedDemoData } from "../server/src/demo/seed-demo.ts";
import { openDatabase } from "../server/src/store/prisma.ts";
import { tempDbFile } from "../server/test/helpers/test-db.ts";
import { freePort } from "../server/test/helpers/server-process.ts";
import { BENCH_DIR, ROOT_DIR } from "./lib/child.ts";

const RUNS = Number(process.env.RESTART_RUNS ?? 7);
const FIRST_RUNS = 3;
const TARGET_MS = 2_000;

const kinds = {
  compiled: ["--enable-source-maps", path.join(ROOT_DIR, SERVER_BUILD as string, "index.mjs")],
  source: ["--import", "tsx", "server/src/index.ts"],
} as const;
type Kind = keyof typeof kinds;

/** Spawns a node on `dbUrl` and resolves with the ms until /readyz answered 200, then kills it with -9. */
async function readyAfter(kind: Kind, dbUrl: string, demoSeed = false): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const child: ChildProcess = spawn(process.execPath, [...kinds[kind]], {
    cwd: ROOT_DIR,
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", DATABASE_URL: dbUrl, DEMO_SEED: demoSeed ? "1" : "0", LOG_LEVEL: "error", CLIENT_DIR: "client/dist" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  try {
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${kind} server exited with ${child.exitCode}`);
      try {
        if ((await fetch(`http://127.0.0.1:${port}/readyz`)).status === 200) return performance.now() - started;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`${kind} server not ready in 60 s`);
      await new Promise((r) => setTimeout(r, 20));
    }
  } finally {
    await new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGKILL");
    });
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

await (buildServer as () => Promise<void>)();
const seeded = tempDbFile();
const db = await openDatabase(seeded.url);
await seedDemoData(db, { password: "tongxin-demo", now: new Date() });
await db.$disconnect();

const times: Record<Kind, number[]> = { compiled: [], source: [] };
const firstStart = { migrate: [] as number[], seedAndServe: [] as number[] };
const work = path.join(os.tmpdir(), `tongxin-restart-${process.pid}.db`);
try {
  // Alternating, each on a fresh copy that a killed node left behind (its WAL included).
  for (let i = 0; i < RUNS; i++) {
    for (const kind of ["source", "compiled"] as const) {
      copyFileSync(seeded.file, work);
      await readyAfter(kind, `file:${work}`); // the node that is killed
      times[kind].push(await readyAfter(kind, `file:${work}`)); // the restart
    }
  }
  // The first start: an empty database migrated by the Prisma CLI (as scripts/start.mjs
  // does), then the compiled server seeds the demo and becomes ready.
  for (let i = 0; i < FIRST_RUNS; i++) {
    for (const s of ["", "-wal", "-shm"]) rmSync(work + s, { force: true });
    const started = performance.now();
    execFileSync(path.join(ROOT_DIR, "node_modules", ".bin", "prisma"), ["migrate", "deploy"], { cwd: ROOT_DIR, env: { ...process.env, DATABASE_URL: `file:${work}` }, stdio: "ignore" });
    firstStart.migrate.push(performance.now() - started);
    firstStart.seedAndServe.push(await readyAfter("compiled", `file:${work}`, true));
  }
} finally {
  seeded.remove();
  for (const s of ["", "-wal", "-shm"]) rmSync(work + s, { force: true });
}

const result = {
  at: new Date().toISOString(),
  runs: RUNS,
  load: os.loadavg().map((n) => Number(n.toFixed(2))),
  cpus: `${os.cpus()[0]?.model ?? "?"} × ${os.cpus().length}`,
  medianMs: { compiled: Math.round(median(times.compiled)), source: Math.round(median(times.source)) },
  allMs: { compiled: times.compiled.map(Math.round), source: times.source.map(Math.round) },
  firstStartMs: { migrate: firstStart.migrate.map(Math.round), seedAndServe: firstStart.seedAndServe.map(Math.round) },
};
const firstMedian = { migrate: Math.round(median(firstStart.migrate)), seedAndServe: Math.round(median(firstStart.seedAndServe)) };
const ratio = result.medianMs.compiled / result.medianMs.source;
const met = result.medianMs.compiled <= TARGET_MS;
const md = `# Restart after kill -9

${result.at} · ${result.cpus} · Node ${process.version} · load at the end ${result.load.join(" / ")}

A node killed with -9 on the demo database starts again until \`/readyz\` answers 200
(${RUNS} runs each, alternating, each on a fresh copy of the database its killed predecessor left).

| | median | all runs (ms) |
|---|---|---|
| compiled (\`build/server/index.mjs\`, what \`npm start\` and the systemd unit run) | **${result.medianMs.compiled} ms** | ${result.allMs.compiled.join(", ")} |
| from source through tsx (baseline, the same run) | ${result.medianMs.source} ms | ${result.allMs.source.join(", ")} |

Compiled / source: **${ratio.toFixed(2)}×**. Target ≤ ${TARGET_MS} ms: **${met ? "met" : "missed"}**.

## First start with the demo

An empty database, client already built (${FIRST_RUNS} runs):

| part | median | all runs (ms) |
|---|---|---|
| \`prisma migrate deploy\` on an empty SQLite file | ${firstMedian.migrate} ms | ${result.firstStartMs.migrate.join(", ")} |
| compiled server: seed the demo, then ready | ${firstMedian.seedAndServe} ms | ${result.firstStartMs.seedAndServe.join(", ")} |
| **together** | **${firstMedian.migrate + firstMedian.seedAndServe} ms** | |

\`npm ci\` has already built the client and the server (\`scripts/postinstall.mjs\`), so this is the whole of a first \`npm start\`; the demo's past year is then written while the server serves.
`;
mkdirSync(path.join(BENCH_DIR, "results"), { recursive: true });
writeFileSync(path.join(BENCH_DIR, "results", "restart.json"), JSON.stringify(result, null, 2) + "\n");
writeFileSync(path.join(BENCH_DIR, "results", "restart.md"), md);
console.log(md);
