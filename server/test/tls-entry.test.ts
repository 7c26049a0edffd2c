/**
 * Transport security, tested rather than described (docs/SECURITY.md):
 * `npm run cluster` with TLS_CERT serves HTTPS and WSS through HAProxy,
 * redirects plain HTTP to HTTPS, and the app sends HSTS only over HTTPS.
 * A self-signed certificate made with openssl, checked with `curl --cacert`
 * and a Socket.IO client trusting only that certificate. Needs PostgreSQL,
 * Redis and haproxy at 127.0.0.1 (skipped loudly without them).
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { io as ioClient } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createConsoleAdmin } from "../src/services/privacy-and-accounts/admin-accounts.ts";
import { openDatabase } from "../src/store/prisma.ts";
import { haproxyBinary } from "./helpers/cluster.ts";
import { postgresReachable, REDIS_URL, tempPostgresSchema } from "./helpers/postgres.ts";
import { freePort } from "./helpers/server-process.ts";

const pgUp = await postgresReachable();
const haproxy = haproxyBinary() as string | null;
const available = pgUp && !!haproxy;
if (!available) {
  const msg = [pgUp ? "" : "PostgreSQL (127.0.0.1:5432) is not reachable", haproxy ? "" : "haproxy is not installed"].filter(Boolean).join(", ");
  if (process.env.MULTI_NODE_REQUIRED === "1") throw new Error(`${msg}: required here`);
  console.warn(`tls-entry.test.ts skipped: ${msg}`);
}

/** Headers and status of one request, by curl trusting only `ca` (no -k anywhere). */
function curl(args: string[]): { status: number; headers: Record<string, string> } {
  const out = execFileSync("curl", ["-sS", "-o", "/dev/null", "-D", "-", "--max-time", "10", ...args], { encoding: "utf8" });
  // Following redirects (-L), curl prints every answer's headers: the last one counts.
  const lines = out.slice(out.lastIndexOf("HTTP/")).split(/\r?\n/).filter(Boolean);
  const status = Number(/^HTTP\/[\d.]+ (\d+)/.exec(lines[0] ?? "")?.[1]);
  const headers: Record<string, string> = {};
  for (const line of lines.slice(1)) {
    const i = line.indexOf(":");
    if (i > 0) headers[line.slice(0, i).toLowerCase()] = line.slice(i + 1).trim();
  }
  return { status, headers };
}

describe.skipIf(!available)("the HTTPS entry of npm run cluster", () => {
  let dir = "";
  let ca = "";
  let cluster: ChildProcess | null = null;
  let output = "";
  let drop: () => Promise<void> = async () => undefined;
  let databaseUrl = "";
  let httpsPort = 0;
  let httpPort = 0;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "tongxin-tls-entry-"));
    ca = path.join(dir, "cert.pem");
    const key = path.join(dir, "key.pem");
    execFileSync(
      "openssl",
      ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost", "-keyout", key, "-out", ca],
      { stdio: "ignore" },
    );
    // HAProxy reads the certificate and its key from one file.
    const pem = path.join(dir, "tongxin.pem");
    writeFileSync(pem, readFileSync(ca, "utf8") + readFileSync(key, "utf8"));

    const schema = await tempPostgresSchema();
    drop = schema.drop;
    databaseUrl = schema.url;
    [httpsPort, httpPort] = [await freePort(), await freePort()];
    const nodePort = await freePort();
    cluster = spawn(process.execPath, ["scripts/cluster.mjs"], {
      detached: true, // its own process group: the teardown reaches haproxy and the node too
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        ...process.env,
        NODES: "1",
        PORT: String(httpsPort),
        HTTP_PORT: String(httpPort),
        NODE_BASE_PORT: String(nodePort),
        TLS_CERT: pem,
        DATABASE_URL: schema.url,
        REDIS_URL,
        LIMITS_REDIS_PREFIX: `tongxin:tls-test:${schema.name}`,
        DEMO_SEED: "0",
        CLIENT_DIR: "",
        BACKUP_INTERVAL_MIN: "0",
      },
    });
    cluster.stdout!.on("data", (d: Buffer) => (output += d.toString()));
    cluster.stderr!.on("data", (d: Buffer) => (output += d.toString()));
    const deadline = Date.now() + 90_000;
    while (!output.includes("plain HTTP on")) {
      if (cluster.exitCode !== null) throw new Error(`npm run cluster exited: ${output}`);
      if (Date.now() > deadline) throw new Error(`npm run cluster did not start in 90 s: ${output}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }, 120_000);

  afterAll(async () => {
    if (cluster?.pid && cluster.exitCode === null) {
      const exited = new Promise((r) => cluster!.once("exit", r));
      process.kill(-cluster.pid, "SIGTERM");
      const timer = setTimeout(() => {
        try {
          process.kill(-cluster!.pid!, "SIGKILL");
        } catch {
          // already gone
        }
      }, 20_000);
      await exited;
      clearTimeout(timer);
    }
    await drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }, 40_000);

  it("answers over HTTPS with a certificate curl verifies, and sends HSTS there", () => {
    const res = curl(["--cacert", ca, `https://127.0.0.1:${httpsPort}/healthz`]);
    expect(res.status).toBe(200);
    expect(res.headers["strict-transport-security"]).toMatch(/max-age=\d+/);
    // The balancer's sticky cookie is Secure behind TLS.
    const sticky = curl(["--cacert", ca, `https://127.0.0.1:${httpsPort}/api/venues`]).headers["set-cookie"] ?? "";
    expect(sticky).toMatch(/^TXNODE=.*;\s*Secure/i);
  });

  it("gives a login over HTTPS a Secure, HttpOnly cookie", async () => {
    const db = await openDatabase(databaseUrl);
    try {
      expect(await createConsoleAdmin(db, { username: "tls.admin", displayName: "", password: "Hexi-Bridge-27" }, new Date())).toHaveProperty("id");
    } finally {
      await db.$disconnect();
    }
    const body = JSON.stringify({ username: "tls.admin", password: "Hexi-Bridge-27" });
    // Raw headers: the answer sets two cookies (the balancer's and the login's).
    const headers = execFileSync(
      "curl",
      ["-sS", "-o", "/dev/null", "-D", "-", "--cacert", ca, "-H", "content-type: application/json", "--data", body, `https://127.0.0.1:${httpsPort}/api/auth/login`],
      { encoding: "utf8" },
    ).split(/\r?\n/);
    expect(headers[0]).toMatch(/^HTTP\/\S+ 200/);
    const cookie = headers.find((l) => /^set-cookie: tongxin_token=/i.test(l));
    expect(cookie).toMatch(/;\s*Secure/i);
    expect(cookie).toMatch(/;\s*HttpOnly/i);
  });

  it("refuses an untrusted connection: without the certificate curl fails", () => {
    expect(() => curl([`https://127.0.0.1:${httpsPort}/healthz`])).toThrow();
  });

  it("redirects plain HTTP to the same path over HTTPS, with no HSTS, even when the client claims https", () => {
    for (const extra of [[], ["-H", "X-Forwarded-Proto: https"]]) {
      const res = curl([...extra, `http://127.0.0.1:${httpPort}/api/venues?x=1`]);
      expect(res.status).toBe(301);
      expect(res.headers.location).toBe(`https://127.0.0.1:${httpsPort}/api/venues?x=1`);
      expect(res.headers["strict-transport-security"]).toBeUndefined();
    }
    // Following the redirect lands on the HTTPS answer.
    expect(curl(["-L", "--cacert", ca, `http://127.0.0.1:${httpPort}/healthz`]).status).toBe(200);
  });

  it("carries Socket.IO over WSS, trusting only this certificate", async () => {
    const socket = ioClient(`https://127.0.0.1:${httpsPort}`, { transports: ["websocket"], ca: readFileSync(ca, "utf8"), reconnection: false, forceNew: true });
    try {
      await new Promise<void>((resolve, reject) => {
        socket.once("connect", resolve);
        socket.once("connect_error", reject);
      });
      expect(socket.io.engine.transport.name).toBe("websocket");
      // A real round trip over the tunnel: an unknown session is a coded answer.
      const ack = await socket.timeout(5000).emitWithAck("session:watch", { sessionId: "nope" });
      expect(ack).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    } finally {
      socket.disconnect();
    }
    const untrusted = ioClient(`https://127.0.0.1:${httpsPort}`, { transports: ["websocket"], reconnection: false, forceNew: true });
    const refused = await new Promise<boolean>((resolve) => {
      untrusted.once("connect", () => resolve(false));
      untrusted.once("connect_error", () => resolve(true));
    });
    untrusted.disconnect();
    expect(refused).toBe(true);
  });
});
