/**
 * The back office on PostgreSQL (multi-node mode): search through the grams
 * index and the triggers of migration 20261126094500_back_office_search,
 * case transitions, the voter's rating, the score, the exports. Skipped
 * (loudly) when PostgreSQL is not reachable, unless MULTI_NODE_REQUIRED=1.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp, type App } from "../src/app.ts";
import { readConfig } from "../src/config.ts";
import { parseCsv } from "../src/domain/csv.ts";
import { createLogger } from "../src/logger.ts";
import type { CaseDetail, SearchResult, StatsReport } from "../src/protocol/back-office.ts";
import { openDatabase, type Db } from "../src/store/prisma.ts";
import { http, PHONES, playFinishedDay, type FinishedDay } from "./helpers/back-office-fixtures.ts";
import { buildWorld, type World } from "./helpers/fixtures.ts";
import { postgresReachable, tempPostgresSchema } from "./helpers/postgres.ts";

const available = await postgresReachable();
if (!available) {
  const msg = "PostgreSQL (127.0.0.1:5432) is not reachable: the back office's PostgreSQL tests";
  if (process.env.MULTI_NODE_REQUIRED === "1") throw new Error(`${msg} are required here`);
  console.warn(`\n!!! ${msg} are SKIPPED !!!\n`);
}

describe.skipIf(!available)("the back office on PostgreSQL", () => {
  let schema: Awaited<ReturnType<typeof tempPostgresSchema>>;
  let db: Db;
  let app: App;
  let server: { url: string; db: Db };
  let world: World;
  let day: FinishedDay;

  beforeAll(async () => {
    schema = await tempPostgresSchema();
    db = await openDatabase(schema.url);
    world = await buildWorld(db);
    const config = { ...readConfig({}), databaseUrl: schema.url, clientDir: null, joinLimitPerSocketPerMin: 1000 };
    app = await createApp({ config, db, log: createLogger("silent") });
    await new Promise<void>((resolve) => app.http.listen(0, "127.0.0.1", resolve));
    server = { url: `http://127.0.0.1:${(app.http.address() as { port: number }).port}`, db };
    day = await playFinishedDay(server, world);
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    await db?.$disconnect();
    await schema?.drop();
  });

  const find = async (q: string, token = world.tokens.staffShengze) => {
    const res = await http(server, token).get<SearchResult>(`/api/search?q=${encodeURIComponent(q)}`);
    expect(res.status, res.text).toBe(200);
    return res.body.results.map((h) => `${h.kind}:${h.ticketLabel ?? ""}`).sort();
  };

  it("finds two-character and longer Chinese substrings, exactly, within the caller's venues", async () => {
    expect(await find("停车")).toEqual(["ticket:W001", "transcript:W001", "transcript:W001"]);
    expect(await find("加装电梯")).toEqual(["case:A001", "ticket:A001", "transcript:A001", "transcript:A001", "transcript:A001"]);
    expect(await find("停车车位")).toEqual([]);
    expect(await find("电梯 评估")).toEqual(["case:A001", "transcript:A001", "transcript:A001"]);
    expect(await find("梯")).toHaveLength(5);
    expect(await find("停车", world.tokens.staffLili)).toEqual([]);
    expect(await find("100%")).toEqual([]);
  });

  it("drives a case to resolved, takes the voter's rating once, and scores it", async () => {
    const staff = http(server, world.tokens.staffShengze);
    const path = `/api/cases/${day.walkIn.caseId}`;
    expect((await staff.patch(path, { status: "RESOLVED", resolution: "x" })).status).toBe(409);
    expect((await staff.patch(path, { status: "ASSIGNED", assignee: "镇住建部门" })).status).toBe(200);
    expect((await staff.patch(path, { status: "IN_PROGRESS" })).status).toBe(200);
    const resolved = await staff.patch<CaseDetail>(path, { status: "RESOLVED", resolution: "纳入明年加装计划" });
    expect(resolved.body.case).toMatchObject({ status: "RESOLVED", overdue: false });
    expect(await find("明年加装")).toEqual(["case:A001"]);

    const feedback = `/api/track/${day.walkIn.trackingCode}/feedback`;
    expect((await http(server).post(feedback, { satisfaction: 5 })).status).toBe(200);
    expect((await http(server).post(feedback, { satisfaction: 1 })).status).toBe(409);

    const stats = await http(server, world.tokens.admin).get<StatsReport>("/api/stats");
    const shengze = stats.body.rows.find((r) => r.id === world.shengze.venueId)!;
    expect(shengze.metrics).toMatchObject({ sessionsHeld: 1, votersOnline: 1, votersInPerson: 1, casesResolved: 1, casesResolvedOnTime: 1, avgSatisfaction: 5 });
    expect(shengze.score).toBe(10 + 2 + 3 + 2 + 4);
  });

  it("exports the record and the minutes without phone numbers", async () => {
    const staff = http(server, world.tokens.staffShengze);
    const csv = await staff.get(`/api/sessions/${day.sessionId}/record.csv`);
    expect(csv.status).toBe(200);
    expect(parseCsv(csv.text).map((r) => r[0])).toEqual(["排号", "A001", "W001", "W002"]);
    const minutes = await staff.get(`/api/sessions/${day.sessionId}/minutes`);
    expect(minutes.text).toContain("李*");
    for (const phone of Object.values(PHONES)) expect(minutes.text).not.toContain(phone);
  });
});
