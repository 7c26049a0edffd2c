/** Socket.IO connections per address are limited, so one script cannot open thousands of sockets. */
import { describe, expect, it } from "vitest";
import { connectClient } from "./helpers/test-server.ts";
import { useTestServer } from "./helpers/use-test-server.ts";

const handshake = (url: string) => fetch(`${url}/socket.io/?EIO=4&transport=polling`).then(async (r) => ({ status: r.status, body: await r.text() }));
const settle = () => new Promise((r) => setTimeout(r, 100));

describe("at most 3 connections per address", () => {
  const t = useTestServer({ world: false, config: { connectionsPerIp: 3 } });

  it("refuses the 4th with a clear reason, and admits a new one once another has closed", async () => {
    const open = [await t.connect(), await t.connect(), await t.connect()];
    await expect(connectClient(t.url)).rejects.toThrow();
    const refused = await handshake(t.url);
    expect(refused.status).toBe(403);
    expect(refused.body).toContain("too many connections from this address");

    open[0]!.disconnect();
    await settle();
    const again = await t.connect();
    expect(again.connected).toBe(true);
  });
});

describe("at most 4 new connections per address and minute", () => {
  const t = useTestServer({ world: false, config: { connectionsPerIpPerMin: 4 } });

  it("refuses the 5th new connection of the minute, even with the others closed", async () => {
    for (let i = 0; i < 4; i++) (await t.connect()).disconnect();
    await settle();
    const refused = await handshake(t.url);
    expect(refused.status).toBe(403);
    expect(refused.body).toContain("too many new connections");
  });
});
