/**
 * Departments answering on time (docs/ARCHITECTURE.md §6e) in the quantified
 * score's report, on both storages: each department's suggestions due in the
 * period, on time, late, overdue or still pending, its rate and its score by
 * the admin's weight — through the real steps (assign, answer).
 */
import { beforeEach, describe, expect, it } from "vitest";
import { parseCsv } from "../src/domain/csv.ts";
import type { DepartmentStatsRow, ScoringWeightsView, StatsReport } from "../src/protocol/back-office.ts";
import type { AdminDepartmentView, SuggestionDetail } from "../src/protocol/suggestions.ts";
import { DEFAULT_WEIGHTS } from "../src/domain/scoring.ts";
import { http, type Http } from "./helpers/back-office-fixtures.ts";
import { useTestServer } from "./helpers/use-test-server.ts";

const t = useTestServer({ perTest: true });
const DAY = 24 * 60 * 60 * 1000;
const INITIAL = "Harbour-Gate-41";
const OWN = "Willow-Quay-73";

let zhujian: AdminDepartmentView;
let jiaotong: AdminDepartmentView;
let deptZhujian: Http;

/** A department account with its initial password replaced, as at a first login. */
async function departmentAccount(username: string, departmentId: string): Promise<Http> {
  expect((await t.http("admin").post("/api/admin/users", { username, displayName: username, role: "DEPARTMENT", password: INITIAL, departmentId })).status).toBe(201);
  const login = await http(t.server).post<{ token: string }>("/api/auth/login", { username, password: INITIAL });
  expect((await http(t.server, login.body.token).post("/api/auth/password", { current: INITIAL, next: OWN })).status).toBe(200);
  const again = await http(t.server).post<{ token: string }>("/api/auth/login", { username, password: OWN });
  return http(t.server, again.body.token);
}

/** A submitted suggestion the admin assigns to `departmentId`, due in `days`. */
async function assigned(departmentId: string, days: number, title: string): Promise<SuggestionDetail> {
  const s = await t.http("deputyShengze").post<{ suggestion: SuggestionDetail }>("/api/suggestions", { title, body: "选民反映的问题。", category: "城建" });
  expect((await t.http("deputyShengze").post(`/api/suggestions/${s.body.suggestion.id}/submit`)).status).toBe(200);
  const dueAt = new Date(t.clock.now().getTime() + days * DAY).toISOString();
  const res = await t.http("admin").post<{ suggestion: SuggestionDetail }>(`/api/suggestions/${s.body.suggestion.id}/assign`, { leadDepartmentId: departmentId, dueAt });
  expect(res.status).toBe(200);
  return res.body.suggestion;
}

const answer = async (id: string) => expect((await deptZhujian.post(`/api/suggestions/${id}/answer`, { kind: "A", text: "已解决。" })).status).toBe(200);

async function report(): Promise<StatsReport> {
  const now = t.clock.now().getTime();
  const q = `?from=${new Date(now - 30 * DAY).toISOString()}&to=${new Date(now + 60 * DAY).toISOString()}`;
  const res = await t.http("staffShengze").get<StatsReport>(`/api/stats${q}`);
  expect(res.status, res.text).toBe(200);
  return res.body;
}
const row = (r: StatsReport, id: string) => r.departments.find((d) => d.id === id)!;

beforeEach(async () => {
  zhujian = (await t.http("admin").post<{ department: AdminDepartmentView }>("/api/admin/departments", { name: "区住建局" })).body.department;
  jiaotong = (await t.http("admin").post<{ department: AdminDepartmentView }>("/api/admin/departments", { name: "区交通运输局" })).body.department;
  deptZhujian = await departmentAccount("dept.zhujian", zhujian.id);
});

describe("departments answering on time (GET /api/stats)", () => {
  it("counts on time, late, overdue and pending by deadline, rates and scores them, and ranks the scored first", async () => {
    const early = await assigned(zhujian.id, 10, "加装电梯");
    const soon = await assigned(zhujian.id, 1, "停车难");
    await assigned(jiaotong.id, 5, "公交线路");
    await answer(early.id);
    // Its day passes (moved in the database: logins would expire if the clock jumped two days).
    await t.db.suggestion.update({ where: { id: soon.id }, data: { dueAt: new Date(t.clock.now().getTime() - DAY) } });

    let r = await report();
    expect(r.departmentFormula).toEqual({ zh: "100×按期答复率", en: "100×answered-on-time rate" });
    expect(row(r, zhujian.id)).toEqual<DepartmentStatsRow>({ id: zhujian.id, name: "区住建局", rank: 1, due: 2, onTime: 1, late: 0, overdue: 1, pending: 0, rate: 0.5, score: 50 });
    expect(row(r, jiaotong.id)).toMatchObject({ rank: null, due: 0, pending: 1, rate: null, score: null });
    expect(r.departments.map((d) => d.id)).toEqual([zhujian.id, jiaotong.id]);

    // Answered after its deadline: late, no longer overdue.
    await answer(soon.id);
    r = await report();
    expect(row(r, zhujian.id)).toMatchObject({ due: 2, onTime: 1, late: 1, overdue: 0, rate: 0.5, score: 50 });
  });

  it("the weight is the admin's, beside the others, and the score and the CSV follow it", async () => {
    const s = await assigned(zhujian.id, 3, "加装电梯");
    await answer(s.id);
    const saved = await t.http("admin").put<ScoringWeightsView>("/api/stats/weights", { ...DEFAULT_WEIGHTS, departmentOnTime: 20 });
    expect(saved.status).toBe(200);
    expect(saved.body.departmentFormula.zh).toBe("20×按期答复率");
    expect((await t.http("admin").put("/api/stats/weights", { ...DEFAULT_WEIGHTS, departmentOnTime: -1 })).status).toBe(400);
    const r = await report();
    expect(row(r, zhujian.id)).toMatchObject({ due: 1, onTime: 1, rate: 1, score: 20 });

    const now = t.clock.now().getTime();
    const csv = parseCsv((await t.http("admin").get(`/api/stats.csv?from=${new Date(now - 30 * DAY).toISOString()}&to=${new Date(now + 60 * DAY).toISOString()}`)).text);
    expect(csv.find((l) => l[0] === "区住建局")).toEqual(["区住建局", "100", "1", "1", "0", "0", "0", "20", "1"]);
    expect(csv.find((l) => l[0] === "承办单位得分公式")?.[1]).toBe("20×按期答复率");
  });
});
