/**
 * SQLite only (excluded from the server-pg project): kill -9 of a process
 * writing the SQLite file, then what the file holds.
 */
import { afterAll, expect, it } from "vitest";
import { openDatabase } from "../src/store/prisma.ts";
import { buildWorld } from "./helpers/fixtures.ts";
import { startServerProcess, type ServerProcess } from "./helpers/server-process.ts";
import { tempDbFile } from "./helpers/test-db.ts";
import { connectClient, ok, type TestSocket } from "./helpers/test-server.ts";
import { watch } from "./helpers/watcher.ts";

const temp = tempDbFile();
const sockets: TestSocket[] = [];
let proc: ServerProcess | null = null;

afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await proc?.crash();
  temp.remove();
});

it("after kill -9, every acknowledged ticket, transcript line and event is there, and seq goes on", { timeout: 90_000 }, async () => {
  const setup = await openDatabase(temp.url);
  const world = await buildWorld(setup);
  await setup.$disconnect();
  const sessionId = world.shengze.sessionId;

  // One test socket stands for many voters here, so lift the per-socket join limit.
  const env = { JOIN_LIMIT_PER_SOCKET_PER_MIN: "1000" };
  proc = await startServerProcess(temp.url, env);
  const voter = await connectClient(proc.url);
  const staff = await connectClient(proc.url, { token: world.tokens.staffShengze });
  sockets.push(voter, staff);
  const acked = await Promise.all([
    ...Array.from({ length: 30 }, (_, i) =>
      ok(voter, "queue:join", { sessionId, name: `选民${i}`, topic: "停车难", isPublic: true }).then((r) => ({ kind: "ticket", id: r.ticket.id })),
    ),
    ...Array.from({ length: 10 }, (_, i) =>
      ok(staff, "transcript:append", { sessionId, kind: "NOTE", speakerRole: "STAFF", text: `记录${i}` }).then((r) => ({ kind: "entry", id: r.entry.id })),
    ),
  ]);
  // Crash right after the last acknowledgement: no graceful shutdown.
  await proc.crash();
  for (const s of sockets.splice(0)) s.disconnect();

  proc = await startServerProcess(temp.url, env);
  const db = await openDatabase(temp.url);
  try {
    const ticketIds = new Set((await db.ticket.findMany({ select: { id: true } })).map((t) => t.id));
    const entryIds = new Set((await db.transcriptEntry.findMany({ select: { id: true } })).map((e) => e.id));
    for (const a of acked) expect(a.kind === "ticket" ? ticketIds.has(a.id) : entryIds.has(a.id), `${a.kind} ${a.id}`).toBe(true);
    const seqs = (await db.sessionEvent.findMany({ where: { sessionId }, orderBy: { seq: "asc" }, select: { seq: true } })).map((e) => e.seq);
    expect(seqs).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));

    const viewerSocket = await connectClient(proc.url);
    sockets.push(viewerSocket);
    const viewer = await watch(viewerSocket, sessionId);
    expect(viewer.snapshot.seq).toBe(40);
    expect(viewer.snapshot.tickets).toHaveLength(30);
    const next = await ok(viewerSocket, "queue:join", { sessionId, name: "新选民", topic: "t", isPublic: false });
    expect(next.ticket.label).toBe("W031");
    const e = await viewer.waitFor((x) => x.type === "ticket.joined");
    expect(e.seq).toBe(41);
  } finally {
    await db.$disconnect();
  }
});
