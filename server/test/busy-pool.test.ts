/**
 * A busy connection pool is load, not an outage (store/database-ping.ts): on
 * PostgreSQL, with every pooled connection held by a slow transaction, the
 * node stays ready and a write that timed out waiting for a connection does
 * not make the node refuse the writes after it. PostgreSQL only: SQLite has
 * no pool.
 */
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { call } from "./helpers/test-server.ts";
import { TEST_STORAGE } from "./helpers/test-storage.ts";
import { useTestServer } from "./helpers/use-test-server.ts";

/** The service's pool size (store/prisma.ts). */
const POOL = 10;

describe.runIf(TEST_STORAGE === "postgres")("every pooled connection busy", () => {
  const t = useTestServer();
  const readyz = async () => {
    const res = await fetch(`${t.url}/readyz`);
    return { status: res.status, body: (await res.json()) as { database: boolean } };
  };

  it("keeps the node ready, and a write that waited too long for a connection fails alone", async () => {
    const sessionId = t.world.lili.sessionId;
    // Longer than the pool's 3 s wait for a connection.
    const hold = Array.from({ length: POOL }, () =>
      t.db.$transaction(async (tx) => void (await tx.$executeRawUnsafe("SELECT pg_sleep(4)")), { timeout: 15_000, maxWait: 15_000 }),
    );
    await new Promise((r) => setTimeout(r, 300));

    expect(await readyz()).toMatchObject({ status: 200, body: { database: true } });
    const voter = await t.connect();
    const starved = await call(voter, "queue:join", { sessionId, name: "等待", topic: "t", isPublic: false, requestId: randomUUID() });
    expect(starved.ok ? "OK" : starved.error.code).toBe("INTERNAL");
    // The database answered on its own connection: not taken for down.
    expect(await readyz()).toMatchObject({ status: 200, body: { database: true } });

    await Promise.all(hold);
    const after = await call(voter, "queue:join", { sessionId, name: "之后", topic: "t", isPublic: false, requestId: randomUUID() });
    expect(after.ok).toBe(true);
  }, 30_000);
});
