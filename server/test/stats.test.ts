import { beforeEach, describe, expect, it } from "vitest";
import { parseCsv } from "../src/domain/csv.ts";
import { DEFAULT_WEIGHTS } from "../src/domain/scoring.ts";
import type { ScoringWeightsView, StatsReport } from "../src/protocol/back-office.ts";
import { http, playFinishedDay, type FinishedDay } from "./helpers/back-office-fixtures.ts";
import { useTestServer } from "./helpers/use-test-server.ts";

const t = useTestServer({ perTest: true });
let day: FinishedDay;
beforeEach(async () => {
  day = await playFinishedDay(t.server, t.world);
});

async function stats(query = "", token = t.world.tokens.staffShengze): Promise<StatsReport> {
  const res = await http(t.server, token).get<StatsReport>(`/api/stats${query}`);
  expect(res.status, res.text).toBe(200);
  return res.body;
}

async function resolveAndRate(satisfaction: number) {
  const staff = t.http("staffShengze");
  const path = `/api/cases/${day.walkIn.caseId}`;
  await staff.patch(path, { status: "ASSIGNED", assignee: "镇住建部门" });
  await staff.patch(path, { status: "IN_PROGRESS" });
  await staff.patch(path, { status: "RESOLVED", resolution: "已纳入计划" });
  expect((await t.http().post(`/api/track/${day.walkIn.trackingCode}/feedback`, { satisfaction })).status).toBe(200);
}

describe("the quantified score (GET /api/stats)", () => {
  it("counts each venue's reception days, voters, waits, cases and satisfaction, and scores them", async () => {
    const report = await stats();
    expect(report.groupBy).toBe("venue");
    expect(report.weights).toEqual(DEFAULT_WEIGHTS);
    expect(report.formula.zh).toContain("10×接待日");
    const shengze = report.rows.find((r) => r.id === t.world.shengze.venueId)!;
    expect(shengze).toMatchObject({
      name: "晓鹃工作室",
      town: "盛泽镇",
      rank: 1,
      metrics: {
        sessionsHeld: 1,
        sessionsScheduled: 1,
        votersOnline: 1,
        votersInPerson: 1,
        longWaits: 0,
        casesOpened: 1,
        casesResolved: 0,
        casesOverdue: 0,
        ratedCases: 0,
        avgSatisfaction: null,
      },
    });
    expect(shengze.metrics.avgWaitSec).toBeGreaterThanOrEqual(0);
    expect(shengze.metrics.avgSpeakSec).toBeGreaterThanOrEqual(0);
    // 10 × 1 day + 1 × 2 voters
    expect(shengze.score).toBe(12);
    expect(shengze.parts.find((p) => p.key === "voterReceived")).toEqual({ key: "voterReceived", value: 2, weight: 1, points: 2 });
    const lili = report.rows.find((r) => r.id === t.world.lili.venueId)!;
    expect(lili).toMatchObject({ rank: 2, score: 10, metrics: { sessionsHeld: 1, votersOnline: 0 } });
    expect(report.total.metrics.sessionsHeld).toBe(2);
    expect(report.total.score).toBe(22);
    expect(report.trend).toHaveLength(12);
    expect(report.trend.at(-1)!.metrics.sessionsHeld).toBe(2);
  });

  it("shows the change once a case is resolved and rated", async () => {
    await resolveAndRate(5);
    const shengze = (await stats()).rows.find((r) => r.id === t.world.shengze.venueId)!;
    expect(shengze.metrics).toMatchObject({ casesResolved: 1, casesResolvedOnTime: 1, ratedCases: 1, avgSatisfaction: 5 });
    // 10 + 2 voters + 3 resolved + 2 on time + 2 × (5 − 3)
    expect(shengze.score).toBe(21);
  });

  it("groups by deputy group, venues without one together", async () => {
    const group = await t.db.deputyGroup.create({ data: { name: "盛泽镇代表小组", town: "盛泽镇" } });
    await t.db.venue.update({ where: { id: t.world.shengze.venueId }, data: { deputyGroupId: group.id } });
    const report = await stats("?groupBy=deputyGroup");
    expect(report.rows.map((r) => [r.id, r.name, r.score])).toEqual([
      [group.id, "盛泽镇代表小组", 12],
      ["none", "未分组 / no group", 10],
    ]);
  });

  it("limits the period and the towns", async () => {
    const past = await stats(`?from=2020-01-01T00:00:00Z&to=2020-02-01T00:00:00Z`);
    expect(past.rows.every((r) => r.score === 0)).toBe(true);
    expect(past.trend.map((t) => t.month)).toEqual(["2020-01", "2020-02"]);
    const lili = await stats(`?town=${encodeURIComponent("黎里镇")}`);
    expect(lili.rows.map((r) => r.id)).toEqual([t.world.lili.venueId]);
  });

  it("refuses anonymous callers and bad periods", async () => {
    expect((await t.http().get("/api/stats")).status).toBe(401);
    const backwards = await t.http("admin").get("/api/stats?from=2026-02-01&to=2026-01-01");
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.details).toEqual({ to: "must be after from" });
    const bad = await t.http("admin").get("/api/stats?groupBy=town&from=never");
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.details).sort()).toEqual(["from", "groupBy"]);
  });
});

describe("scoring weights (GET/PUT /api/stats/weights)", () => {
  it("can be read by staff and changed by an admin only, and the score follows", async () => {
    const read = await t.http("staffShengze").get<ScoringWeightsView>("/api/stats/weights");
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ weights: DEFAULT_WEIGHTS, defaults: DEFAULT_WEIGHTS, updatedAt: null });
    const next = { ...DEFAULT_WEIGHTS, sessionHeld: 20, voterReceived: 2 };
    expect((await t.http("staffShengze").put("/api/stats/weights", next)).status).toBe(403);
    expect((await t.http().put("/api/stats/weights", next)).status).toBe(401);
    const saved = await t.http("admin").put<ScoringWeightsView>("/api/stats/weights", next);
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ weights: next, updatedBy: "admin" });
    expect(saved.body.formula.zh.startsWith("20×接待日 + 2×接待选民")).toBe(true);
    const shengze = (await stats()).rows.find((r) => r.id === t.world.shengze.venueId)!;
    expect(shengze.score).toBe(20 + 4);
  });

  it("rejects incomplete or out-of-range weights and keeps the old ones", async () => {
    const admin = t.http("admin");
    const res = await admin.put("/api/stats/weights", { ...DEFAULT_WEIGHTS, sessionHeld: 1000, waitTargetMin: 0, bonus: 1, longWait: undefined });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.details).sort()).toEqual(["_", "longWait", "sessionHeld", "waitTargetMin"]);
    expect((await stats()).weights).toEqual(DEFAULT_WEIGHTS);
  });
});

describe("stats.csv", () => {
  it("parses back to the same numbers as the JSON, with the formula", async () => {
    await resolveAndRate(4);
    const report = await stats("", t.world.tokens.admin);
    const res = await t.http("admin").get("/api/stats.csv");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.text).toContain("\r\n");
    const rows = parseCsv(res.text);
    const header = rows[0]!;
    expect(header.slice(0, 3)).toEqual(["排名", "联络站", "镇"]);
    const byName = new Map(rows.slice(1).map((r) => [r[1], Object.fromEntries(header.map((h, i) => [h, r[i]]))]));
    for (const row of report.rows) {
      const csv = byName.get(row.name)!;
      expect(Number(csv["积分"])).toBe(row.score);
      expect(Number(csv["排名"])).toBe(row.rank);
      expect(Number(csv["举办接待日"])).toBe(row.metrics.sessionsHeld);
      expect(Number(csv["现场接待"])).toBe(row.metrics.votersInPerson);
      expect(csv["平均满意度"]).toBe(row.metrics.avgSatisfaction == null ? "" : String(row.metrics.avgSatisfaction));
    }
    expect(rows.find((r) => r[0] === "积分公式")?.[1]).toBe(report.formula.zh);
    expect(rows.find((r) => r[0] === "合计")?.[16]).toBe(String(report.total.score));
    // The negative weights' points are numbers, not neutralized text.
    expect(header).toContain("逾期扣分");
    expect((await t.http().get("/api/stats.csv")).status).toBe(401);
  });
});
