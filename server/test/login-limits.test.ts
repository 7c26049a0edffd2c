/** Login brute force: failures are limited per account and address, without locking the real user out for long. */
import { request } from "node:http";
import { describe, expect, it } from "vitest";
import type { Logger } from "../src/logger.ts";
import { MemoryWindows } from "../src/transport/fixed-windows.ts";
import { ACCOUNT_LOCK_MS, LoginThrottle } from "../src/transport/login-throttle.ts";
import { useTestServer, type TestServerHandle } from "./helpers/use-test-server.ts";

const PASSWORD = "correct horse battery";
const MIN = 60_000;

/** POST /api/auth/login from a chosen loopback address (127.0.0.2 is another "client"). */
function loginFrom(t: TestServerHandle, localAddress: string, username: string, password: string): Promise<{ status: number; retryAfter: string | undefined; code: string | undefined }> {
  const body = JSON.stringify({ username, password });
  return new Promise((resolve, reject) => {
    const req = request(`${t.url}/api/auth/login`, { method: "POST", localAddress, headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) } }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (text += c));
      res.on("end", () => {
        const parsed = JSON.parse(text) as { error?: { code: string } };
        resolve({ status: res.statusCode!, retryAfter: res.headers["retry-after"], code: parsed.error?.code });
      });
    });
    req.on("error", reject);
    req.end(body);
  });
}
const HERE = "127.0.0.1";
const ELSEWHERE = "127.0.0.2";

/** What the server logged, as lines (the lockout log is checked for what it must not say). */
const logged: string[] = [];
const log: Logger = Object.fromEntries((["debug", "info", "warn", "error"] as const).map((level) => [level, (msg: string, fields?: Record<string, unknown>) => logged.push(JSON.stringify({ level, msg, ...fields }))])) as unknown as Logger;

describe("login limits", () => {
  const t = useTestServer({ perTest: true, clock: "fixed", log });

  it("after 5 wrong passwords the 6th attempt, even the right one, is 429 with Retry-After; the window's end unlocks it", async () => {
    logged.length = 0;
    await t.addUserWithPassword({ username: "staff.a", password: PASSWORD, role: "STAFF", venues: ["shengze"] });
    for (let i = 0; i < 5; i++) expect((await loginFrom(t, HERE, "staff.a", `wrong-${i}`)).status).toBe(401);
    const locked = await loginFrom(t, HERE, "staff.a", PASSWORD);
    expect(locked).toMatchObject({ status: 429, code: "RATE_LIMITED" });
    expect(Number(locked.retryAfter)).toBeGreaterThan(14 * 60);
    expect(Number(locked.retryAfter)).toBeLessThanOrEqual(15 * 60);
    const lockouts = logged.filter((l) => l.includes("login locked"));
    expect(lockouts).toHaveLength(1);
    expect(lockouts[0]).toContain("account+address");
    expect(lockouts[0]).not.toMatch(/staff\.a|wrong-|correct horse|127\.0\.0\.1/);

    t.clock.advance(10 * MIN);
    expect((await loginFrom(t, HERE, "STAFF.A", PASSWORD)).status).toBe(429);
    t.clock.advance(5 * MIN);
    expect((await loginFrom(t, HERE, "staff.a", PASSWORD)).status).toBe(200);
  });

  it("a lockout of one address leaves the real user, at another address, able to log in", async () => {
    await t.addUserWithPassword({ username: "staff.a", password: PASSWORD, role: "STAFF", venues: ["shengze"] });
    for (let i = 0; i < 6; i++) await loginFrom(t, HERE, "staff.a", `wrong-${i}`);
    expect((await loginFrom(t, HERE, "staff.a", PASSWORD)).status).toBe(429);
    expect((await loginFrom(t, ELSEWHERE, "staff.a", PASSWORD)).status).toBe(200);
  });

});

// scrypt is slow by design: the remaining cases use a limit of 2 (×4 per address) to stay quick.
describe("login limits, at 2 failures per window", () => {
  const t = useTestServer({ perTest: true, clock: "fixed", config: { loginMaxFailures: 2 } });

  it("a successful login starts the count afresh", async () => {
    await t.addUserWithPassword({ username: "staff.a", password: PASSWORD, role: "STAFF", venues: ["shengze"] });
    await loginFrom(t, HERE, "staff.a", "wrong");
    expect((await loginFrom(t, HERE, "staff.a", PASSWORD)).status).toBe(200);
    expect((await loginFrom(t, HERE, "staff.a", "wrong")).status).toBe(401);
    expect((await loginFrom(t, HERE, "staff.a", PASSWORD)).status).toBe(200);
  });

  it("parallel guesses cannot slip past the limit while passwords hash", async () => {
    await t.addUserWithPassword({ username: "staff.a", password: PASSWORD, role: "STAFF", venues: ["shengze"] });
    const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => loginFrom(t, HERE, "staff.a", `wrong-${i}`)));
    expect(answers.filter((a) => a.status === 401)).toHaveLength(2);
    expect(answers.filter((a) => a.status === 429)).toHaveLength(6);
  });

  it("one address guessing many accounts is stopped after 4 × the limit", async () => {
    const codes: number[] = [];
    for (let i = 0; i < 9; i++) codes.push((await loginFrom(t, HERE, `nobody-${i}`, "x")).status);
    expect(codes).toEqual([401, 401, 401, 401, 401, 401, 401, 401, 429]);
  });
});

describe("the login throttle's account-wide limit", () => {
  it("past 10 × the limit from many addresses, each guess waits a minute after the last failure, and no longer", async () => {
    let now = 0;
    const throttle = new LoginThrottle({ maxFailures: 2, windowMs: 15 * MIN }, new MemoryWindows(() => now));
    for (let i = 0; i < 20; i++) expect((await throttle.begin(`10.0.0.${i}`, "admin")).refused).toBeNull();
    expect((await throttle.begin("10.0.1.1", "admin")).refused).toEqual({ retryAfterSec: 60, scope: "account" });
    now += ACCOUNT_LOCK_MS;
    expect((await throttle.begin("10.0.1.2", "admin")).refused).toBeNull();
    expect((await throttle.begin("10.0.1.3", "admin")).refused?.scope).toBe("account");
    // Other accounts are untouched.
    expect((await throttle.begin("10.0.1.3", "deputy")).refused).toBeNull();
  });
});
