#!/usr/bin/env node
// `npm run cluster`: NODES (default 3) server processes on PostgreSQL + Redis
// behind HAProxy on PORT (default 3000), on this machine. Migrates first, seeds
// the demo on the first node (DEMO_SEED=0 to skip), restarts a node that dies
// (as systemd's Restart=always does in docs/DEPLOY.md), stops everything on Ctrl-C
// (each node drains: see server/src/cluster/drain.ts). For real machines see docs/DEPLOY.md.
// TLS_CERT=<pem with certificate chain and key>: PORT serves HTTPS and WSS, and
// HTTP_PORT (default 80 when PORT is 443, else PORT + 80) redirects to it (docs/SECURITY.md).
import { execFileSync, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { buildServerIfStale, SERVER_BUILD } from "./build-server.mjs";
import { startHaproxy, waitReady } from "./cluster-lib.mjs";

const env = { ...process.env };
const nodes = Math.max(1, Number(env.NODES || 3));
const port = Number(env.PORT || 3000);
const basePort = Number(env.NODE_BASE_PORT || port + 1);
const tls = env.TLS_CERT ? { cert: path.resolve(env.TLS_CERT), httpPort: Number(env.HTTP_PORT || (port === 443 ? 80 : port + 80)) } : null;
if (tls && !existsSync(tls.cert)) {
  console.error(`TLS_CERT ${tls.cert}: no such file`);
  process.exit(2);
}
env.DATABASE_URL ||= "postgresql://root@127.0.0.1:5432/test?schema=tongxin_cluster";
env.REDIS_URL ||= "redis://127.0.0.1:6379";
if (!/^postgres(ql)?:\/\//.test(env.DATABASE_URL)) {
  console.error("npm run cluster needs a PostgreSQL DATABASE_URL (several processes cannot share one SQLite file)");
  process.exit(2);
}

const run = (cmd, args) => execFileSync(cmd, args, { stdio: "inherit", env });
// The nodes run the compiled server, as npm start and the systemd unit do.
await buildServerIfStale();
run(process.execPath, [path.join(SERVER_BUILD, "postgres-migrate.mjs")]);
if (env.CLIENT_DIR !== "" && !existsSync("client/dist/index.html")) run(path.join("node_modules", ".bin", "vite"), ["build", "--config", "client/vite.config.ts"]);

/** A node that keeps dying is given up after this many restarts in RESTART_WINDOW_MS (systemd's StartLimitBurst). */
const RESTART_BURST = 5;
const RESTART_WINDOW_MS = 60_000;
const RESTART_DELAY_MS = 1_000;

const children = new Map();
let stopping = false;
function startNode(i, seed, restarts = []) {
  const name = `n${i + 1}`;
  const nodePort = basePort + i;
  const child = spawn(process.execPath, ["--enable-source-maps", path.join(SERVER_BUILD, "index.mjs")], {
    stdio: "inherit",
    env: {
      ...env,
      PORT: String(nodePort),
      HOST: "127.0.0.1",
      NODE_ID: name,
      // The balancer runs here: its X-Forwarded-For is the voter's address.
      TRUST_PROXY: env.TRUST_PROXY || "127.0.0.1,::1",
      DEMO_SEED: seed ? (env.DEMO_SEED ?? "1") : "0",
      // Behind TLS the login cookie is Secure (the balancer tells the nodes the scheme).
      ...(tls ? { SECURE_COOKIES: env.SECURE_COOKIES ?? "1" } : {}),
    },
  });
  console.log(`node ${name} pid ${child.pid} on :${nodePort}`);
  child.on("exit", (code, signal) => {
    if (stopping) return;
    const now = Date.now();
    const recent = [...restarts.filter((t) => now - t < RESTART_WINDOW_MS), now];
    if (recent.length > RESTART_BURST) {
      console.error(`node ${name} exited (${signal ?? code}) ${RESTART_BURST} times within a minute; not restarted again`);
      return;
    }
    console.error(`node ${name} exited (${signal ?? code}); the balancer sends its clients to the others; restarting it`);
    setTimeout(() => stopping || startNode(i, false, recent), RESTART_DELAY_MS);
  });
  children.set(name, child);
  return { name, host: "127.0.0.1", port: nodePort, child };
}

async function stop(signal, exitCode = 0) {
  if (stopping) return;
  stopping = true;
  console.log(`\nstopping (${signal}): nodes drain, then the balancer stops`);
  await Promise.all(
    [...children.values()].map(
      (c) =>
        new Promise((resolve) => {
          if (c.exitCode !== null || c.signalCode !== null) return resolve();
          c.once("exit", resolve);
          c.kill("SIGTERM");
          setTimeout(() => c.kill("SIGKILL"), 15_000).unref();
        }),
    ),
  );
  await balancer?.stop();
  process.exit(exitCode);
}
process.on("SIGINT", () => void stop("SIGINT"));
process.on("SIGTERM", () => void stop("SIGTERM"));

let balancer = null;
try {
  const started = [];
  for (let i = 0; i < nodes; i++) {
    const node = startNode(i, i === 0);
    started.push(node);
    // The first node seeds the demo alone; the others start together after it.
    if (i === 0) await waitReady(`http://127.0.0.1:${node.port}/readyz`, 120_000, () => node.child.exitCode === null);
  }
  await Promise.all(started.map((n) => waitReady(`http://127.0.0.1:${n.port}/readyz`, 60_000, () => n.child.exitCode === null)));
  balancer = await startHaproxy({ port, nodes: started, tls });
  console.log(`Tongxin cluster: ${nodes} nodes (${started.map((n) => `${n.name}=:${n.port}`).join(", ")}) behind HAProxy at ${balancer.url}`);
  if (tls) console.log(`plain HTTP on :${tls.httpPort} redirects to ${balancer.url}`);
  console.log("metrics per node: " + started.map((n) => `http://127.0.0.1:${n.port}/metrics`).join(" "));
} catch (e) {
  console.error(`cluster did not start: ${e.message}`);
  await stop("error", 1);
}
