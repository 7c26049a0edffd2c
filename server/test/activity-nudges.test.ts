/** GET /api/insights/nudges: stations and groups without activity this month, overdue cases, the coming week — scoped. */
import { beforeEach, describe, expect, it } from "vitest";
import type { NudgeReport, VenueNudges } from "../src/protocol/nudges.ts";
import { MARCH_NOW, seedNudgeMonth, VOTER, type NudgeWorld } from "./helpers/nudge-fixtures.ts";
import { useTestServer } from "./helpers/use-test-server.ts";

const t = useTestServer({ perTest: true, clock: "fixed" });
let w: NudgeWorld;

beforeEach(async () => {
  t.clock.advance(MARCH_NOW.getTime() - t.clock.now().getTime());
  w = await seedNudgeMonth(t.db, t.world);
});

const nudges = async (user: "admin" | "staffShengze" | "staffLili" | "deputyShengze", month = "2026-03") => {
  const res = await t.http(user).get(`/api/insights/nudges?month=${month}`);
  expect(res.status).toBe(200);
  return res.body as NudgeReport;
};
const byId = (r: NudgeReport) => new Map<string, VenueNudges>(r.venues.map((v) => [v.venueId, v]));

describe("activity nudges", () => {
  it("flag the station with nothing this month — not the one with a day, nor the one with only a duty activity — and the group of that station", async () => {
    const r = await nudges("staffShengze");
    expect(r).toMatchObject({ month: "2026-03", from: "2026-02-28T16:00:00.000Z", to: "2026-03-31T16:00:00.000Z", at: MARCH_NOW.toISOString() });
    const v = byId(r);
    expect([...v.keys()].sort()).toEqual([w.held, w.dutyOnly, w.idle, t.world.shengze.venueId].sort());
    expect(v.get(w.held)).toMatchObject({ activity: { sessions: 2, dutyActivities: 0 }, inactive: false });
    expect(v.get(w.dutyOnly)).toMatchObject({ activity: { sessions: 0, dutyActivities: 1 }, inactive: false });
    // its scheduled day passed without opening, and February's day is another month
    expect(v.get(w.idle)).toMatchObject({ activity: { sessions: 0, dutyActivities: 0 }, inactive: true });
    // a studio is not a station: never flagged
    expect(v.get(t.world.shengze.venueId)).toMatchObject({ kind: "STUDIO", inactive: false });
    expect(Object.fromEntries(r.groups.map((g) => [g.groupId, g.inactive]))).toEqual({ [w.groups.held]: false, [w.groups.dutyOnly]: false, [w.groups.idle]: true });
  });

  it("list overdue cases apart from those due within the week, by tracking code and due date, and the coming day without deputies", async () => {
    const r = await nudges("staffShengze");
    const idle = byId(r).get(w.idle)!;
    expect(idle.overdue).toEqual({
      count: 1,
      oldestDueAt: "2026-03-01T00:00:00.000Z",
      cases: [{ id: w.cases.idleOverdue, trackingCode: "QB0001", category: "市政设施", status: "IN_PROGRESS", dueAt: "2026-03-01T00:00:00.000Z" }],
    });
    expect(idle.dueSoon.cases.map((c) => c.trackingCode)).toEqual(["QB0002"]);
    expect(byId(r).get(w.held)!.days).toEqual([
      { sessionId: w.comingDay, title: "代表接待日", startsAt: "2026-03-13T01:00:00.000Z", deputies: [], noDeputies: true, bookings: 1 },
    ]);
    expect(r.totals).toEqual({ inactiveVenues: 1, inactiveGroups: 1, overdue: 1, oldestOverdueDueAt: "2026-03-01T00:00:00.000Z", dueSoon: 1, daysWithoutDeputies: 1 });
    const wire = JSON.stringify(r);
    expect(wire).not.toContain(VOTER.name);
    expect(wire).not.toContain(VOTER.phone);
    expect(wire).not.toContain("李四");
  });

  it("are scoped: 盛泽镇's staff and deputy never see 黎里镇, 黎里镇's staff see only their station, an admin sees both", async () => {
    for (const user of ["staffShengze", "deputyShengze"] as const) {
      const r = await nudges(user);
      expect(byId(r).has(t.world.lili.venueId)).toBe(false);
      expect(JSON.stringify(r)).not.toContain("SH0001");
    }
    const lili = await nudges("staffLili");
    expect(lili.venues.map((v) => v.venueId)).toEqual([t.world.lili.venueId]);
    expect(lili.groups).toEqual([]);
    expect(lili.venues[0]).toMatchObject({ inactive: true, overdue: { count: 1, oldestDueAt: "2026-03-03T00:00:00.000Z" } });
    expect(lili.totals).toMatchObject({ inactiveVenues: 1, overdue: 1 });

    const all = await nudges("admin");
    expect(byId(all).get(t.world.lili.venueId)!.inactive).toBe(true);
    expect(all.totals).toMatchObject({ inactiveVenues: 2, inactiveGroups: 1, overdue: 2, oldestOverdueDueAt: "2026-03-01T00:00:00.000Z" });
  });

  it("default to this China-time month, read another month, and refuse a malformed one or an anonymous caller", async () => {
    expect((await t.http("staffShengze").get("/api/insights/nudges")).body.month).toBe("2026-03");
    const feb = await nudges("staffShengze", "2026-02");
    // February: the idle station's ENDED day counts there, and overdue is still measured at now
    expect(byId(feb).get(w.idle)).toMatchObject({ activity: { sessions: 1, dutyActivities: 0 }, inactive: false, overdue: { count: 1 } });
    expect(byId(feb).get(w.held)!.inactive).toBe(true);
    expect((await t.http("staffShengze").get("/api/insights/nudges?month=2026-13")).status).toBe(400);
    expect((await t.http().get("/api/insights/nudges")).status).toBe(401);
  });
});
