import { beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { ok } from "./helpers/test-server.ts";
import { useTestServer } from "./helpers/use-test-server.ts";

const t = useTestServer();

const api = async (path: string, init: RequestInit & { token?: string; json?: unknown } = {}) => {
  const headers: Record<string, string> = { ...(init.headers as Record<string, string>) };
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  if (init.json !== undefined) headers["content-type"] = "application/json";
  const res = await fetch(t.url + path, { ...init, headers, body: init.json !== undefined ? JSON.stringify(init.json) : init.body });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null };
};

beforeAll(async () => {
  await t.addUserWithPassword({ username: "staff.real", displayName: "真实职员", role: "STAFF", password: "correct horse", venues: ["shengze"] });
});

describe("auth", () => {
  it("GET /api/auth/me answers an anonymous visitor 200 with no user, and a stale token still 401", async () => {
    expect(await api("/api/auth/me")).toMatchObject({ status: 200, body: { user: null } });
    expect((await api("/api/auth/me", { token: "not-a-real-token" })).status).toBe(401);
    expect((await api("/api/auth/me", { headers: { cookie: "tongxin_token=expired" } })).status).toBe(401);
  });

  it("logs in with a cookie and a token, answers /me, and logs out", async () => {
    const bad = await api("/api/auth/login", { method: "POST", json: { username: "staff.real", password: "wrong" } });
    expect(bad).toMatchObject({ status: 401, body: { error: { code: "UNAUTHENTICATED" } } });
    const unknown = await api("/api/auth/login", { method: "POST", json: { username: "nobody", password: "x" } });
    expect(unknown.status).toBe(401);

    const res = await api("/api/auth/login", { method: "POST", json: { username: "staff.real", password: "correct horse" } });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ username: "staff.real", role: "STAFF", venueIds: [t.world.shengze.venueId] });
    expect(res.body.user).not.toHaveProperty("passwordHash");
    const cookie = res.headers.get("set-cookie")!;
    expect(cookie).toMatch(/tongxin_token=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const cookiePair = cookie.split(";")[0]!;

    expect((await api("/api/auth/me", { headers: { cookie: cookiePair } })).body.user.username).toBe("staff.real");
    // The token only is stored hashed.
    const stored = await t.db.authToken.findMany({ where: { user: { username: "staff.real" } } });
    expect(stored.map((t) => t.tokenHash)).not.toContain(res.body.token);

    // The cookie alone authenticates a socket (as in a browser), and that socket is disconnected on logout.
    const { io } = await import("socket.io-client");
    const socket = io(t.url, { transports: ["websocket"], extraHeaders: { cookie: cookiePair }, reconnection: false, forceNew: true });
    onTestFinished(() => void socket.disconnect());
    await new Promise((resolve) => socket.once("connect", () => resolve(null)));
    const snap = await socket.timeout(5000).emitWithAck("session:watch", { sessionId: t.world.shengze.sessionId });
    expect(JSON.stringify(snap)).toContain('"ok":true');
    expect((await socket.timeout(5000).emitWithAck("hall:callNext", { sessionId: t.world.shengze.sessionId })).error.code).toBe("CONFLICT");
    const dropped = new Promise((resolve) => socket.once("disconnect", resolve));
    expect((await api("/api/auth/logout", { method: "POST", headers: { cookie: cookiePair } })).status).toBe(200);
    await dropped;
    expect((await api("/api/auth/me", { headers: { cookie: cookiePair } })).status).toBe(401);
  });

  it("refuses a malformed login with field details", async () => {
    const res = await api("/api/auth/login", { method: "POST", json: { username: "" } });
    expect(res).toMatchObject({ status: 400, body: { error: { code: "BAD_REQUEST" } } });
    expect(Object.keys(res.body.error.details).sort()).toEqual(["password", "username"]);
    const broken = await api("/api/auth/login", { method: "POST", body: "{not json", headers: { "content-type": "application/json" } });
    expect(broken).toMatchObject({ status: 400, body: { error: { code: "BAD_REQUEST" } } });
  });
});

describe("venues and sessions", () => {
  it("lists the venue tree publicly", async () => {
    const res = await api("/api/venues");
    expect(res.status).toBe(200);
    expect(res.body.venues.map((v: { name: string }) => v.name).sort()).toEqual(["三好村人大代表联络站", "晓鹃工作室"]);
  });

  it("lists and reads sessions publicly, with filters", async () => {
    const all = await api("/api/sessions");
    expect(all.body.sessions).toHaveLength(2);
    const lili = await api(`/api/sessions?town=${encodeURIComponent("黎里镇")}`);
    expect(lili.body.sessions.map((s: { id: string }) => s.id)).toEqual([t.world.lili.sessionId]);
    expect((await api(`/api/sessions?from=2000-01-01&to=2000-01-02`)).body.sessions).toEqual([]);
    expect((await api(`/api/sessions?from=not-a-date`)).status).toBe(400);
    const one = await api(`/api/sessions/${t.world.shengze.sessionId}`);
    expect(one.body.session).toMatchObject({ id: t.world.shengze.sessionId, venueName: "晓鹃工作室", status: "OPEN", deputies: ["沈晓鹃"] });
    expect((await api("/api/sessions/nope")).status).toBe(404);
  });

  it("lets staff schedule and edit a session at their own venues only", async () => {
    const input = { venueId: t.world.shengze.venueId, title: "12月接待日", theme: "冬季供暖", startsAt: "2026-12-10T01:00:00Z", endsAt: "2026-12-10T03:30:00Z", deputies: ["沈晓鹃"], slotMin: 10 };
    expect((await api("/api/sessions", { method: "POST", json: input })).status).toBe(401);
    expect((await api("/api/sessions", { method: "POST", json: input, token: t.world.tokens.staffLili })).status).toBe(403);
    expect((await api("/api/sessions", { method: "POST", json: { ...input, endsAt: "2026-12-10T00:00:00Z" }, token: t.world.tokens.staffShengze })).status).toBe(400);
    const created = await api("/api/sessions", { method: "POST", json: input, token: t.world.tokens.staffShengze });
    expect(created.status).toBe(201);
    expect(created.body.session).toMatchObject({ status: "SCHEDULED", queueOpen: false, avgServiceSec: 600, theme: "冬季供暖" });
    const id = created.body.session.id;
    const patched = await api(`/api/sessions/${id}`, { method: "PATCH", json: { theme: "供暖与保供", status: "OPEN" }, token: t.world.tokens.staffShengze });
    expect(patched.body.session).toMatchObject({ theme: "供暖与保供", status: "OPEN", queueOpen: true });
    expect((await api(`/api/sessions/${id}`, { method: "PATCH", json: { status: "SCHEDULED", bogus: 1 }, token: t.world.tokens.staffShengze })).status).toBe(400);
    expect((await api(`/api/sessions/${id}`, { method: "PATCH", json: { theme: "x" }, token: t.world.tokens.staffLili })).status).toBe(403);
    const events = await t.db.sessionEvent.findMany({ where: { sessionId: id } });
    expect(events.map((e) => e.type)).toEqual(["session.updated"]);
  });

  it("gives the full record to staff in scope only", async () => {
    const voter = await t.connect();
    await ok(voter, "queue:join", { sessionId: t.world.shengze.sessionId, name: "王小明", phone: "13900001111", topic: "t", isPublic: false });
    expect((await api(`/api/sessions/${t.world.shengze.sessionId}/record`)).status).toBe(401);
    expect((await api(`/api/sessions/${t.world.shengze.sessionId}/record`, { token: t.world.tokens.staffLili })).status).toBe(403);
    const rec = await api(`/api/sessions/${t.world.shengze.sessionId}/record`, { token: t.world.tokens.staffShengze });
    expect(rec.status).toBe(200);
    // Staff get the phone masked; the full number is an audited reveal (privacy-rights.test.ts).
    expect(rec.body.tickets[0]).toMatchObject({ name: "王小明", phone: "139****1111" });
    expect(JSON.stringify(rec.body)).not.toContain("13900001111");
    expect(rec.body.events.map((e: { seq: number }) => e.seq)).toEqual([1]);
    expect(rec.body).toHaveProperty("transcript");
    expect(rec.body).toHaveProperty("cases");
  });
});

describe("the service", () => {
  it("answers /healthz, sends security headers, and answers unknown API routes with a coded 404", async () => {
    const health = await fetch(t.url + "/healthz");
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ ok: true });
    expect(health.headers.get("x-content-type-options")).toBe("nosniff");
    expect(health.headers.get("content-security-policy")).toContain("default-src 'self'");
    expect(await api("/api/nope")).toMatchObject({ status: 404, body: { error: { code: "NOT_FOUND" } } });
    expect((await api("/api/track/ZZZZZZZZ")).status).toBe(404);
  });

  it("refuses request bodies over 64 KB", async () => {
    const res = await api("/api/auth/login", { method: "POST", json: { username: "x", password: "y".repeat(70 * 1024) } });
    expect(res).toMatchObject({ status: 400, body: { error: { code: "BAD_REQUEST" } } });
  });
});
