/** 履职 records: derived from the days' records, activities added by staff, scoped by role, scored with the admin's weights. */
import { describe, expect, it } from "vitest";
import type { DeputyRecord, DutyTable } from "../src/protocol/duty.ts";
import { playFinishedDay } from "./helpers/back-office-fixtures.ts";
import { useTestServer } from "./helpers/use-test-server.ts";

const t = useTestServer({ perTest: true });

describe("deputies' duty records", () => {
  it("count the days attended, turns, cases and activities from what was recorded, with the score's parts and a CSV", async () => {
    await playFinishedDay(t.server, t.world);
    const added = await t.http("staffShengze").post("/api/duty/activities", { deputyName: "沈晓鹃", venueId: t.world.shengze.venueId, kind: "TRAINING", title: "代表履职学习培训", date: "2026-11-20T01:00:00Z", hours: 3 });
    expect(added.status).toBe(201);

    const table = (await t.http("staffShengze").get<DutyTable>("/api/duty")).body;
    const row = table.rows.find((r) => r.deputyName === "沈晓鹃")!;
    expect(row).toMatchObject({ attendance: 1, turns: 2, cases: 1, casesResolved: 0, satisfaction: null, hours: { TRAINING: 3, VISIT: 0, SURVEY: 0, OTHER: 0 } });
    expect(row.parts).toEqual({ attendance: 10, turns: 4, casesResolved: 0, satisfaction: 0, activities: 3 });
    expect(row.score).toBe(17);
    expect(table.formula.zh).toContain("出席接待日×10");

    const csv = await t.http("staffShengze").get("/api/duty.csv");
    expect(csv.status).toBe(200);
    expect(csv.text).toContain("沈晓鹃");
    expect(csv.text).toContain("积分 =");
  });

  it("a deputy reads their own record only; other towns' staff do not see it; a voter is refused", async () => {
    await playFinishedDay(t.server, t.world);
    await t.db.user.update({ where: { username: "deputy.xiaojuan" }, data: { displayName: "沈晓鹃" } });
    const own = await t.http("deputyShengze").get<DeputyRecord>(`/api/duty/deputies/${encodeURIComponent("沈晓鹃")}`);
    expect(own.status).toBe(200);
    expect(own.body.row.attendance).toBe(1);
    expect(own.body.days).toHaveLength(1);
    expect((await t.http("deputyShengze").get(`/api/duty/deputies/${encodeURIComponent("别人")}`)).status).toBe(403);
    expect((await t.http("deputyShengze").get<DutyTable>("/api/duty")).body.rows.map((r) => r.deputyName)).toEqual(["沈晓鹃"]);
    expect((await t.http("staffLili").get<DutyTable>("/api/duty")).body.rows).toEqual([]);
    expect((await t.http().get("/api/duty")).status).toBe(401);
    expect((await t.http("deputyShengze").post("/api/duty/activities", { deputyName: "沈晓鹃", venueId: t.world.shengze.venueId, kind: "VISIT", title: "走访", date: "2026-11-20T01:00:00Z", hours: 1 })).status).toBe(403);
    expect((await t.http("staffLili").post("/api/duty/activities", { deputyName: "沈晓鹃", venueId: t.world.shengze.venueId, kind: "VISIT", title: "走访", date: "2026-11-20T01:00:00Z", hours: 1 })).status).toBe(403);
  });

  it("the admin's weights change the score; only an admin may set them", async () => {
    await playFinishedDay(t.server, t.world);
    const weights = { attendance: 1, turn: 10, caseResolved: 0, satisfaction: 0, activityHour: 0 };
    expect((await t.http("staffShengze").put("/api/duty/weights", weights)).status).toBe(403);
    expect((await t.http("admin").put("/api/duty/weights", { ...weights, turn: -1 })).status).toBe(400);
    expect((await t.http("admin").put("/api/duty/weights", weights)).status).toBe(200);
    const row = (await t.http("staffShengze").get<DutyTable>("/api/duty")).body.rows.find((r) => r.deputyName === "沈晓鹃")!;
    expect(row.score).toBe(21);
  });
});
