/**
 * TRUST_PROXY: the voter's address is read from X-Forwarded-For only when the
 * direct peer is a trusted proxy. Seen through the per-address join limit: two
 * voters behind one balancer have separate limits when the balancer is
 * trusted, and share the balancer's when it is not.
 */
import { afterEach, describe, expect, it } from "vitest";
import { io as ioClient } from "socket.io-client";
import { clientAddress, trustCheck } from "../src/transport/client-address.ts";
import { buildWorld } from "./helpers/fixtures.ts";
import { call, startTestServer, type TestServer, type TestSocket } from "./helpers/test-server.ts";

const req = (peer: string, xff?: string | string[]) => ({ socket: { remoteAddress: peer }, headers: xff === undefined ? {} : { "x-forwarded-for": xff } });

describe("the client's address behind a proxy", () => {
  const proxies = trustCheck(["127.0.0.1", "10.0.0.0/8"]);

  it("is the direct peer when no proxy is trusted, whatever the headers say", () => {
    expect(clientAddress(req("127.0.0.1", "203.0.113.9"), trustCheck([]))).toBe("127.0.0.1");
  });

  it("is the forwarded address when the peer is a trusted proxy", () => {
    expect(clientAddress(req("::ffff:127.0.0.1", "203.0.113.9"), proxies)).toBe("203.0.113.9");
  });

  it("skips trusted hops from the right and stops at the first untrusted one, so a forged left part is ignored", () => {
    expect(clientAddress(req("127.0.0.1", "6.6.6.6, 203.0.113.9, 10.1.2.3"), proxies)).toBe("203.0.113.9");
    expect(clientAddress(req("127.0.0.1", ["6.6.6.6", "203.0.113.9"]), proxies)).toBe("203.0.113.9");
  });

  it("ignores the header from a peer that is not a trusted proxy", () => {
    expect(clientAddress(req("198.51.100.4", "203.0.113.9"), proxies)).toBe("198.51.100.4");
  });

  it("refuses a TRUST_PROXY entry that is not an address", () => {
    expect(() => trustCheck(["balancer.local"])).toThrow(/TRUST_PROXY/);
  });
});

describe("per-address join limits behind a balancer", () => {
  let server: TestServer | null = null;
  const sockets: TestSocket[] = [];
  afterEach(async () => {
    for (const s of sockets.splice(0)) s.disconnect();
    await server?.stop();
    server = null;
  });

  const voterFrom = async (url: string, forwardedFor: string): Promise<TestSocket> => {
    const s: TestSocket = ioClient(url, { transports: ["websocket"], reconnection: false, forceNew: true, extraHeaders: { "x-forwarded-for": forwardedFor } });
    sockets.push(s);
    await new Promise<void>((resolve, reject) => (s.once("connect", () => resolve()), s.once("connect_error", reject)));
    return s;
  };
  const joinTwiceEach = async (trustProxy: string[]) => {
    server = await startTestServer({ config: { trustProxy, joinLimitPerIpPerMin: 2 } });
    const { shengze } = await buildWorld(server.db);
    const codes: string[] = [];
    for (const address of ["198.51.100.1", "198.51.100.2"]) {
      const voter = await voterFrom(server.url, address);
      for (let i = 0; i < 2; i++) {
        const r = (await call(voter, "queue:join", { sessionId: shengze.sessionId, name: `选民${address}-${i}`, topic: "t", isPublic: false })) as {
          ok: boolean;
          error?: { code: string };
        };
        codes.push(r.ok ? "OK" : r.error!.code);
      }
    }
    return codes;
  };

  it("gives each forwarded address its own limit when the balancer is trusted", async () => {
    expect(await joinTwiceEach(["127.0.0.1", "::1"])).toEqual(["OK", "OK", "OK", "OK"]);
  });

  it("ignores X-Forwarded-For without TRUST_PROXY: every voter counts as the balancer's address", async () => {
    expect(await joinTwiceEach([])).toEqual(["OK", "OK", "RATE_LIMITED", "RATE_LIMITED"]);
  });
});
