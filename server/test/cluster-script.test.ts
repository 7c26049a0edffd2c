/**
 * `npm run cluster` (scripts/cluster.mjs) as an operator runs it: two compiled
 * nodes on PostgreSQL + Redis behind HAProxy. A node killed with -9 is started
 * again by the script, as the systemd unit's Restart=always does on real
 * machines, and the balancer keeps answering meanwhile; Ctrl-C stops it all.
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { haproxyBinary } from "./helpers/cluster.ts";
import { postgresReachable, REDIS_URL, tempPostgresSchema } from "./helpers/postgres.ts";
import { freePort } from "./helpers/server-process.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const available = (await postgresReachable()) && !!haproxyBinary();
if (!available) {
  const msg = "PostgreSQL (127.0.0.1:5432) or haproxy is missing: the cluster script test";
  if (process.env.MULTI_NODE_REQUIRED === "1") throw new Error(`${msg} is required here`);
  console.warn(`\n!!! ${msg} is SKIPPED !!!\n`);
}

/** The script's output so far, and a wait for a line matching a pattern (bounded). */
function follow(child: ChildProcess) {
  let out = "";
  const append = (chunk: Buffer) => (out += chunk.toString());
  child.stdout!.on("data", append);
  child.stderr!.on("data", append);
  return {
    get text() {
      return out;
    },
    async line(pattern: RegExp, ms: number): Promise<RegExpMatchArray> {
      const deadline = Date.now() + ms;
      for (;;) {
        const m = out.match(pattern);
        if (m) return m;
        if (child.exitCode !== null) throw new Error(`the cluster exited (${child.exitCode}):\n${out}`);
        if (Date.now() > deadline) throw new Error(`no line like ${pattern} in ${ms} ms:\n${out}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
  };
}

const status = (url: string) => fetch(url).then((r) => r.status, () => 0);

describe.skipIf(!available)("npm run cluster", () => {
  let cluster: ChildProcess | null = null;
  let schema: Awaited<ReturnType<typeof tempPostgresSchema>> | null = null;

  afterAll(async () => {
    if (cluster && cluster.exitCode === null) {
      const exited = new Promise((r) => cluster!.once("exit", r));
      cluster.kill("SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 20_000))]);
      if (cluster.exitCode === null) cluster.kill("SIGKILL");
    }
    await schema?.drop();
  }, 30_000);

  it("starts a node killed with -9 again while the balancer keeps answering, and stops on SIGTERM", async () => {
    schema = await tempPostgresSchema();
    const [port, basePort] = [await freePort(), await freePort()];
    cluster = spawn(process.execPath, ["scripts/cluster.mjs"], {
      cwd: ROOT,
      env: {
        ...process.env,
        NODES: "2",
        PORT: String(port),
        NODE_BASE_PORT: String(basePort),
        DATABASE_URL: schema.url,
        REDIS_URL,
        DEMO_SEED: "0",
        CLIENT_DIR: "",
        LOG_LEVEL: "warn",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const log = follow(cluster);
    await log.line(/Tongxin cluster: 2 nodes/, 90_000);
    const [, firstPid] = await log.line(/node n2 pid (\d+)/, 1_000);
    const n2 = `http://127.0.0.1:${basePort + 1}/readyz`;
    expect(await status(n2)).toBe(200);

    process.kill(Number(firstPid), "SIGKILL");
    await log.line(/node n2 exited \(SIGKILL\).*restarting it/, 10_000);
    // Meanwhile the balancer sends everyone to n1.
    expect(await status(`http://127.0.0.1:${port}/readyz`)).toBe(200);
    const [, secondPid] = await log.line(new RegExp(`node n2 pid (?!${firstPid}\\b)(\\d+)`), 10_000);
    expect(secondPid).not.toBe(firstPid);
    await expect.poll(() => status(n2), { timeout: 30_000, interval: 200 }).toBe(200);

    const exited = new Promise<number | null>((r) => cluster!.once("exit", (code) => r(code)));
    cluster.kill("SIGTERM");
    expect(await exited).toBe(0);
    // Stopping is not dying: nothing is restarted on the way out.
    expect(log.text.match(/node n\d pid/g)).toHaveLength(3);
  }, 150_000);
});
