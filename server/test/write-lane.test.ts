/** The write lane on the run's storage (SQLite, or PostgreSQL in the server-pg project). */
import { afterEach, beforeEach, expect, it } from "vitest";
import { openDatabase, type Db } from "../src/store/prisma.ts";
import type { StoredEvent } from "../src/store/session-events.ts";
import { toTranscriptView } from "../src/store/views.ts";
import { WriteLanes, type GroupResult } from "../src/store/write-lane.ts";
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
