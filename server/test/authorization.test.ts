import { beforeAll, describe, expect, it } from "vitest";
import type { ClientToServerEvents } from "../src/protocol/events.ts";
import { call, ok } from "./helpers/test-server.ts";
import { useTestServer } from "./helpers/use-test-server.ts";

const t = useTestServer();
let ticketId: string;
let entryId: string;

beforeAll(async () => {
  const staff = await t.connectAs("staffShengze");
  ticketId = (await ok(staff, "desk:register", { sessionId: t.world.shengze.sessionId, name: "甲", topic: "t", isPublic: false })).ticket.id;
  entryId = (await ok(staff, "transcript:append", { sessionId: t.world.shengze.sessionId, kind: "NOTE", speakerRole: "STAFF", text: "x" })).entry.id;
});

type StaffEvent = Exclude<keyof ClientToServerEvents, "session:watch" | "session:unwatch" | "queue:join" | "ticket:resume" | "queue:leave">;
const staffEvents = (): [StaffEvent, object][] => [
  ["desk:register", { sessionId: t.world.shengze.sessionId, name: "乙", topic: "t", isPublic: false }],
  ["hall:callNext", { sessionId: t.world.shengze.sessionId }],
  ["hall:call", { ticketId }],
  ["hall:start", { ticketId }],
  ["hall:finish", { ticketId }],
  ["hall:noShow", { ticketId }],
  ["hall:requeue", { ticketId }],
  ["hall:prioritize", { ticketId, reason: "高龄" }],
  ["session:update", { sessionId: t.world.shengze.sessionId, status: "LIVE" }],
  ["transcript:append", { sessionId: t.world.shengze.sessionId, kind: "NOTE", speakerRole: "STAFF", text: "y" }],
  ["transcript:amend", { entryId, text: "z" }],
];

async function stateOfShengze() {
  const id = t.world.shengze.sessionId;
  return JSON.stringify(await Promise.all([
    t.db.receptionSession.findUniqueOrThrow({ where: { id } }),
    t.db.ticket.findMany({ where: { sessionId: id }, orderBy: { id: "asc" } }),
    t.db.transcriptEntry.count({ where: { sessionId: id } }),
  ]));
}

describe("staff and deputy events", () => {
  it("refuse a voter (no login) with UNAUTHENTICATED, per event, changing nothing", async () => {
    const before = await stateOfShengze();
    const voter = await t.connect();
    for (const [event, payload] of staffEvents()) {
      expect(await call(voter, event, payload as never), event).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
    }
    expect(await stateOfShengze()).toBe(before);
  });

  it("refuse a staff member of another town with FORBIDDEN, per event, changing nothing", async () => {
    const before = await stateOfShengze();
    const lili = await t.connectAs("staffLili");
    for (const [event, payload] of staffEvents()) {
      expect(await call(lili, event, payload as never), event).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    }
    expect(await stateOfShengze()).toBe(before);
  });

  it("give a staff member of another town only the public projection when watching", async () => {
    const lili = await t.connectAs("staffLili");
    const snap = JSON.stringify(await ok(lili, "session:watch", { sessionId: t.world.shengze.sessionId }));
    expect(snap).toContain('"label":"A001"');
    expect(snap).not.toContain('"phone"');
    const deputy = await t.connectAs("deputyShengze");
    expect(JSON.stringify(await ok(deputy, "session:watch", { sessionId: t.world.shengze.sessionId }))).toContain('"phone"');
  });

  it("let an admin act on any venue", async () => {
    const admin = await t.connectAs("admin");
    expect(await ok(admin, "hall:prioritize", { ticketId, reason: "高龄" })).toMatchObject({ ticket: { priority: true } });
  });

  it("refuse a forged or revoked token as not logged in", async () => {
    const forged = await t.connect({ token: "not-a-real-token-0123456789" });
    expect(await call(forged, "hall:callNext", { sessionId: t.world.shengze.sessionId })).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
    const res = await fetch(`${t.url}/api/auth/logout`, { method: "POST", headers: { authorization: `Bearer ${t.world.tokens.staffLili}` } });
    expect(res.status).toBe(200);
    const revoked = await t.connectAs("staffLili");
    expect(await call(revoked, "hall:callNext", { sessionId: t.world.lili.sessionId })).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
  });
});
