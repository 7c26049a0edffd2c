import { afterEach, beforeAll, afterAll, describe, expect, it } from "vitest";
import type { ClientToServerEvents } from "../src/protocol/events.ts";
import { buildWorld, type World } from "./helpers/fixtures.ts";
import { call, connectClient, ok, startTestServer, type TestServer, type TestSocket } from "./helpers/test-server.ts";

let server: TestServer;
let world: World;
let ticketId: string;
let entryId: string;
const sockets: TestSocket[] = [];
const connect = async (auth = {}) => {
  const s = await connectClient(server.url, auth);
  sockets.push(s);
  return s;
};

beforeAll(async () => {
  server = await startTestServer();
  world = await buildWorld(server.db);
  const staff = await connect({ token: world.tokens.staffShengze });
  ticketId = (await ok(staff, "desk:register", { sessionId: world.shengze.sessionId, name: "甲", topic: "t", isPublic: false })).ticket.id;
  entryId = (await ok(staff, "transcript:append", { sessionId: world.shengze.sessionId, kind: "NOTE", speakerRole: "STAFF", text: "x" })).entry.id;
});
afterEach(() => {
  for (const s of sockets.splice(0)) s.disconnect();
});
afterAll(async () => server.stop());

type StaffEvent = Exclude<keyof ClientToServerEvents, "session:watch" | "session:unwatch" | "queue:join" | "ticket:resume" | "queue:leave">;
const staffEvents = (): [StaffEvent, object][] => [
  ["desk:register", { sessionId: world.shengze.sessionId, name: "乙", topic: "t", isPublic: false }],
  ["hall:callNext", { sessionId: world.shengze.sessionId }],
  ["hall:call", { ticketId }],
  ["hall:start", { ticketId }],
  ["hall:finish", { ticketId }],
  ["hall:noShow", { ticketId }],
  ["hall:requeue", { ticketId }],
  ["hall:prioritize", { ticketId, reason: "高龄" }],
  ["session:update", { sessionId: world.shengze.sessionId, status: "LIVE" }],
  ["transcript:append", { sessionId: world.shengze.sessionId, kind: "NOTE", speakerRole: "STAFF", text: "y" }],
  ["transcript:amend", { entryId, text: "z" }],
];

async function stateOfShengze() {
  const id = world.shengze.sessionId;
  return JSON.stringify(await Promise.all([
    server.db.receptionSession.findUniqueOrThrow({ where: { id } }),
    server.db.ticket.findMany({ where: { sessionId: id }, orderBy: { id: "asc" } }),
    server.db.transcriptEntry.count({ where: { sessionId: id } }),
  ]));
}

describe("staff and deputy events", () => {
  it("refuse a voter (no login) with UNAUTHENTICATED, per event, changing nothing", async () => {
    const before = await stateOfShengze();
    const voter = await connect();
    for (const [event, payload] of staffEvents()) {
      expect(await call(voter, event, payload as never), event).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
    }
    expect(await stateOfShengze()).toBe(before);
  });

  it("refuse a staff member of another town with FORBIDDEN, per event, changing nothing", async () => {
    const before = await stateOfShengze();
    const lili = await connect({ token: world.tokens.staffLili });
    for (const [event, payload] of staffEvents()) {
      expect(await call(lili, event, payload as never), event).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    }
    expect(await stateOfShengze()).toBe(before);
  });

  it("give a staff member of another town only the public projection when watching", async () => {
    const lili = await connect({ token: world.tokens.staffLili });
    const snap = JSON.stringify(await ok(lili, "session:watch", { sessionId: world.shengze.sessionId }));
    expect(snap).toContain('"label":"A001"');
    expect(snap).not.toContain('"phone"');
    const deputy = await connect({ token: world.tokens.deputyShengze });
    expect(JSON.stringify(await ok(deputy, "session:watch", { sessionId: world.shengze.sessionId }))).toContain('"phone"');
  });

  it("let an admin act on any venue", async () => {
    const admin = await connect({ token: world.tokens.admin });
    expect(await ok(admin, "hall:prioritize", { ticketId, reason: "高龄" })).toMatchObject({ ticket: { priority: true } });
  });

  it("refuse a forged or revoked token as not logged in", async () => {
    const forged = await connect({ token: "not-a-real-token-0123456789" });
    expect(await call(forged, "hall:callNext", { sessionId: world.shengze.sessionId })).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
    const res = await fetch(`${server.url}/api/auth/logout`, { method: "POST", headers: { authorization: `Bearer ${world.tokens.staffLili}` } });
    expect(res.status).toBe(200);
    const revoked = await connect({ token: world.tokens.staffLili });
    expect(await call(revoked, "hall:callNext", { sessionId: world.lili.sessionId })).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
  });
});
