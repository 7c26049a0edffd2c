/**
 * The abuse limits with Redis: two nodes count one window (a guesser who
 * spreads attempts over the balancer's nodes meets one limit), and with Redis
 * gone each node falls back to counting on its own — never refusing a login
 * just because Redis is away (transport/fixed-windows.ts).
 */
import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "../src/services/privacy-and-accounts/passwords.ts";
import { PrivateRedis } from "./helpers/cluster.ts";
import { freePort } from "./helpers/server-process.ts";
import { call } from "./helpers/test-server.ts";
import { multiNodeAvailable, useTwoNodes } from "./helpers/two-nodes.ts";

const available = await multiNodeAvailable("shared-limit tests");
const PASSWORD = "correct horse battery";

function login(url: string, username: string, password: string): Promise<{ status: number; retryAfter: string | undefined }> {
  const body = JSON.stringify({ username, password });
  return new Promise((resolve, reject) => {
    const req = request(`${url}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) } }, (res) => {
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode!, retryAfter: res.headers["retry-after"] }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

describe.skipIf(!available)("abuse limits shared by two nodes through Redis", () => {
  // A Redis of this suite's own, so it can be stopped without touching anyone else's.
  let redis: PrivateRedis | undefined;
  beforeAll(async () => {
    redis = new PrivateRedis(await freePort());
    await redis.start();
  }, 30_000);
  afterAll(async () => redis?.kill());
  // scrypt is slow by design: a limit of 2 per account and address keeps this quick.
  const t = useTwoNodes(() => ({ redisUrl: redis!.url, loginMaxFailures: 2, joinLimitPerIpPerMin: 3, connectionsPerIpPerMin: 6 }));
  const url = (node: number) => t.nodes[node]!.url;
  const addUser = async (username: string) => {
    await t.nodes[0]!.db.user.create({ data: { username, displayName: username, role: "STAFF", passwordHash: await hashPassword(PASSWORD) } });
  };

  it("failed logins spread over both nodes trip the limit together", async () => {
    await addUser("staff.shared");
    expect((await login(url(0), "staff.shared", "wrong-1")).status).toBe(401);
    expect((await login(url(1), "staff.shared", "wrong-2")).status).toBe(401);
    // Each node saw one failure; together they are the limit, on either node, even for the right password.
    for (const node of [0, 1]) {
      const locked = await login(url(node), "staff.shared", PASSWORD);
      expect(locked.status).toBe(429);
      expect(Number(locked.retryAfter)).toBeGreaterThan(14 * 60);
    }
  });

  it("parallel guesses on both nodes let exactly the limit through", async () => {
    await addUser("staff.race");
    const answers = await Promise.all(Array.from({ length: 6 }, (_, i) => login(url(i % 2), "staff.race", `wrong-${i}`)));
    expect(answers.filter((a) => a.status === 401)).toHaveLength(2);
    expect(answers.filter((a) => a.status === 429)).toHaveLength(4);
  });

  it("joins and new connections from one address are counted over both nodes", async () => {
    const sessionId = t.world.shengze.sessionId;
    const join = { sessionId, name: "王小明", topic: "停车难", isPublic: true };
    // New connections: 6 a minute from this address, wherever they land.
    const sockets = [];
    for (let i = 0; i < 6; i++) sockets.push(await t.connect(i % 2));
    // (Each node has seen 3: counted per node, both would still be let in. Over WebSocket
    // the refused handshake's 403 reaches the client only as a "websocket error".)
    await expect(t.connect(0)).rejects.toThrow();
    await expect(t.connect(1)).rejects.toThrow();
    // Joins: 3 a minute from this address, two of them on node 0 and one on node 1.
    expect((await call(sockets[0]!, "queue:join", join)).ok).toBe(true);
    expect((await call(sockets[2]!, "queue:join", join)).ok).toBe(true);
    expect((await call(sockets[1]!, "queue:join", join)).ok).toBe(true);
    const refused = await call(sockets[3]!, "queue:join", join);
    expect(refused.ok === false && refused.error.code).toBe("RATE_LIMITED");
  });

  it("with Redis gone, each node counts on its own: the right password still logs in, guesses are still limited per node", async () => {
    await addUser("staff.outage");
    await redis!.kill();
    expect((await login(url(0), "staff.outage", PASSWORD)).status).toBe(200);
    expect((await login(url(0), "staff.outage", "wrong-1")).status).toBe(401);
    expect((await login(url(0), "staff.outage", "wrong-2")).status).toBe(401);
    expect((await login(url(0), "staff.outage", PASSWORD)).status).toBe(429);
    // The other node never saw those failures while Redis was away.
    expect((await login(url(1), "staff.outage", PASSWORD)).status).toBe(200);

    // Redis back (empty: it keeps nothing): the nodes count together again.
    await redis!.start();
    await expect.poll(async () => (await fetch(`${url(0)}/readyz`)).status, { timeout: 15_000 }).toBe(200);
    await expect.poll(async () => (await fetch(`${url(1)}/readyz`)).status, { timeout: 15_000 }).toBe(200);
    await addUser("staff.after");
    expect((await login(url(0), "staff.after", "wrong-1")).status).toBe(401);
    expect((await login(url(1), "staff.after", "wrong-2")).status).toBe(401);
    expect((await login(url(0), "staff.after", PASSWORD)).status).toBe(429);
  }, 60_000);
});
