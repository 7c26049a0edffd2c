import { describe, expect, it } from "vitest";
import { ok, type TestSocket } from "./helpers/test-server.ts";
import { useTestServer } from "./helpers/use-test-server.ts";

const t = useTestServer();
const raw = (socket: TestSocket, event: string, payload: unknown) =>
  (socket.timeout(5000) as unknown as { emitWithAck(e: string, p: unknown): Promise<{ ok: boolean; error?: { code: string; details?: Record<string, string> } }> }).emitWithAck(event, payload);

const ticketsNow = () => t.db.ticket.count();

describe("bad input", () => {
  it("names the missing and mistyped fields, and creates nothing", async () => {
    const s = await t.connect();
    const r = await raw(s, "queue:join", { sessionId: t.world.shengze.sessionId, name: 42, isPublic: "yes" });
    expect(r).toMatchObject({ ok: false, error: { code: "BAD_REQUEST" } });
    expect(Object.keys(r.error!.details!).sort()).toEqual(["isPublic", "name", "topic"]);
    expect(await ticketsNow()).toBe(0);
  });

  it("refuses over-long text at the contract's limits", async () => {
    const s = await t.connect();
    const base = { sessionId: t.world.shengze.sessionId, name: "甲", topic: "t", isPublic: false };
    expect((await raw(s, "queue:join", { ...base, name: "名".repeat(51) })).error?.details).toHaveProperty("name");
    expect((await raw(s, "queue:join", { ...base, topic: "题".repeat(101) })).error?.details).toHaveProperty("topic");
    expect((await raw(s, "queue:join", { ...base, question: "问".repeat(2001) })).error?.details).toHaveProperty("question");
    expect((await raw(s, "queue:join", { ...base, phone: "call me maybe" })).error?.details).toHaveProperty("phone");
    const staff = await t.connectAs("staffShengze");
    const long = await raw(staff, "transcript:append", { sessionId: t.world.shengze.sessionId, kind: "NOTE", speakerRole: "STAFF", text: "字".repeat(5001) });
    expect(long.error?.details).toHaveProperty("text");
    // Exactly at the limit is fine.
    await ok(s, "queue:join", { ...base, name: "名".repeat(50), question: "问".repeat(2000) });
    expect(await ticketsNow()).toBe(1);
  });

  it("answers non-object payloads with BAD_REQUEST", async () => {
    const s = await t.connect();
    for (const payload of ["a string", 7, null, [1, 2], true]) {
      expect(await raw(s, "queue:join", payload), JSON.stringify(payload)).toMatchObject({ ok: false, error: { code: "BAD_REQUEST" } });
      expect(await raw(s, "session:watch", payload)).toMatchObject({ ok: false, error: { code: "BAD_REQUEST" } });
    }
  });

  it("answers unknown ids with NOT_FOUND", async () => {
    const s = await t.connect();
    const staff = await t.connectAs("staffShengze");
    expect(await raw(s, "session:watch", { sessionId: "nope" })).toMatchObject({ error: { code: "NOT_FOUND" } });
    expect(await raw(s, "queue:join", { sessionId: "nope", name: "甲", topic: "t", isPublic: false })).toMatchObject({ error: { code: "NOT_FOUND" } });
    expect(await raw(staff, "hall:call", { ticketId: "nope" })).toMatchObject({ error: { code: "NOT_FOUND" } });
    expect(await raw(staff, "transcript:amend", { entryId: "nope", text: "x" })).toMatchObject({ error: { code: "NOT_FOUND" } });
    expect(await raw(staff, "hall:callNext", { sessionId: "nope" })).toMatchObject({ error: { code: "NOT_FOUND" } });
  });

  it("ignores events without an ack and unknown events, and keeps serving", async () => {
    const s = await t.connect();
    const untyped = s as unknown as { emit(event: string, ...args: unknown[]): void };
    untyped.emit("queue:join", { sessionId: t.world.shengze.sessionId, name: "无回执", topic: "t", isPublic: false });
    untyped.emit("no:such:event", { x: 1 });
    untyped.emit("queue:join");
    await new Promise((r) => setTimeout(r, 200));
    expect(await t.db.ticket.count({ where: { name: "无回执" } })).toBe(0);
    expect(await raw(s, "session:watch", { sessionId: t.world.shengze.sessionId })).toMatchObject({ ok: true });
  });

  it("refuses payloads over 64 KB at the transport, and other clients are unharmed", async () => {
    const big = await t.connect();
    const closed = new Promise<string>((resolve) => big.once("disconnect", (reason) => resolve(reason)));
    const untyped = big as unknown as { emit(event: string, ...args: unknown[]): void };
    untyped.emit("queue:join", { sessionId: t.world.shengze.sessionId, name: "x", topic: "t", isPublic: false, pad: "x".repeat(70 * 1024) }, () => undefined);
    expect(await closed).toBe("transport close");
    const other = await t.connect();
    expect(await raw(other, "session:watch", { sessionId: t.world.shengze.sessionId })).toMatchObject({ ok: true });
  });

  describe("on a server that takes 3 joins per socket and minute", () => {
    const limited = useTestServer({ config: { joinLimitPerSocketPerMin: 3 } });

    it("rate-limits joins from one socket", async () => {
      const s = await limited.connect();
      const codes: string[] = [];
      for (let i = 0; i < 5; i++) {
        const r = await raw(s, "queue:join", { sessionId: limited.world.shengze.sessionId, name: `甲${i}`, topic: "t", isPublic: false });
        codes.push(r.ok ? "ok" : r.error!.code);
      }
      expect(codes).toEqual(["ok", "ok", "ok", "RATE_LIMITED", "RATE_LIMITED"]);
      expect(await limited.db.ticket.count()).toBe(3);
    });
  });

  it("refuses a handshake from a foreign Origin", async () => {
    const res = await fetch(`${t.url}/socket.io/?EIO=4&transport=polling`, { headers: { origin: "https://evil.example" } });
    expect(res.status).toBe(403);
    const same = await fetch(`${t.url}/socket.io/?EIO=4&transport=polling`, { headers: { origin: t.url } });
    expect(same.status).toBe(200);
  });
});
