/**
 * Staff accounts at level 2 (docs/SECURITY.md): the password policy wherever
 * a password is set, the forced change of an initial password, the idle
 * timeout, and the change itself audited without personal data. Runs on
 * SQLite and PostgreSQL.
 */
import { describe, expect, it } from "vitest";
import { createConsoleAdmin } from "../src/services/privacy-and-accounts/admin-accounts.ts";
import { http } from "./helpers/back-office-fixtures.ts";
import { call } from "./helpers/test-server.ts";
import { useTestServer } from "./helpers/use-test-server.ts";

const MIN = 60_000;
const t = useTestServer({ perTest: true, clock: "fixed", config: { tokenIdleTtlMs: 10 * MIN } });

// Every step hashes or checks a password with scrypt (N=2^17): generous on a busy machine.
const SLOW = { timeout: 120_000 };

const INITIAL = "Hexi-Bridge-27";
const CHOSEN = "Lantern-Quay-58";

async function createClerk(password = INITIAL) {
  return t.http("admin").post("/api/admin/users", {
    username: "staff.tongli",
    displayName: "同里镇工作人员",
    role: "STAFF",
    password,
    venueIds: [t.world.shengze.venueId],
  });
}

async function loginClerk(password = INITIAL): Promise<string> {
  const res = await t.http().post<{ token: string; user: { mustChangePassword: boolean } }>("/api/auth/login", { username: "staff.tongli", password });
  expect(res.status).toBe(200);
  return res.body.token;
}

describe("the password policy", SLOW, () => {
  it("refuses a weak password for a new account with a coded field error, and creates nothing", async () => {
    const before = await t.db.user.count();
    for (const [password, problem] of [
      ["Short-1", "password.tooShort"],
      ["lanternquaybridge", "password.fewKinds"],
      ["Staff.Tongli-2026", "password.hasUsername"],
      ["P@ssw0rd-2024", "password.common"],
    ] as const) {
      const res = await createClerk(password);
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ code: "BAD_REQUEST", details: { password: problem } });
    }
    expect(await t.db.user.count()).toBe(before);
    expect((await createClerk()).status).toBe(201);
  });

  it("refuses a weak password when an admin resets one, and keeps the old one working", async () => {
    const lili = await t.db.user.findUniqueOrThrow({ where: { username: "staff.lili" } });
    const res = await t.http("admin").post(`/api/admin/users/${lili.id}/password`, { password: "lili-lili-lili" });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual({ password: "password.hasUsername" });
    expect((await t.http("staffLili").get("/api/auth/me")).status).toBe(200);
  });

  it("gives the server's console the same policy for an admin account, an initial password, and an audit entry", async () => {
    expect(await createConsoleAdmin(t.db, { username: "root.admin", displayName: "", password: "tongxin-demo" }, new Date())).toEqual({ problem: "password.common" });
    expect(await createConsoleAdmin(t.db, { username: "admin", displayName: "", password: INITIAL }, new Date())).toEqual({ problem: "username.taken" });
    const made = await createConsoleAdmin(t.db, { username: "root.admin", displayName: "区人大办管理员", password: INITIAL }, new Date());
    expect(made).toHaveProperty("id");
    expect(await t.db.user.findUniqueOrThrow({ where: { username: "root.admin" } })).toMatchObject({ role: "ADMIN", mustChangePassword: true });
    const entry = await t.db.auditEntry.findFirstOrThrow({ where: { action: "user.create", username: "(console)" } });
    expect(entry.target).toBe(`user:${(made as { id: string }).id}`);
  });
});

describe("an initial password", SLOW, () => {
  it("must be changed before anything else: every other staff call answers 403 PASSWORD_CHANGE_REQUIRED", async () => {
    await createClerk();
    const token = await loginClerk();
    const me = await http(t.server, token).get("/api/auth/me");
    expect(me.status).toBe(200);
    expect(me.body.user).toMatchObject({ username: "staff.tongli", mustChangePassword: true });

    const record = await http(t.server, token).get(`/api/sessions/${t.world.shengze.sessionId}/record`);
    expect(record.status).toBe(403);
    expect(record.body.error.code).toBe("PASSWORD_CHANGE_REQUIRED");
    expect((await http(t.server, token).get("/api/cases")).body.error.code).toBe("PASSWORD_CHANGE_REQUIRED");

    // The live protocol too: no staff event, and only the public projection (no phones).
    await t.joinVoters(["王芳"]);
    const socket = await t.connect({ token });
    expect(await call(socket, "hall:callNext", { sessionId: t.world.shengze.sessionId })).toMatchObject({ ok: false, error: { code: "PASSWORD_CHANGE_REQUIRED" } });
    const watched = await call(socket, "session:watch", { sessionId: t.world.shengze.sessionId });
    expect(watched.ok).toBe(true);
    expect(JSON.stringify(watched)).toContain("王*");
    expect(JSON.stringify(watched)).not.toContain("王芳");
    expect(await t.db.ticket.count({ where: { sessionId: t.world.shengze.sessionId, status: "CALLED" } })).toBe(0);
  });

  it("is changed with the current one and a strong new one; the other logins end, this one goes on", async () => {
    const { body } = await createClerk();
    const token = await loginClerk();
    const other = await loginClerk();
    const change = (current: string, next: string) => http(t.server, token).post("/api/auth/password", { current, next });

    const wrong = await change("not-the-password-1", CHOSEN);
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.details).toEqual({ current: "password.wrongCurrent" });
    expect((await change(INITIAL, "tongli-river-9A")).body.error.details).toEqual({ next: "password.hasUsername" });
    expect((await change(INITIAL, "short")).body.error.details).toEqual({ next: "password.tooShort" });
    expect((await change(INITIAL, INITIAL)).body.error.details).toEqual({ next: "password.unchanged" });
    expect((await t.db.user.findUniqueOrThrow({ where: { id: body.user.id } })).mustChangePassword).toBe(true);

    const done = await change(INITIAL, CHOSEN);
    expect(done.status).toBe(200);
    expect(done.body.user.mustChangePassword).toBe(false);
    expect((await http(t.server, token).get(`/api/sessions/${t.world.shengze.sessionId}/record`)).status).toBe(200);
    expect((await http(t.server, other).get("/api/auth/me")).status).toBe(401);
    expect((await t.http().post("/api/auth/login", { username: "staff.tongli", password: INITIAL })).status).toBe(401);
    expect((await t.http().post("/api/auth/login", { username: "staff.tongli", password: CHOSEN })).status).toBe(200);
  });

  it("is asked for again after an admin resets the password", async () => {
    await createClerk();
    const token = await loginClerk();
    await http(t.server, token).post("/api/auth/password", { current: INITIAL, next: CHOSEN });
    const clerk = await t.db.user.findUniqueOrThrow({ where: { username: "staff.tongli" } });
    expect((await t.http("admin").post(`/api/admin/users/${clerk.id}/password`, { password: "Reset-Given-42" })).status).toBe(200);
    const again = await loginClerk("Reset-Given-42");
    expect((await http(t.server, again).get("/api/cases")).body.error.code).toBe("PASSWORD_CHANGE_REQUIRED");
  });

  it("is audited as auth.password with its result and no password; the waiting account's page loads are no access.denied noise", async () => {
    await createClerk();
    const token = await loginClerk();
    await http(t.server, token).get("/api/cases");
    await http(t.server, token).get(`/api/sessions/${t.world.shengze.sessionId}/record`);
    // A write tried meanwhile is recorded as that write, refused with the code.
    await http(t.server, token).post("/api/cases/x/notes", { text: "n" });
    await http(t.server, token).post("/api/auth/password", { current: "not-the-password-1", next: CHOSEN });
    await http(t.server, token).post("/api/auth/password", { current: INITIAL, next: CHOSEN });

    const rows = await t.db.auditEntry.findMany({ where: { username: "staff.tongli" }, orderBy: { seq: "asc" } });
    expect(rows.map((r) => [r.action, r.result])).toEqual([
      ["case.note", "PASSWORD_CHANGE_REQUIRED"],
      ["auth.password", "BAD_REQUEST"],
      ["auth.password", "ok"],
    ]);
    const text = JSON.stringify(rows);
    for (const secret of [INITIAL, CHOSEN, "not-the-password-1"]) expect(text).not.toContain(secret);
    expect((await t.http("admin").get("/api/audit/verify")).body.ok).toBe(true);
  });

  it("wrong current passwords count against the login limits", async () => {
    await createClerk();
    const token = await loginClerk();
    const tries = [];
    for (let i = 0; i < 6; i++) tries.push((await http(t.server, token).post("/api/auth/password", { current: `wrong-guess-${i}`, next: CHOSEN })).status);
    expect(tries).toEqual([400, 400, 400, 400, 400, 429]);
  });

  it("is never asked of an account that did not get its password from an admin (the demo's: demo-seed.test.ts)", async () => {
    expect((await t.http("staffShengze").get("/api/cases")).status).toBe(200);
    expect(await t.db.user.count({ where: { mustChangePassword: true } })).toBe(0);
  });
});

describe("the idle timeout", SLOW, () => {
  it("slides with use and ends a login left alone for TOKEN_IDLE_TTL_MS", async () => {
    await t.addUserWithPassword({ username: "clerk.idle", password: CHOSEN, role: "STAFF", venues: ["shengze"] });
    const login = await t.http().post<{ token: string }>("/api/auth/login", { username: "clerk.idle", password: CHOSEN });
    const me = () => http(t.server, login.body.token).get("/api/auth/me");
    for (let i = 0; i < 3; i++) {
      t.clock.advance(9 * MIN);
      expect((await me()).status).toBe(200); // 27 minutes in use, never 10 idle
    }
    t.clock.advance(10 * MIN + 1000);
    const ended = await me();
    expect(ended.status).toBe(401);
    expect(ended.body.error.code).toBe("UNAUTHENTICATED");
    expect((await http(t.server, login.body.token).get("/api/cases")).status).toBe(401);
  });

  it("leaves the cookie without a lifetime of its own, so only the server's sliding timeout ends a login", async () => {
    await t.addUserWithPassword({ username: "clerk.cookie", password: CHOSEN, role: "STAFF", venues: ["shengze"] });
    const res = await fetch(`${t.url}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username: "clerk.cookie", password: CHOSEN }) });
    const cookie = res.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^tongxin_token=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Max-Age|Expires/i);
  });
});
