import { describe, expect, it } from "vitest";
import type { AdminUserView, AdminVenueView } from "../src/protocol/back-office.ts";
import { http } from "./helpers/back-office-fixtures.ts";
import { useTestServer } from "./helpers/use-test-server.ts";

// A manually set stream address must come from an allowed origin (MEDIA_ORIGINS).
const t = useTestServer({ perTest: true, config: { mediaOrigins: ["https://live.example.cn"] } });

const admin = () => t.http("admin");

describe("accounts (/api/admin/users)", () => {
  it("are for admins only", async () => {
    expect((await t.http().get("/api/admin/users")).status).toBe(401);
    for (const token of [t.world.tokens.staffShengze, t.world.tokens.deputyShengze]) {
      expect((await http(t.server, token).get("/api/admin/users")).status).toBe(403);
      expect((await http(t.server, token).post("/api/admin/users", { username: "x" })).status).toBe(403);
    }
    const list = await admin().get<{ users: AdminUserView[] }>("/api/admin/users");
    expect(list.body.users.map((u) => u.username)).toEqual(["admin", "deputy.xiaojuan", "staff.lili", "staff.shengze"]);
    expect(JSON.stringify(list.body)).not.toContain("passwordHash");
  });

  it("creates a clerk who can log in, then disables them and their tokens stop working", async () => {
    const created = await admin().post<{ user: AdminUserView }>("/api/admin/users", {
      username: "staff.tongli",
      displayName: "同里镇工作人员",
      role: "STAFF",
      password: "Hexi-Bridge-27",
      venueIds: [t.world.lili.venueId],
    });
    expect(created.status).toBe(201);
    expect(created.body.user).toMatchObject({ username: "staff.tongli", role: "STAFF", venueIds: [t.world.lili.venueId], disabled: false });
    const login = await t.http().post<{ token: string }>("/api/auth/login", { username: "staff.tongli", password: "Hexi-Bridge-27" });
    expect(login.status).toBe(200);
    const token = login.body.token;
    // The admin's password is an initial one: the clerk chooses their own first (account-security.test.ts).
    expect((await http(t.server, token).post("/api/auth/password", { current: "Hexi-Bridge-27", next: "Lantern-Quay-58" })).status).toBe(200);
    expect((await http(t.server, token).get(`/api/sessions/${t.world.lili.sessionId}/record`)).status).toBe(200);
    expect((await http(t.server, token).get(`/api/sessions/${t.world.shengze.sessionId}/record`)).status).toBe(403);

    // Widen the scope, then disable.
    const scoped = await admin().patch<{ user: AdminUserView }>(`/api/admin/users/${created.body.user.id}`, { venueIds: [t.world.lili.venueId, t.world.shengze.venueId] });
    expect(scoped.body.user.venueIds.sort()).toEqual([t.world.lili.venueId, t.world.shengze.venueId].sort());
    expect((await http(t.server, token).get(`/api/sessions/${t.world.shengze.sessionId}/record`)).status).toBe(200);
    const disabled = await admin().patch<{ user: AdminUserView }>(`/api/admin/users/${created.body.user.id}`, { disabled: true });
    expect(disabled.body.user.disabled).toBe(true);
    expect((await http(t.server, token).get("/api/auth/me")).status).toBe(401);
    expect((await t.db.authToken.findMany({ where: { userId: created.body.user.id, revokedAt: null } })).length).toBe(0);
    expect((await t.http().post("/api/auth/login", { username: "staff.tongli", password: "Lantern-Quay-58" })).status).toBe(401);
  });

  it("resets a password: the old one and old tokens stop working", async () => {
    const user = await t.db.user.findUniqueOrThrow({ where: { username: "staff.lili" } });
    const res = await admin().post(`/api/admin/users/${user.id}/password`, { password: "Brand-New-Pass-7" });
    expect(res.status).toBe(200);
    expect((await t.http("staffLili").get("/api/auth/me")).status).toBe(401);
    expect((await t.http().post("/api/auth/login", { username: "staff.lili", password: "Brand-New-Pass-7" })).status).toBe(200);
    const short = await admin().post(`/api/admin/users/${user.id}/password`, { password: "short" });
    expect(short.status).toBe(400);
    expect(short.body.error.details).toEqual({ password: "password.tooShort" });
    expect((await admin().post(`/api/admin/users/nope/password`, { password: "Brand-New-Pass-7" })).status).toBe(404);
  });

  it("validates new accounts: 400 with details, 409 on a taken username", async () => {
    const bad = await admin().post("/api/admin/users", { username: "has space", displayName: "", role: "BOSS", password: "x", venueIds: ["nope"] });
    expect(bad.status).toBe(400);
    // The password's own rules are the policy's, once the form is well formed (account-security.test.ts).
    expect(Object.keys(bad.body.error.details).sort()).toEqual(["displayName", "role", "username"]);
    const unknownVenue = await admin().post("/api/admin/users", { username: "d2", displayName: "代表", role: "DEPUTY", password: "Hexi-Bridge-27", venueIds: ["nope"] });
    expect(unknownVenue.status).toBe(400);
    expect(unknownVenue.body.error.details).toEqual({ venueIds: "unknown venue" });
    const taken = await admin().post("/api/admin/users", { username: "staff.lili", displayName: "x", role: "STAFF", password: "Hexi-Bridge-27" });
    expect(taken.status).toBe(409);
    expect(await t.db.user.count()).toBe(4);
  });

  it("will not let the last admin disable or demote themselves", async () => {
    const me = await t.db.user.findUniqueOrThrow({ where: { username: "admin" } });
    expect((await admin().patch(`/api/admin/users/${me.id}`, { disabled: true })).status).toBe(409);
    expect((await admin().patch(`/api/admin/users/${me.id}`, { role: "STAFF" })).status).toBe(409);
    expect((await admin().patch(`/api/admin/users/${me.id}`, { displayName: "管理员" })).status).toBe(200);
    expect((await admin().patch(`/api/admin/users/${me.id}`, {})).status).toBe(400);
    expect((await admin().patch(`/api/admin/users/nope`, { disabled: true })).status).toBe(404);
  });
});

describe("venues and deputy groups (/api/admin/venues, /api/admin/deputy-groups)", () => {
  it("builds the 家→站→室 tree, which the public venue list then shows", async () => {
    const group = await admin().post("/api/admin/deputy-groups", { name: "同里镇代表小组", town: "同里镇" });
    expect(group.status).toBe(201);
    const home = await admin().post<{ venue: AdminVenueView }>("/api/admin/venues", { name: "同里镇人大代表之家", kind: "HOME", town: "同里镇", deputyGroupId: group.body.deputyGroup.id });
    expect(home.status).toBe(201);
    const station = await admin().post<{ venue: AdminVenueView }>("/api/admin/venues", {
      name: "肖甸湖村联络站",
      kind: "STATION",
      town: "同里镇",
      address: "肖甸湖村村委会",
      parentId: home.body.venue.id,
    });
    expect(station.body.venue).toMatchObject({ parentId: home.body.venue.id, address: "肖甸湖村村委会" });
    const tree = await t.http().get<{ venues: { name: string; deputyGroupName: string | null; children: { name: string }[] }[] }>("/api/venues");
    const root = tree.body.venues.find((v) => v.name === "同里镇人大代表之家")!;
    expect(root.deputyGroupName).toBe("同里镇代表小组");
    expect(root.children.map((c) => c.name)).toEqual(["肖甸湖村联络站"]);

    const renamed = await admin().patch<{ venue: AdminVenueView }>(`/api/admin/venues/${station.body.venue.id}`, { name: "肖甸湖村人大代表联络站" });
    expect(renamed.body.venue.name).toBe("肖甸湖村人大代表联络站");
    const regrouped = await admin().patch(`/api/admin/deputy-groups/${group.body.deputyGroup.id}`, { name: "同里代表小组" });
    expect(regrouped.body.deputyGroup.name).toBe("同里代表小组");
  });

  it("refuses loops, a station above its home, unknown references and taken names", async () => {
    const home = (await admin().post<{ venue: AdminVenueView }>("/api/admin/venues", { name: "家", kind: "HOME", town: "镇" })).body.venue;
    const station = (await admin().post<{ venue: AdminVenueView }>("/api/admin/venues", { name: "站", kind: "STATION", town: "镇", parentId: home.id })).body.venue;
    const loop = await admin().patch(`/api/admin/venues/${home.id}`, { parentId: station.id });
    expect(loop.status).toBe(400);
    expect(loop.body.error.details).toEqual({ parentId: "a HOME cannot sit under a STATION" });
    const self = await admin().patch(`/api/admin/venues/${station.id}`, { parentId: station.id });
    expect(self.status).toBe(409);
    const home2 = (await admin().post<{ venue: AdminVenueView }>("/api/admin/venues", { name: "家2", kind: "HOME", town: "镇", parentId: home.id })).body.venue;
    expect((await admin().patch(`/api/admin/venues/${home.id}`, { parentId: home2.id })).status).toBe(409);
    expect((await admin().patch(`/api/admin/venues/${home.id}`, { kind: "STUDIO" })).status).toBe(400);
    const unknown = await admin().post("/api/admin/venues", { name: "室", kind: "STUDIO", town: "镇", parentId: "nope", deputyGroupId: "nope" });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details).toEqual({ deputyGroupId: "no such deputy group" });
    expect((await admin().post("/api/admin/venues", { name: "家", kind: "HOME", town: "镇" })).status).toBe(409);
    expect((await admin().post("/api/admin/venues", { name: "", kind: "TOWER" })).body.error.details).toMatchObject({ name: expect.any(String), kind: expect.any(String), town: expect.any(String) });
    expect((await admin().patch(`/api/admin/venues/nope`, { name: "x" })).status).toBe(404);
    expect((await admin().post("/api/admin/deputy-groups", { name: "g", town: "镇" })).status).toBe(201);
    expect((await admin().post("/api/admin/deputy-groups", { name: "g", town: "镇" })).status).toBe(409);
    expect((await t.http("staffLili").post("/api/admin/venues", { name: "x", kind: "HOME", town: "镇" })).status).toBe(403);
    expect((await t.http("staffLili").post("/api/admin/deputy-groups", { name: "x", town: "镇" })).status).toBe(403);
  });
});

describe("scheduling through the existing session routes", () => {
  it("lets staff schedule and edit a day at their venue, and the public list shows it", async () => {
    const staff = t.http("staffLili");
    const startsAt = new Date(Date.now() + 7 * 86_400_000);
    const created = await staff.post("/api/sessions", {
      venueId: t.world.lili.venueId,
      title: "十二月代表接待日",
      theme: "老旧小区改造",
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 3 * 3600_000).toISOString(),
      deputies: ["张代表", "李代表"],
      slotMin: 10,
      walkInHeadStartMin: 15,
    });
    expect(created.status).toBe(201);
    const id = created.body.session.id as string;
    const edited = await staff.patch(`/api/sessions/${id}`, { theme: "老旧小区加装电梯", streamUrl: "https://live.example.cn/x.m3u8" });
    expect(edited.body.session).toMatchObject({ theme: "老旧小区加装电梯", slotMin: 10, walkInHeadStartMin: 15, deputies: ["张代表", "李代表"] });
    const list = await t.http().get(`/api/sessions?venueId=${t.world.lili.venueId}&theme=${encodeURIComponent("加装电梯")}`);
    expect(list.body.sessions.map((s: { id: string }) => s.id)).toEqual([id]);
    expect((await t.http("staffShengze").patch(`/api/sessions/${id}`, { theme: "x" })).status).toBe(403);
  });
});
