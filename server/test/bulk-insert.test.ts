/**
 * The join storm's raw multi-row INSERTs (store/bulk-insert.ts) write rows
 * that Prisma reads back exactly as the ack and the event described them —
 * dates, booleans, enums and nulls — on SQLite and PostgreSQL alike.
 */
import { expect, it } from "vitest";
import { insertRows, newRowId, setSessionCounter } from "../src/store/bulk-insert.ts";
import { eventsSince } from "../src/store/session-events.ts";
import { directSqlite } from "../src/store/sqlite-direct.ts";
import { toTicketView } from "../src/store/views.ts";
import { TEST_STORAGE } from "./helpers/test-storage.ts";
import { useTestServer } from "./helpers/use-test-server.ts";

const t = useTestServer();

it("reads back a batch of joined tickets and their events exactly as they were acked", async () => {
  const sessionId = t.world.shengze.sessionId;
  const voter = await t.connect();
  const acks = (await Promise.all(
    Array.from({ length: 12 }, (_, i) =>
      voter.emitWithAck("queue:join", { sessionId, name: `批量${i}`, topic: "t", isPublic: i % 2 === 0, ...(i % 3 ? { phone: "13900000000", question: "问" } : {}) }),
    ),
  )) as Array<{ ok: true; data: { ticket: { id: string; label: string; joinedAt: string; isPublic: boolean } } }>;
  expect(acks.every((a) => a.ok)).toBe(true);

  const rows = await t.db.ticket.findMany({ where: { sessionId }, orderBy: { label: "asc" } });
  expect(rows.map((r) => r.label)).toEqual(Array.from({ length: 12 }, (_, i) => `W${String(i + 1).padStart(3, "0")}`));
  const events = await eventsSince(t.db, sessionId, 0, 100);
  expect(events.map((e) => e.seq)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
  for (const row of rows) {
    const joined = events.find((e) => e.type === "ticket.joined" && e.data.id === row.id);
    expect(joined?.type === "ticket.joined" && joined.data).toEqual(toTicketView(row));
    const ack = acks.find((a) => a.data.ticket.id === row.id)!;
    expect(row.joinedAt.toISOString()).toBe(ack.data.ticket.joinedAt);
    expect(row.isPublic).toBe(ack.data.ticket.isPublic);
    expect(row.status).toBe("WAITING");
    expect(row.updatedAt.getTime()).toBe(row.joinedAt.getTime());
    expect(new Date(joined!.at).getTime()).toBe(row.joinedAt.getTime());
  }
  // a row of the batch is found by its token hash and request key indexes like any other
  expect(await t.db.ticket.count({ where: { sessionId, phone: "13900000000" } })).toBe(8);
  // and by the ORM's filters on what the raw insert stored (dates, booleans, numbers compare in SQL as Prisma's own rows do)
  const first = rows[0]!;
  expect(await t.db.ticket.count({ where: { sessionId, joinedAt: { gte: first.joinedAt, lte: first.joinedAt } } })).toBe(rows.filter((r) => r.joinedAt.getTime() === first.joinedAt.getTime()).length);
  expect(await t.db.ticket.count({ where: { sessionId, joinedAt: { lt: new Date(first.joinedAt.getTime() - 1) } } })).toBe(0);
  expect(await t.db.ticket.count({ where: { sessionId, isPublic: true } })).toBe(6);
  expect(await t.db.ticket.count({ where: { sessionId, rank: { lte: first.rank } } })).toBe(rows.filter((r) => r.rank <= first.rank).length);
  expect(await t.db.sessionEvent.count({ where: { sessionId, at: { gte: first.joinedAt } } })).toBe(12);
  // the lane's raw counter updates (store/bulk-insert.ts setSessionCounter) keep the session row as the ORM's update did
  const session = await t.db.receptionSession.findUniqueOrThrow({ where: { id: sessionId } });
  expect(session.lastSeq).toBe(12);
  expect(session.onlineCount).toBe(12);
  expect(Math.abs(session.updatedAt.getTime() - Date.now())).toBeLessThan(60_000);
});

it("writes a batch inside the lane's transaction: rolled back with it, on better-sqlite3 itself on SQLite", async () => {
  const sessionId = t.world.shengze.sessionId;
  const before = await t.db.receptionSession.findUniqueOrThrow({ where: { id: sessionId } });
  const eventsBefore = await t.db.sessionEvent.count({ where: { sessionId } });
  const row = (seq: number) => [newRowId(), sessionId, seq, "session.updated", JSON.stringify({}), null, new Date()];
  const failed = t.db.$transaction(async (tx) => {
    // SQLite takes the direct path (store/sqlite-direct.ts); PostgreSQL keeps Prisma's
    expect(directSqlite(tx) !== null).toBe(TEST_STORAGE === "sqlite");
    await insertRows(tx, "SessionEvent", ["id", "sessionId", "seq", "type", "data", "actorId", "at"], [row(9001), row(9002)]);
    await setSessionCounter(tx, sessionId, "lastSeq", 9002);
    expect(await tx.sessionEvent.count({ where: { sessionId, seq: { gte: 9001 } } })).toBe(2);
    expect((await tx.receptionSession.findUniqueOrThrow({ where: { id: sessionId } })).lastSeq).toBe(9002);
    throw new Error("the batch fails after its inserts");
  });
  await expect(failed).rejects.toThrow("the batch fails after its inserts");
  expect(await t.db.sessionEvent.count({ where: { sessionId } })).toBe(eventsBefore);
  expect((await t.db.receptionSession.findUniqueOrThrow({ where: { id: sessionId } })).lastSeq).toBe(before.lastSeq);
});
