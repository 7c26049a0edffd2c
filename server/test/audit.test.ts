/**
 * The audit (docs/ARCHITECTURE.md §6f): every staff write, failed login and refusal, over
 * HTTP and the socket, with its result and no personal data; append-only and
 * hash-chained, verified by GET /api/audit/verify, on both storages.
 */
import { describe, expect, it } from "vitest";
import { readConfig } from "../src/config.ts";
import { appendAudit, pruneAudit } from "../src/services/privacy-and-accounts/audit.ts";
import { openDatabase } from "../src/store/prisma.ts";
import { HTTP_WRITES } from "../src/transport/audit-hooks.ts";
import { mountedRoutes } from "../src/transport/http/mount.ts";
import { ok } from "./helpers/test-server.ts";
import { useTestServer } from "./helpers/use-test-server.ts";

const t = useTestServer({ perTest: true });

const MARK_NAME = "审计标记甲";
const MARK_PHONE = "13912345678";
const MARK_QUESTION = "审计标记问题文字";
const MARK_PASSWORD = "Wrong-Secret-42";

interface Entry { username: string; action: string; target: string; result: string; seq: number }
const entries = async (query = ""): Promise<Entry[]> => (await t.http("admin").get(`/api/audit${query}`)).body.entries;
const verify = async () => (await t.http("admin").get("/api/audit/verify")).body as { ok: boolean; entries: number; firstBrokenAt?: number };

describe("what the audit records", () => {
  it("names every write route of the table: an action, or null for a voter's own and the media server's", () => {
    // The audit knows a route by the path its router registered (under the router's base), as Express reports it.
    const writes = [...mountedRoutes().values()].filter((route) => !route.startsWith("GET "));
    expect(writes.length).toBeGreaterThan(30);
    expect(writes.filter((route) => !(route in HTTP_WRITES))).toEqual([]);
    expect(Object.keys(HTTP_WRITES).filter((route) => !writes.includes(route))).toEqual([]);
  });

  it("records staff writes over HTTP and the socket after they committed, with their result", async () => {
    const sessionId = t.world.shengze.sessionId;
    expect((await t.http("staffShengze").patch(`/api/sessions/${sessionId}`, { title: "审计接待日" })).status).toBe(200);
    const staff = await t.connectAs("staffShengze");
    const walkIn = await ok(staff, "desk:register", { sessionId, name: MARK_NAME, phone: MARK_PHONE, topic: "t", question: MARK_QUESTION });
    await ok(staff, "hall:call", { ticketId: walkIn.ticket.id });
    // A failed write is recorded with its code.
    const conflict = await t.http("staffShengze").patch(`/api/sessions/${sessionId}`, { status: "SCHEDULED" });
    expect(conflict.status).toBeGreaterThanOrEqual(400);

    const got = await entries();
    const mine = got.filter((e) => e.username === "staff.shengze").reverse();
    expect(mine.map((e) => `${e.action} ${e.result}`)).toEqual([
      "session.update ok",
      "ticket.register ok",
      "ticket.call ok",
      `session.update ${conflict.body.error.code}`,
    ]);
    expect(mine[0]!.target).toBe(`session:${sessionId}`);
    expect(mine[1]!.target).toBe(`ticket:${walkIn.ticket.id} session:${sessionId}`);
    // A voter's own join is not a staff write.
    const voter = await t.connect();
    await ok(voter, "queue:join", { sessionId, name: MARK_NAME, phone: MARK_PHONE, topic: "t", isPublic: false });
    expect((await entries()).length).toBe(got.length);
  });

  it("records a failed login with the username tried, never the password, and a refusal to a logged-in caller", async () => {
    await t.addUserWithPassword({ username: "clerk.audit", password: "Right-Secret-42", role: "STAFF", venues: ["shengze"] });
    const failed = await t.http().post("/api/auth/login", { username: "clerk.audit", password: MARK_PASSWORD });
    expect(failed.status).toBe(401);
    expect((await t.http("staffLili").patch(`/api/sessions/${t.world.shengze.sessionId}`, { title: "x" })).status).toBe(403);
    expect((await t.http("staffShengze").get("/api/audit")).status).toBe(403);
    const shengzeId = (await t.db.user.findUniqueOrThrow({ where: { username: "staff.shengze" } })).id;
    expect((await t.http("staffLili").patch(`/api/admin/users/${shengzeId}`, { displayName: "x" })).status).toBe(403);
    const lili = await t.connectAs("staffLili");
    const refused = await new Promise<{ ok: boolean; error?: { code: string } }>((resolve) =>
      (lili.emit as (e: string, p: unknown, ack: (r: { ok: boolean; error?: { code: string } }) => void) => void)("hall:callNext", { sessionId: t.world.shengze.sessionId }, resolve),
    );
    expect(refused.error?.code).toBe("FORBIDDEN");
    // Not logged in: a 401, not a refusal.
    expect((await t.http().get("/api/audit")).status).toBe(401);

    const got = (await entries()).reverse();
    expect(got.map((e) => `${e.username} ${e.action} ${e.result} ${e.target}`)).toEqual([
      "clerk.audit auth.fail UNAUTHENTICATED ",
      `staff.lili access.denied FORBIDDEN try=session.update session:${t.world.shengze.sessionId}`,
      "staff.shengze access.denied FORBIDDEN route=GET:/api/audit",
      `staff.lili access.denied FORBIDDEN try=user.update user:${shengzeId}`,
      `staff.lili access.denied FORBIDDEN try=ticket.callNext session:${t.world.shengze.sessionId}`,
    ]);
    expect((await entries("?action=auth.fail")).length).toBe(1);
    expect((await entries("?result=failed")).length).toBe(5);
    // What a refusal tried, in words for the admin: the account's name, not its id.
    expect((await entries("?action=access.denied")).find((e) => e.target.startsWith("try=user.update"))).toMatchObject({ about: { tried: "user.update", user: { id: shengzeId } } });
    const rows = JSON.stringify(await t.db.auditEntry.findMany());
    expect(rows).not.toContain(MARK_PASSWORD);
  });

  it("keeps no personal data: no voter's name, phone or question reaches a row", async () => {
    const sessionId = t.world.shengze.sessionId;
    const staff = await t.connectAs("staffShengze");
    const walkIn = await ok(staff, "desk:register", { sessionId, name: MARK_NAME, phone: MARK_PHONE, topic: MARK_QUESTION, question: MARK_QUESTION });
    await ok(staff, "hall:call", { ticketId: walkIn.ticket.id });
    await ok(staff, "hall:start", { ticketId: walkIn.ticket.id });
    await ok(staff, "transcript:append", { sessionId, ticketId: walkIn.ticket.id, kind: "QUESTION", speakerRole: "VOTER", speakerName: MARK_NAME, text: `${MARK_NAME}说${MARK_QUESTION}` });
    expect((await t.http("staffShengze").post(`/api/tickets/${walkIn.ticket.id}/phone`)).body.phone).toBe(MARK_PHONE);
    const opened = await t.http("staffShengze").post("/api/cases", { venueId: t.world.shengze.venueId, sessionId, category: MARK_NAME, summary: `${MARK_PHONE} ${MARK_QUESTION}` });
    expect(opened.status).toBe(201);
    const rows = await t.db.auditEntry.findMany({ orderBy: { seq: "asc" } });
    expect(rows.map((r) => r.action)).toEqual(["ticket.register", "ticket.call", "ticket.start", "transcript.append", "pii.reveal", "case.create"]);
    expect(rows.at(-1)!.target).toMatch(/^case:\S+$/);
    const all = JSON.stringify(rows);
    for (const mark of [MARK_NAME, MARK_PHONE, MARK_QUESTION]) expect(all).not.toContain(mark);
  });
});

describe("the audit chain", () => {
  const writeSome = async (n: number) => {
    const sessionId = t.world.shengze.sessionId;
    for (let i = 0; i < n; i++) await t.http("staffShengze").patch(`/api/sessions/${sessionId}`, { title: `第${i}次` });
  };

  it("verifies, and points at an entry changed directly in the database", async () => {
    await writeSome(5);
    expect(await verify()).toEqual({ ok: true, entries: 5 });
    const third = await t.db.auditEntry.findFirstOrThrow({ where: { seq: 3 } });
    await t.db.auditEntry.update({ where: { id: third.id }, data: { result: "CONFLICT" } });
    expect(await verify()).toMatchObject({ ok: false, firstBrokenAt: 3 });
  });

  it("points at an entry deleted from the middle, and at the newest one deleted", async () => {
    await writeSome(5);
    await t.db.auditEntry.delete({ where: { seq: 5 } });
    expect(await verify()).toMatchObject({ ok: false, firstBrokenAt: 5 });
    await t.db.auditEntry.delete({ where: { seq: 2 } });
    expect(await verify()).toMatchObject({ ok: false, firstBrokenAt: 2 });
  });

  it("points at an entry slipped in beside the chain", async () => {
    await writeSome(3);
    const second = await t.db.auditEntry.findFirstOrThrow({ where: { seq: 2 } });
    await t.db.auditEntry.create({ data: { at: second.at, username: "x", action: "session.update", target: "", result: "ok" } });
    expect(await verify()).toMatchObject({ ok: false, firstBrokenAt: 2 });
  });

  it("does not fork under concurrent writes, from one server and from a second client on the same database", async () => {
    const sessionId = t.world.shengze.sessionId;
    const staff = await t.connectAs("staffShengze");
    const url = t.server.app.deps.config.databaseUrl;
    const other = await openDatabase(url);
    try {
      await Promise.all([
        ...Array.from({ length: 10 }, (_, i) => t.http("staffShengze").patch(`/api/sessions/${sessionId}`, { title: `并发${i}` })),
        ...Array.from({ length: 5 }, () => ok(staff, "desk:register", { sessionId, name: "并", topic: "t" })),
        ...Array.from({ length: 10 }, (_, i) =>
          appendAudit(other, { at: new Date(), userId: null, username: "node-b", action: "backup.create", target: "", result: `ok` }).then(() => i),
        ),
      ]);
    } finally {
      await other.$disconnect();
    }
    const rows = await t.db.auditEntry.findMany({ orderBy: { seq: "asc" } });
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect(await verify()).toEqual({ ok: true, entries: 25 });
  });

  it("is for admins only", async () => {
    expect((await t.http("staffShengze").get("/api/audit/verify")).status).toBe(403);
    expect((await t.http().get("/api/audit/verify")).status).toBe(401);
  });

  it("seals entries written before the chain existed, in the order written", async () => {
    const at = new Date(Date.now() - 60_000);
    await t.db.auditEntry.create({ data: { at, username: "staff.shengze", action: "pii.reveal", target: "ticket:a session:b" } });
    await t.db.auditEntry.create({ data: { at: new Date(at.getTime() + 1), username: "staff.shengze", action: "record.export", target: "session:b minutes" } });
    await writeSome(1);
    const rows = await t.db.auditEntry.findMany({ orderBy: { seq: "asc" } });
    expect(rows.map((r) => `${r.seq} ${r.action}`)).toEqual(["1 pii.reveal", "2 record.export", "3 session.update"]);
    expect(await verify()).toEqual({ ok: true, entries: 3 });
  });

  it("keeps entries at least 180 days; past AUDIT_RETENTION_DAYS only a whole verified prefix goes, and the chain still verifies from its anchor", async () => {
    expect(readConfig({ AUDIT_RETENTION_DAYS: "30" }).auditRetentionDays).toBe(180);
    expect(readConfig({}).auditRetentionDays).toBe(0);
    await writeSome(3);
    const deps = t.server.app.deps;
    const later = (days: number) => ({ ...deps, config: { ...deps.config, auditRetentionDays: 180 }, now: () => new Date(Date.now() + days * 86_400_000) });
    expect(await pruneAudit({ ...deps, config: { ...deps.config, auditRetentionDays: 0 }, now: later(400).now })).toBe(0);
    expect(await pruneAudit(later(179))).toBe(0);
    // A prefix that does not verify is evidence: it stays.
    const first = await t.db.auditEntry.findFirstOrThrow({ where: { seq: 1 } });
    await t.db.auditEntry.update({ where: { id: first.id }, data: { target: "session:x" } });
    expect(await pruneAudit(later(181))).toBe(0);
    await t.db.auditEntry.update({ where: { id: first.id }, data: { target: first.target } });
    expect(await pruneAudit(later(181))).toBe(3);
    expect(await verify()).toEqual({ ok: true, entries: 0 });
    await writeSome(2);
    expect(await verify()).toEqual({ ok: true, entries: 2 });
    expect((await t.db.auditEntry.findMany({ orderBy: { seq: "asc" } })).map((r) => r.seq)).toEqual([4, 5]);
  });
});
