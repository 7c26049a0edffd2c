/** The write lane on the run's storage (SQLite, or PostgreSQL in the server-pg project). */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readConfig } from "../src/config.ts";
import type { ServiceDeps } from "../src/services/deps.ts";
import { joinQueue } from "../src/services/live-day/queue-join.ts";
import { createWatchCache } from "../src/services/live-day/watch.ts";
import { openDatabase, type Db } from "../src/store/prisma.ts";
import type { StoredEvent } from "../src/store/session-events.ts";
import { toTranscriptView } from "../src/store/views.ts";
import { WriteLanes, type GroupResult, type LaneContext } from "../src/store/write-lane.ts";
import { buildWorld, type World } from "./helpers/fixtures.ts";
import { freshTestDatabase, skipWhenStorageUnavailable, storageUnavailable, type TestDatabase } from "./helpers/test-storage.ts";

let temp: TestDatabase;
let db: Db;
let world: World;
let published: StoredEvent[];
let lanes: WriteLanes;

skipWhenStorageUnavailable();
beforeEach(async () => {
  if (storageUnavailable) return;
  temp = await freshTestDatabase();
  db = await openDatabase(temp.url);
  world = await buildWorld(db);
  published = [];
  lanes = new WriteLanes(db, (events) => published.push(...events));
});
afterEach(async () => {
  await db?.$disconnect();
  await temp?.remove();
});

const note = (text: string) => async ({ tx, sessionId, append }: Parameters<Parameters<WriteLanes["run"]>[1]>[0]) => {
  const row = await tx.transcriptEntry.create({ data: { sessionId, kind: "NOTE", speakerRole: "STAFF", text } });
  await append({ type: "transcript.appended", data: toTranscriptView(row) }, new Date());
  return text;
};

/** A group runner that writes one note per input, and refuses inputs starting with "bad". */
const notes = async (ctx: Parameters<Parameters<WriteLanes["run"]>[1]>[0], inputs: string[]): Promise<GroupResult<string>[]> => {
  const out: GroupResult<string>[] = [];
  for (const text of inputs) {
    if (text.startsWith("bad")) out.push({ ok: false, error: new Error(text) });
    else out.push({ ok: true, value: await note(text)(ctx) });
  }
  return out;
};

it("runs concurrent operations in one lane, keeping each one's outcome and a gapless log", async () => {
  const sessionId = world.shengze.sessionId;
  const outcomes = await Promise.allSettled([
    lanes.run(sessionId, note("a")),
    lanes.runGrouped(sessionId, "notes", "b", notes),
    lanes.runGrouped(sessionId, "notes", "bad-c", notes),
    lanes.runGrouped(sessionId, "notes", "d", notes),
    lanes.run(sessionId, async () => {
      throw new Error("plain op fails");
    }),
    lanes.run(sessionId, note("e")),
  ]);
  expect(outcomes.map((o) => o.status)).toEqual(["fulfilled", "fulfilled", "rejected", "fulfilled", "rejected", "fulfilled"]);
  const texts = (await db.transcriptEntry.findMany({ where: { sessionId }, orderBy: { createdAt: "asc" } })).map((e) => e.text).sort();
  expect(texts).toEqual(["a", "b", "d", "e"]);
  const seqs = (await db.sessionEvent.findMany({ where: { sessionId }, orderBy: { seq: "asc" } })).map((e) => e.seq);
  expect(seqs).toEqual([1, 2, 3, 4]);
  expect(published.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
  expect((await db.receptionSession.findUniqueOrThrow({ where: { id: sessionId } })).lastSeq).toBe(4);
});

it("keeps sessions' lanes apart", async () => {
  await Promise.all([lanes.run(world.shengze.sessionId, note("x")), lanes.run(world.lili.sessionId, note("y")), lanes.run(world.lili.sessionId, note("z"))]);
  const last = async (id: string) => (await db.receptionSession.findUniqueOrThrow({ where: { id } })).lastSeq;
  expect(await last(world.shengze.sessionId)).toBe(1);
  expect(await last(world.lili.sessionId)).toBe(2);
});

describe("one bad write never fails another", () => {
  const deps = (): ServiceDeps => ({ db, lanes, config: readConfig({}), now: () => new Date(), watchCache: createWatchCache() });
  const codeOf = (r: PromiseSettledResult<unknown>) => (r.status === "rejected" ? ((r.reason as { code?: string }).code ?? (r.reason as Error).name) : "ok");

  it("an ill-formed id read in the same tick as a valid one fails alone (Prisma batches findUnique)", async () => {
    const [bad, good] = await Promise.allSettled([
      db.ticket.findUnique({ where: { id: "bad\ud800" } }),
      db.ticket.findUnique({ where: { id: "does-not-exist" } }),
    ]);
    expect(codeOf(bad)).toBe("BAD_REQUEST");
    expect(good).toEqual({ status: "fulfilled", value: null });
  });

  it("a poisoned join in a batch of 50 fails alone with its own code; the 49 get gapless labels and seq", async () => {
    const sessionId = world.shengze.sessionId;
    const outcomes = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) => joinQueue(deps(), { sessionId, name: i === 17 ? "坏\ud800" : `选民${i}`, topic: "t", isPublic: false })),
    );
    expect(outcomes.map(codeOf).filter((c) => c !== "ok")).toEqual(["BAD_REQUEST"]);
    expect(codeOf(outcomes[17]!)).toBe("BAD_REQUEST");
    const labels = (await db.ticket.findMany({ where: { sessionId }, orderBy: { label: "asc" } })).map((t) => t.label);
    expect(labels).toEqual(Array.from({ length: 49 }, (_, i) => `W${String(i + 1).padStart(3, "0")}`));
    const seqs = (await db.sessionEvent.findMany({ where: { sessionId }, orderBy: { seq: "asc" } })).map((e) => e.seq);
    expect(seqs).toEqual(Array.from({ length: 49 }, (_, i) => i + 1));
  });

  it("a grouped run whose database write fails is retried item by item: only the poisoned item fails", async () => {
    const sessionId = world.shengze.sessionId;
    // One insert for the whole run: a duplicate label (unique per session) fails the statement for everyone.
    const insertAll = async (ctx: LaneContext, labels: string[]): Promise<GroupResult<string>[]> => {
      await ctx.tx.ticket.createMany({ data: labels.map((label) => ({ sessionId, channel: "ONLINE", label, rank: 1, name: "n", topic: "t", voterTokenHash: `h-${label}-${Math.random()}`, joinedAt: new Date() })) });
      for (const label of labels) await ctx.append({ type: "transcript.appended", data: toTranscriptView(await ctx.tx.transcriptEntry.create({ data: { sessionId, kind: "NOTE", speakerRole: "STAFF", text: label } })) }, new Date());
      return labels.map((value) => ({ ok: true, value }));
    };
    await lanes.runGrouped(sessionId, "insert", "X001", insertAll);
    const outcomes = await Promise.allSettled(["X002", "X003", "X001", "X004"].map((label) => lanes.runGrouped(sessionId, "insert", label, insertAll)));
    expect(outcomes.map((o) => o.status)).toEqual(["fulfilled", "fulfilled", "rejected", "fulfilled"]);
    const seqs = (await db.sessionEvent.findMany({ where: { sessionId }, orderBy: { seq: "asc" } })).map((e) => e.seq);
    expect(seqs).toEqual([1, 2, 3, 4]);
  });
});
