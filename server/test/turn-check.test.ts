/**
 * docs/TURN.md's check, run as written against a real coturn on 127.0.0.1
 * with the shared-secret REST scheme: it passes against a server that checks
 * expiry, and fails when the secret is wrong.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "./helpers/server-process.ts";

const TURNSERVER = ["/usr/bin/turnserver", "/usr/local/bin/turnserver"].find((p) => existsSync(p)) ?? null;
const UCLIENT = ["/usr/bin/turnutils_uclient", "/usr/local/bin/turnutils_uclient"].find((p) => existsSync(p)) ?? null;
const available = !!TURNSERVER && !!UCLIENT;
if (!available) {
  const message = "coturn (turnserver, turnutils_uclient) is not installed: the TURN check test";
  if (process.env.E2E_REQUIRED === "1") throw new Error(`${message} is required here`);
  console.warn(`\n!!! ${message} is SKIPPED !!!\n`);
}

const SCRIPT = path.resolve(import.meta.dirname, "../../scripts/turn-check.sh");
const SECRET = "turn-check-secret";

describe.skipIf(!available)("scripts/turn-check.sh", () => {
  let coturn: ChildProcess;
  let port: number;
  beforeAll(async () => {
    port = await freePort();
    const relayFrom = 40000 + (port % 20000);
    // Loopback peers are for this test only (docs/TURN.md forbids them in production).
    coturn = spawn(TURNSERVER!, [
      "--listening-ip=127.0.0.1", `--listening-port=${port}`, "--use-auth-secret", `--static-auth-secret=${SECRET}`, "--realm=tongxin",
      "--no-cli", "--no-tls", "--no-dtls", "--allow-loopback-peers", `--min-port=${relayFrom}`, `--max-port=${relayFrom + 100}`, "--log-file=stdout", "--simple-log",
    ], { stdio: "ignore" });
    await new Promise((r) => setTimeout(r, 1000));
  });
  afterAll(() => {
    coturn?.kill("SIGKILL");
  });

  const run = (secret: string) => spawnSync("bash", [SCRIPT, "127.0.0.1", String(port)], { env: { ...process.env, TURN_SECRET: secret }, encoding: "utf8", timeout: 60_000 });

  it("relays a current credential and sees an expired one refused", () => {
    const result = run(SECRET);
    expect(result.stdout).toContain("ok: a credential valid for 10 minutes relays");
    expect(result.stdout).toContain("ok: an expired credential is refused");
    expect(result.status).toBe(0);
  });

  it("fails with a wrong secret instead of passing", () => {
    const result = run("not-the-secret");
    expect(result.stdout).toContain("FAIL");
    expect(result.status).not.toBe(0);
  });
});
