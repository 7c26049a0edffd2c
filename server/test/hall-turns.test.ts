import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildWorld, type World } from "./helpers/fixtures.ts";
import { call, connectClient, ok, startTestServer, type TestServer, type TestSocket } from "./helpers/test-server.ts";
import { watch } from "./helpers/watcher.ts";

let server: TestServer;
let world: World;
let staff: TestSocket;
let voter: TestSocket;
const sockets: TestSocket[] = [];
const connect = async (auth = {}) => {
  const s = await connectClient(server.url, auth);
  sockets.push(s);
  return s;
};
const join = (name: string) => ok(voter, "queue:join", { sessionId: world.shengze.sessionId, name, topic: "t", isPublic: false }).then((r) => r.ticket);

beforeEach(async () => {
  server = await startTestServer();
  world = await buildWorld(server.db);
  staff = await connect({ token: world.tokens.deputyShengze });
  voter = await connect();
});
afterEach(async () => {
  for (const s of sockets.splice(0)) s.disconnect();
  await server.stop();
});

describe("the hall console", () => {
  it("sends a no-show to the back of the line on requeue, or keeps the place when asked", async () => {
    const a = await join("甲");
    const b = await join("乙");
    const c = await join("丙");
    await ok(staff, "hall:callNext", { sessionId: world.shengze.sessionId });
    await ok(staff, "hall:noShow", { ticketId: a.id });
    const back = await ok(staff, "hall:requeue", { ticketId: a.id });
    expect(back.ticket.status).toBe("WAITING");
    expect(back.ticket.rank).toBeGreaterThan(c.rank);
    expect((await ok(staff, "hall:callNext", { sessionId: world.shengze.sessionId })).ticket.id).toBe(b.id);
    await ok(staff, "hall:noShow", { ticketId: b.id });
    const kept = await ok(staff, "hall:requeue", { ticketId: b.id, keepPlace: true });
    expect(kept.ticket.rank).toBe(b.rank);
    expect((await ok(staff, "hall:callNext", { sessionId: world.shengze.sessionId })).ticket.id).toBe(b.id);
  });

  it("puts a prioritized voter next, with the reason kept for staff", async () => {
    await join("甲");
    await join("乙");
    const c = await join("丙");
    const p = await ok(staff, "hall:prioritize", { ticketId: c.id, reason: "高龄老人" });
    expect(p.ticket).toMatchObject({ priority: true, priorityReason: "高龄老人" });
    expect((await ok(staff, "hall:callNext", { sessionId: world.shengze.sessionId })).ticket.id).toBe(c.id);
  });

  it("calls a specific voter, and refuses transitions the state machine forbids", async () => {
    const a = await join("甲");
    const b = await join("乙");
    expect(await call(staff, "hall:start", { ticketId: b.id })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    await ok(staff, "hall:call", { ticketId: b.id });
    expect(await call(staff, "hall:call", { ticketId: a.id })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    await ok(staff, "hall:start", { ticketId: b.id });
    expect(await call(staff, "hall:noShow", { ticketId: b.id })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    await ok(staff, "hall:finish", { ticketId: b.id });
    expect(await call(staff, "hall:finish", { ticketId: b.id })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    expect(await call(staff, "hall:prioritize", { ticketId: b.id, reason: "x" })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    const stored = await server.db.ticket.findUniqueOrThrow({ where: { id: b.id } });
    expect(stored.status).toBe("DONE");
  });

  it("answers CONFLICT when nobody waits", async () => {
    expect(await call(staff, "hall:callNext", { sessionId: world.shengze.sessionId })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
  });

  it("updates the mean turn length from finished turns, which viewers see", async () => {
    const sessionId = world.shengze.sessionId;
    const viewer = await watch(await connect(), sessionId);
    const a = await join("甲");
    await ok(staff, "hall:call", { ticketId: a.id });
    await ok(staff, "hall:start", { ticketId: a.id });
    await ok(staff, "hall:finish", { ticketId: a.id });
    const updated = await viewer.waitFor((e) => e.type === "session.updated");
    expect(updated.type === "session.updated" && updated.data.avgServiceSec).toBeLessThan(480);
  });
});

describe("session controls", () => {
  it("go live, pause, end; an ended day closes the queue and refuses joins", async () => {
    const sessionId = world.shengze.sessionId;
    expect((await ok(staff, "session:update", { sessionId, status: "LIVE" })).session.status).toBe("LIVE");
    expect((await ok(staff, "session:update", { sessionId, status: "PAUSED" })).session.status).toBe("PAUSED");
    const closed = await ok(staff, "session:update", { sessionId, queueOpen: false });
    expect(closed.session.queueOpen).toBe(false);
    expect(await call(voter, "queue:join", { sessionId, name: "甲", topic: "t", isPublic: false })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    await ok(staff, "session:update", { sessionId, queueOpen: true, theme: "加装电梯", streamUrl: "https://live.example/hls/a.m3u8" });
    await ok(voter, "queue:join", { sessionId, name: "甲", topic: "t", isPublic: false });
    const ended = await ok(staff, "session:update", { sessionId, status: "ENDED" });
    expect(ended.session).toMatchObject({ status: "ENDED", queueOpen: false, theme: "加装电梯" });
    expect(await call(staff, "session:update", { sessionId, status: "LIVE" })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    expect(await call(voter, "queue:join", { sessionId, name: "乙", topic: "t", isPublic: false })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    expect(await call(staff, "session:update", { sessionId, streamUrl: "javascript:alert(1)" })).toMatchObject({ ok: false, error: { code: "BAD_REQUEST" } });
  });
});

describe("the transcript", () => {
  it("keeps amendments as new entries pointing at the first version", async () => {
    const sessionId = world.shengze.sessionId;
    const first = await ok(staff, "transcript:append", { sessionId, kind: "ANSWER", speakerRole: "DEPUTY", text: "初稿" });
    const second = await ok(staff, "transcript:amend", { entryId: first.entry.id, text: "二稿" });
    const third = await ok(staff, "transcript:amend", { entryId: second.entry.id, text: "三稿" });
    expect(second.entry.amendsId).toBe(first.entry.id);
    expect(third.entry.amendsId).toBe(first.entry.id);
    const rows = await server.db.transcriptEntry.findMany({ where: { sessionId }, orderBy: { createdAt: "asc" } });
    expect(rows.map((r) => r.text)).toEqual(["初稿", "二稿", "三稿"]);
  });

  it("refuses a line about a ticket of another session", async () => {
    const other = await ok(await connect(), "queue:join", { sessionId: world.lili.sessionId, name: "甲", topic: "t", isPublic: false });
    const r = await call(staff, "transcript:append", { sessionId: world.shengze.sessionId, ticketId: other.ticket.id, kind: "NOTE", speakerRole: "STAFF", text: "x" });
    expect(r).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
  });

  it("replays missed events to a client that names the last seq it saw", async () => {
    const sessionId = world.shengze.sessionId;
    const viewer = await connect();
    const snap = await ok(viewer, "session:watch", { sessionId });
    await join("甲");
    await ok(staff, "transcript:append", { sessionId, kind: "NOTE", speakerRole: "STAFF", text: "内部", visibility: "STAFF" });
    const replay = await ok(viewer, "session:watch", { sessionId, sinceSeq: snap.seq });
    expect(replay).toMatchObject({ seq: 2, events: [{ seq: 1, type: "ticket.joined" }, { seq: 2, type: "redacted" }] });
  });
});
