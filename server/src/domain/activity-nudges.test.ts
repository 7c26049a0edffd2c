import { describe, expect, it } from "vitest";
import { activityOf, digestOf, nudgesOf, type NudgeFacts } from "./activity-nudges.ts";
import { cnMonthOf, isoWeekOf, monthPeriod, weeklyDueAt } from "./cn-calendar.ts";

const at = (s: string) => new Date(s);
const DECEMBER = monthPeriod("2026-12");
// Wednesday 9 December 2026, 10:00 in Shanghai
const NOW = at("2026-12-09T02:00:00Z");

function facts(over: Partial<NudgeFacts> = {}): NudgeFacts {
  return {
    venues: [
      { id: "held", name: "有接待日的站", town: "盛泽镇", kind: "STATION", deputyGroupId: "g1" },
      { id: "duty", name: "只有履职活动的站", town: "盛泽镇", kind: "STATION", deputyGroupId: "g2" },
      { id: "idle", name: "没有活动的站", town: "盛泽镇", kind: "STATION", deputyGroupId: "g2" },
      { id: "studio", name: "工作室", town: "盛泽镇", kind: "STUDIO", deputyGroupId: "g3" },
    ],
    groups: [
      { id: "g1", name: "一组", town: "盛泽镇" },
      { id: "g2", name: "二组", town: "盛泽镇" },
      { id: "g3", name: "三组", town: "盛泽镇" },
      { id: "empty", name: "空组", town: "盛泽镇" },
    ],
    sessions: [
      { id: "s1", venueId: "held", title: "接待日", startsAt: at("2026-12-02T01:00:00Z"), endsAt: at("2026-12-02T04:00:00Z"), status: "ENDED", deputies: ["沈晓鹃"], bookings: 0 },
    ],
    activities: [{ venueId: "duty", date: at("2026-12-03T00:00:00Z") }],
    cases: [],
    ...over,
  };
}

describe("China-time calendar", () => {
  it("cuts months and ISO weeks at Shanghai midnight", () => {
    expect(DECEMBER).toEqual({ from: at("2026-11-30T16:00:00Z"), to: at("2026-12-31T16:00:00Z") });
    expect(cnMonthOf(at("2026-11-30T16:00:00Z"))).toBe("2026-12");
    expect(cnMonthOf(at("2026-11-30T15:59:59Z"))).toBe("2026-11");
    // Monday 7 December 2026 00:00 Shanghai = Sunday 16:00 UTC
    expect(isoWeekOf(NOW)).toEqual({ label: "2026-W50", start: at("2026-12-06T16:00:00Z"), end: at("2026-12-13T16:00:00Z") });
    expect(isoWeekOf(at("2026-12-06T15:59:00Z")).label).toBe("2026-W49");
    expect(isoWeekOf(at("2027-01-01T04:00:00Z")).label).toBe("2026-W53");
    expect(isoWeekOf(at("2027-01-04T04:00:00Z")).label).toBe("2027-W01");
    expect(weeklyDueAt(isoWeekOf(NOW), 1, 8)).toEqual(at("2026-12-07T00:00:00Z"));
  });
});

describe("activity nudges", () => {
  it("flags the station with nothing this month, not the one with a day nor the one with only a duty activity", () => {
    const r = nudgesOf(facts(), { month: DECEMBER, now: NOW, defaultDueDays: 30 });
    expect(r.venues.map((v) => [v.venueId, v.activity, v.inactive])).toEqual([
      ["held", { sessions: 1, dutyActivities: 0 }, false],
      ["duty", { sessions: 0, dutyActivities: 1 }, false],
      ["idle", { sessions: 0, dutyActivities: 0 }, true],
      // only stations are flagged
      ["studio", { sessions: 0, dutyActivities: 0 }, false],
    ]);
    // a group is active when any of its venues is; a group without venues is not listed
    expect(r.groups.map((g) => [g.groupId, g.inactive])).toEqual([
      ["g1", false],
      ["g2", false],
      ["g3", true],
    ]);
    expect(r.totals).toMatchObject({ inactiveVenues: 1, inactiveGroups: 1 });
  });

  it("counts a day still to come this month, but not a scheduled day that passed without opening, nor last month's", () => {
    const sessions: NudgeFacts["sessions"] = [
      { id: "later", venueId: "a", title: "", startsAt: at("2026-12-20T01:00:00Z"), endsAt: at("2026-12-20T04:00:00Z"), status: "SCHEDULED", deputies: [], bookings: 0 },
      { id: "missed", venueId: "b", title: "", startsAt: at("2026-12-02T01:00:00Z"), endsAt: at("2026-12-02T04:00:00Z"), status: "SCHEDULED", deputies: [], bookings: 0 },
      { id: "november", venueId: "c", title: "", startsAt: at("2026-11-30T15:00:00Z"), endsAt: at("2026-11-30T15:30:00Z"), status: "ENDED", deputies: [], bookings: 0 },
    ];
    const count = (id: string) => activityOf(new Set([id]), { sessions, activities: [] }, DECEMBER, NOW).sessions;
    expect([count("a"), count("b"), count("c")]).toEqual([1, 0, 0]);
  });

  it("lists overdue cases apart from those due within the week, by due date, ignoring settled ones", () => {
    const c = (id: string, dueAt: string | null, status: NudgeFacts["cases"][number]["status"] = "OPEN", createdAt = "2026-12-01T00:00:00Z") => ({
      id, trackingCode: `T-${id}`, venueId: "idle", category: "交通", status, createdAt: at(createdAt), dueAt: dueAt ? at(dueAt) : null,
    });
    const r = nudgesOf(
      facts({
        cases: [
          c("late2", "2026-12-05T00:00:00Z", "IN_PROGRESS"),
          c("late1", null, "ASSIGNED", "2026-10-01T00:00:00Z"), // default 30 days → due 31 October
          c("soon", "2026-12-15T00:00:00Z"),
          c("later", "2026-12-20T00:00:00Z"),
          c("done", "2026-12-01T00:00:00Z", "RESOLVED"),
        ],
      }),
      { month: DECEMBER, now: NOW, defaultDueDays: 30 },
    );
    const idle = r.venues.find((v) => v.venueId === "idle")!;
    expect(idle.overdue).toMatchObject({ count: 2, oldestDueAt: "2026-10-31T00:00:00.000Z" });
    expect(idle.overdue.cases.map((x) => x.trackingCode)).toEqual(["T-late1", "T-late2"]);
    expect(idle.dueSoon.cases.map((x) => x.trackingCode)).toEqual(["T-soon"]);
    expect(r.totals).toMatchObject({ overdue: 2, oldestOverdueDueAt: "2026-10-31T00:00:00.000Z", dueSoon: 1 });
  });

  it("lists the coming week's days and which have no deputy, and digests it all by tracking code only", () => {
    const r = nudgesOf(
      facts({
        sessions: [
          { id: "next", venueId: "idle", title: "接待日", startsAt: at("2026-12-11T01:00:00Z"), endsAt: at("2026-12-11T04:00:00Z"), status: "SCHEDULED", deputies: [], bookings: 3 },
          { id: "far", venueId: "idle", title: "接待日", startsAt: at("2026-12-17T01:00:00Z"), endsAt: at("2026-12-17T04:00:00Z"), status: "SCHEDULED", deputies: ["沈晓鹃"], bookings: 0 },
        ],
        activities: [],
        cases: [{ id: "x", trackingCode: "TX1", venueId: "idle", category: "环境", status: "OPEN", createdAt: at("2026-11-01T00:00:00Z"), dueAt: at("2026-12-08T00:00:00Z") }],
      }),
      { month: DECEMBER, now: NOW, defaultDueDays: 30 },
    );
    const idle = r.venues.find((v) => v.venueId === "idle")!;
    // the far day (8 days ahead) is outside the week but still counts as December activity
    expect(idle.inactive).toBe(false);
    expect(idle.days).toEqual([{ sessionId: "next", title: "接待日", startsAt: "2026-12-11T01:00:00.000Z", deputies: [], noDeputies: true, bookings: 3 }]);
    expect(r.totals.daysWithoutDeputies).toBe(1);
    const d = digestOf(idle, "2026-12", "2026-W50", NOW, [{ userId: "u1", displayName: "王芳" }]);
    expect(d).toEqual({
      kind: "weekly-digest",
      venueId: "idle",
      venueName: "没有活动的站",
      week: "2026-W50",
      at: NOW.toISOString(),
      recipients: [{ userId: "u1", displayName: "王芳" }],
      counts: { overdue: 1, dueSoon: 0, days: 1 },
      items: [
        { type: "overdue-case", trackingCode: "TX1", category: "环境", dueAt: "2026-12-08T00:00:00.000Z" },
        { type: "day", sessionId: "next", title: "接待日", startsAt: "2026-12-11T01:00:00.000Z", deputies: [], noDeputies: true, bookings: 3 },
      ],
    });
  });
});
