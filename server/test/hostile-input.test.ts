/**
 * Hostile input gets a coded error, never INTERNAL: ill-formed text (a lone
 * UTF-16 surrogate) anywhere in a payload, an ack in an unexpected place, and
 * HTTP bodies in an unknown charset or encoding.
 */
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import type { HttpAnswer } from "./helpers/back-office-fixtures.ts";
import { ok, type TestSocket } from "./helpers/test-server.ts";
import { useTestServer } from "./helpers/use-test-server.ts";

const t = useTestServer();
type Answer = { ok: boolean; error?: { code: string; details?: Record<string, string> } };
const raw = (socket: TestSocket, event: string, payload: unknown) =>
  (socket.timeout(5000) as unknown as { emitWithAck(e: string, p: unknown): Promise<Answer> }).emitWithAck(event, payload);
const BAD = "a\ud800";

/** Every row count and the session rows: what "nothing changed" compares. */
const snapshot = async () => ({
  tickets: await t.db.ticket.count(),
  transcript: await t.db.transcriptEntry.count(),
  events: await t.db.sessionEvent.count(),
  cases: await t.db.case.count(),
  tokens: await t.db.authToken.count(),
  users: await t.db.user.count(),
  sessions: (await t.db.receptionSession.findMany({ orderBy: { id: "asc" } })).map((s) => ({ ...s, updatedAt: undefined })),
});

describe("a lone surrogate in any string", () => {
  it("is BAD_REQUEST naming the field on every socket event, and changes nothing", async () => {
    const sessionId = t.world.shengze.sessionId;
    const [ticket] = await t.joinVoters(["甲"]);
    const staff = await t.connectAs("staffShengze");
    const entry = (await ok(staff, "transcript:append", { sessionId, kind: "NOTE", speakerRole: "STAFF", text: "n" })).entry;
    const voter = { sessionId, name: "乙", topic: "t", isPublic: false };
    const table: Array<[string, Record<string, unknown>, string]> = [
      ["queue:join", { ...voter, name: BAD }, "name"],
      ["queue:join", { ...voter, sessionId: BAD }, "sessionId"],
      ["queue:join", { ...voter, [BAD]: 1 }, "<key>"],
      ["queue:join", { ...voter, extra: { deep: [BAD] } }, "extra.deep.0"],
      ["session:watch", { sessionId: BAD }, "sessionId"],
      ["ticket:resume", { voterToken: `${BAD}${"x".repeat(20)}` }, "voterToken"],
      ["queue:leave", { voterToken: `${BAD}${"x".repeat(20)}` }, "voterToken"],
      ["desk:register", { ...voter, topic: BAD }, "topic"],
      ["hall:callNext", { sessionId: BAD }, "sessionId"],
      ["hall:call", { ticketId: BAD }, "ticketId"],
      ["hall:start", { ticketId: BAD }, "ticketId"],
      ["hall:finish", { ticketId: ticket!.id, summary: BAD }, "summary"],
      ["hall:noShow", { ticketId: BAD }, "ticketId"],
      ["hall:requeue", { ticketId: BAD }, "ticketId"],
      ["hall:prioritize", { ticketId: ticket!.id, reason: BAD }, "reason"],
      ["session:update", { sessionId, theme: BAD }, "theme"],
      ["transcript:append", { sessionId, kind: "NOTE", speakerRole: "STAFF", text: BAD }, "text"],
      ["transcript:amend", { entryId: entry.id, text: BAD }, "text"],
    ];
    const before = await snapshot();
    for (const [event, payload, field] of table) {
      const answer = await raw(event.startsWith("queue:") || event.startsWith("ticket:") || event === "session:watch" ? await t.connect() : staff, event, payload);
      expect(answer, `${event} ${field}`).toMatchObject({ ok: false, error: { code: "BAD_REQUEST" } });
      expect(Object.keys(answer.error!.details ?? {}), `${event} ${field}`).toEqual([field]);
    }
    expect(await snapshot()).toEqual(before);
  });

  it("is 400 BAD_REQUEST naming the field on HTTP routes, and changes nothing", async () => {
    const sessionId = t.world.shengze.sessionId;
    const admin = t.http("admin");
    const staff = t.http("staffShengze");
    const table: Array<[string, () => Promise<HttpAnswer<{ error: { code: string; details?: Record<string, string> } }>>, string]> = [
      ["login username", () => t.http().post("/api/auth/login", { username: `admin${BAD}`, password: "x" }), "username"],
      ["login password", () => t.http().post("/api/auth/login", { username: "admin", password: BAD }), "password"],
      ["login unknown key", () => t.http().post("/api/auth/login", { username: "admin", password: "x", [BAD]: true }), "<key>"],
      ["PATCH session", () => staff.patch(`/api/sessions/${sessionId}`, { theme: BAD }), "theme"],
      ["POST session", () => staff.post("/api/sessions", { venueId: t.world.shengze.venueId, title: BAD, scheduledStart: new Date().toISOString(), scheduledEnd: new Date(Date.now() + 3600_000).toISOString() }), "title"],
      ["POST case", () => staff.post("/api/cases", { venueId: t.world.shengze.venueId, category: "交通", summary: BAD }), "summary"],
      ["POST case venueId", () => staff.post("/api/cases", { venueId: BAD, category: "交通", summary: "s" }), "venueId"],
      ["POST user", () => admin.post("/api/admin/users", { username: "new.user", displayName: BAD, role: "STAFF", password: "long-enough-password" }), "displayName"],
      ["feedback", () => t.http().post("/api/track/ABCD-1234/feedback", { satisfaction: 5, comment: BAD }), "comment"],
    ];
    const before = await snapshot();
    for (const [name, send, field] of table) {
      const res = await send();
      expect(res.status, name).toBe(400);
      expect(res.body.error.code, name).toBe("BAD_REQUEST");
      expect(Object.keys(res.body.error.details ?? {}), name).toEqual([field]);
    }
    expect(await snapshot()).toEqual(before);
  });

  it("in a path parameter (not valid UTF-8 once decoded) is 400, not 500", async () => {
    const res = await t.http().get("/api/sessions/%ED%A0%80");
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("BAD_REQUEST");
  });

  it("does not fail a valid request sent in the same tick: the valid one still gets NOT_FOUND", async () => {
    const staff = await t.connectAs("staffShengze");
    for (let i = 0; i < 10; i++) {
      const [bad, good] = await Promise.all([
        raw(staff, "hall:prioritize", { ticketId: `bad${BAD}`, reason: "急" }),
        raw(staff, "hall:prioritize", { ticketId: "does-not-exist", reason: "急" }),
      ]);
      expect(bad.error?.code).toBe("BAD_REQUEST");
      expect(good.error?.code).toBe("NOT_FOUND");
    }
  });
});

describe("an ack that is not the second argument", () => {
  const untyped = (s: TestSocket) => s as unknown as { emit(event: string, ...args: unknown[]): void };
  const answerOf = (s: TestSocket, ...args: unknown[]) =>
    new Promise<Answer>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("no answer")), 3000);
      untyped(s).emit("hall:callNext", ...args, (a: Answer) => {
        clearTimeout(timer);
        resolve(a);
      });
    });

  it("is answered BAD_REQUEST when the payload is missing", async () => {
    const staff = await t.connectAs("staffShengze");
    expect(await answerOf(staff)).toMatchObject({ ok: false, error: { code: "BAD_REQUEST" } });
  });

  it("is answered BAD_REQUEST when extra arguments come first, and nobody is called", async () => {
    await t.joinVoters(["丙"]);
    const staff = await t.connectAs("staffShengze");
    expect(await answerOf(staff, { sessionId: t.world.shengze.sessionId }, "extra")).toMatchObject({ ok: false, error: { code: "BAD_REQUEST" } });
    expect(await t.db.ticket.count({ where: { status: "CALLED" } })).toBe(0);
  });
});

describe("HTTP bodies the parser cannot read", () => {
  const post = (headers: Record<string, string>, body: string | Uint8Array) =>
    fetch(`${t.url}/api/auth/login`, { method: "POST", headers, body }).then(async (r) => ({ status: r.status, body: (await r.json()) as { error: { code: string } } }));
  const login = JSON.stringify({ username: "nobody", password: "x" });

  it("an unknown charset is 415 BAD_REQUEST", async () => {
    expect(await post({ "content-type": "application/json; charset=latin2" }, login)).toMatchObject({ status: 415, body: { error: { code: "BAD_REQUEST" } } });
  });

  it("an unknown Content-Encoding is 415 BAD_REQUEST; a broken gzip stream is 400", async () => {
    expect(await post({ "content-type": "application/json", "content-encoding": "zstd-nope" }, login)).toMatchObject({ status: 415, body: { error: { code: "BAD_REQUEST" } } });
    expect(await post({ "content-type": "application/json", "content-encoding": "gzip" }, "not gzip at all")).toMatchObject({ status: 400, body: { error: { code: "BAD_REQUEST" } } });
    // A real gzip body is read (and the wrong password answered as such).
    expect((await post({ "content-type": "application/json", "content-encoding": "gzip" }, gzipSync(login))).status).toBe(401);
  });

  it("malformed JSON is 400 BAD_REQUEST", async () => {
    expect(await post({ "content-type": "application/json" }, '{"username": "admin",')).toMatchObject({ status: 400, body: { error: { code: "BAD_REQUEST" } } });
  });
});
