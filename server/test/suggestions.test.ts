/**
 * Deputies' suggestions and the departments that answer them
 * (docs/ARCHITECTURE.md §6e), on both storages: drafted from cases, submitted,
 * assigned, answered, evaluated; who may do and see what; wrong steps, others'
 * steps and bad input change nothing; the voters' tracking pages follow it.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { TrackSuggestionView, TrackView } from "../src/protocol/model.ts";
import type { DepartmentView, SuggestionDetail, SuggestionView, VenueSuggestionsView } from "../src/protocol/suggestions.ts";
import { http, playFinishedDay, type Http } from "./helpers/back-office-fixtures.ts";
import { useTestServer } from "./helpers/use-test-server.ts";

const t = useTestServer();
const DAY = 24 * 60 * 60 * 1000;
// Strong enough for the password policy; an admin-set password is an initial one, replaced at first login.
const INITIAL = "Harbour-Gate-41";
const OWN = "Willow-Quay-73";
const PASSWORD = INITIAL;

let zhujian: DepartmentView;
let jiaotong: DepartmentView;
let deptZhujian: Http;
let deptJiaotong: Http;
/** two concerns heard at 盛泽: the walk-in's lift (李阿婆) and a hand-made case */
let cases: { id: string; trackingCode: string }[];
let liliCaseId: string;

const admin = () => t.http("admin");
const staff = () => t.http("staffShengze");
const deputy = () => t.http("deputyShengze");
const inDays = (d: number) => new Date(Date.now() + d * DAY).toISOString();

/** A department account as the admin makes it, its initial password replaced at first login (docs/SECURITY.md §3). */
async function departmentAccount(username: string, departmentId: string): Promise<Http> {
  const made = await admin().post("/api/admin/users", { username, displayName: username, role: "DEPARTMENT", password: INITIAL, departmentId });
  expect(made.status).toBe(201);
  const login = await http(t.server).post<{ token: string }>("/api/auth/login", { username, password: INITIAL });
  expect(login.status).toBe(200);
  const changed = await http(t.server, login.body.token).post("/api/auth/password", { current: INITIAL, next: OWN });
  expect(changed.status).toBe(200);
  const again = await http(t.server).post<{ token: string }>("/api/auth/login", { username, password: OWN });
  expect(again.status).toBe(200);
  return http(t.server, again.body.token);
}

async function draft(over: Record<string, unknown> = {}): Promise<SuggestionDetail> {
  const res = await deputy().post<{ suggestion: SuggestionDetail }>("/api/suggestions", {
    title: "老旧小区加装电梯和停车改造",
    body: "多位选民反映老旧小区无电梯、停车难，建议统筹改造。",
    category: "城建",
    caseIds: cases.map((c) => c.id),
    ...over,
  });
  expect(res.status).toBe(201);
  return res.body.suggestion;
}

async function assigned(dueDays = 40): Promise<SuggestionDetail> {
  const s = await draft();
  expect((await deputy().post(`/api/suggestions/${s.id}/submit`)).status).toBe(200);
  const res = await staff().post<{ suggestion: SuggestionDetail }>(`/api/suggestions/${s.id}/assign`, { leadDepartmentId: zhujian.id, dueAt: inDays(dueDays) });
  expect(res.status).toBe(200);
  return res.body.suggestion;
}

const statusOf = async (id: string) => (await t.db.suggestion.findUniqueOrThrow({ where: { id } })).status;

beforeAll(async () => {
  const a = await admin().post<{ department: DepartmentView }>("/api/admin/departments", { name: "区住建局" });
  const b = await admin().post<{ department: DepartmentView }>("/api/admin/departments", { name: "区交通运输局" });
  expect([a.status, b.status]).toEqual([201, 201]);
  zhujian = a.body.department;
  jiaotong = b.body.department;
  deptZhujian = await departmentAccount("dept.zhujian", zhujian.id);
  deptJiaotong = await departmentAccount("dept.jiaotong", jiaotong.id);
  const day = await playFinishedDay(t.server, t.world);
  const byHand = await staff().post<{ case: { id: string; trackingCode: string } }>("/api/cases", { venueId: t.world.shengze.venueId, category: "交通", summary: "小区门口停车难" });
  cases = [{ id: day.walkIn.caseId, trackingCode: day.walkIn.trackingCode }, byHand.body.case];
  const lili = await t.http("staffLili").post<{ case: { id: string } }>("/api/cases", { venueId: t.world.lili.venueId, category: "环境", summary: "河道保洁" });
  liliCaseId = lili.body.case.id;
});

describe("departments and department accounts", () => {
  it("the admin adds departments; everyone logged in reads them, strangers do not", async () => {
    const list = await deptZhujian.get<{ departments: DepartmentView[] }>("/api/departments");
    expect(list.status).toBe(200);
    expect(list.body.departments.map((d) => d.name).sort()).toEqual(["区交通运输局", "区住建局"].sort());
    expect((await http(t.server).get("/api/departments")).status).toBe(401);
    expect((await staff().post("/api/admin/departments", { name: "区民政局" })).status).toBe(403);
    const twice = await admin().post("/api/admin/departments", { name: "区住建局" });
    expect(twice.status).toBe(409);
    const empty = await admin().post("/api/admin/departments", { name: " " });
    expect(empty.status).toBe(400);
    expect(Object.keys(empty.body.error.details)).toEqual(["name"]);
    expect(await t.db.department.count()).toBe(2);
  });

  it("a department account needs a known department, and no other role has one", async () => {
    const base = { displayName: "x", password: PASSWORD };
    const missing = await admin().post("/api/admin/users", { ...base, username: "dept.x", role: "DEPARTMENT" });
    expect(missing.status).toBe(400);
    expect(missing.body.error.details).toEqual({ departmentId: "required for role DEPARTMENT" });
    const unknown = await admin().post("/api/admin/users", { ...base, username: "dept.x", role: "DEPARTMENT", departmentId: "nope" });
    expect(unknown.body.error.details).toEqual({ departmentId: "unknown department" });
    const staffWithDept = await admin().post("/api/admin/users", { ...base, username: "staff.x", role: "STAFF", departmentId: zhujian.id });
    expect(staffWithDept.body.error.details).toEqual({ departmentId: "only for role DEPARTMENT" });
    expect(await t.db.user.count({ where: { username: { in: ["dept.x", "staff.x"] } } })).toBe(0);
    const me = await deptZhujian.get("/api/auth/me");
    expect(me.body.user).toMatchObject({ role: "DEPARTMENT", departmentId: zhujian.id });
  });

  it("a department account never reads a venue's back office", async () => {
    expect((await deptZhujian.get("/api/cases")).status).toBe(403);
    expect((await deptZhujian.get(`/api/cases/${cases[0]!.id}`)).status).toBe(403);
  });
});

describe("联名: the deputies a lead may ask to co-sign", () => {
  it("are every active deputy but the caller, names only; strangers and departments are refused; a chosen one is saved", async () => {
    await t.addUserWithPassword({ username: "deputy.cosigner", password: OWN, role: "DEPUTY", venues: ["lili"], displayName: "联名代表甲" });
    const me = (await deputy().get<{ user: { id: string } }>("/api/auth/me")).body.user.id;
    const list = await deputy().get<{ deputies: { id: string; name: string }[] }>("/api/deputies");
    expect(list.status).toBe(200);
    const active = await t.db.user.findMany({ where: { role: "DEPUTY", disabled: false }, select: { id: true } });
    expect(list.body.deputies.map((d) => d.id).sort()).toEqual(active.map((d) => d.id).filter((id) => id !== me).sort());
    expect(list.body.deputies.map((d) => d.name)).toContain("联名代表甲");
    for (const d of list.body.deputies) expect(Object.keys(d).sort()).toEqual(["id", "name"]);
    expect((await http(t.server).get("/api/deputies")).status).toBe(401);
    expect((await deptZhujian.get("/api/deputies")).status).toBe(403);
    const other = list.body.deputies.find((d) => d.name === "联名代表甲")!;
    const s = await draft({ coSignerIds: [other.id] });
    expect(s.coSignerIds).toEqual([other.id]);
  });
});

describe("the journey (§6e)", () => {
  it("two concerns become one suggestion, assigned, answered A, evaluated; both voters see it on their tracking pages", async () => {
    const s = await draft();
    expect(s).toMatchObject({ status: "DRAFT", leadDeputyId: expect.any(String), leadDepartmentId: null, supervision: null, dueAt: null, evaluation: null });
    expect(s.number).toMatch(/^\d{4}-\d{4}$/);
    expect([...s.caseIds].sort()).toEqual(cases.map((c) => c.id).sort());

    const submitted = await deputy().post<{ suggestion: SuggestionDetail }>(`/api/suggestions/${s.id}/submit`);
    expect(submitted.body.suggestion.status).toBe("SUBMITTED");
    // A department sees nothing until it is assigned.
    expect((await deptZhujian.get(`/api/suggestions/${s.id}`)).status).toBe(403);

    const due = inDays(40);
    const assign = await staff().post<{ suggestion: SuggestionDetail }>(`/api/suggestions/${s.id}/assign`, {
      leadDepartmentId: zhujian.id,
      coDepartmentIds: [jiaotong.id],
      dueAt: due,
    });
    expect(assign.status).toBe(200);
    expect(assign.body.suggestion).toMatchObject({ status: "ASSIGNED", leadDepartmentId: zhujian.id, coDepartmentIds: [jiaotong.id], dueAt: due, supervision: "GREEN" });

    const desk = await deptZhujian.get<{ suggestions: SuggestionView[] }>("/api/suggestions");
    expect(desk.body.suggestions.map((x) => x.id)).toContain(s.id);
    // The department reads the suggestion, not the voters' cases behind it.
    expect(desk.body.suggestions.find((x) => x.id === s.id)!.cases).toEqual([]);
    // A helper department sees it but does not answer it.
    expect((await deptJiaotong.get(`/api/suggestions/${s.id}`)).status).toBe(200);
    expect((await deptJiaotong.post(`/api/suggestions/${s.id}/answer`, { kind: "A", text: "x" })).status).toBe(403);

    const answer = await deptZhujian.post<{ suggestion: SuggestionDetail }>(`/api/suggestions/${s.id}/answer`, { kind: "A", text: "已完成两处小区电梯加装，新增停车位60个。" });
    expect(answer.status).toBe(200);
    // 会签: with a helper department the answer goes out once it has countersigned (server/test/suggestion-countersign.test.ts).
    expect(answer.body.suggestion).toMatchObject({ status: "COUNTERSIGNING", answers: [] });
    const signed = await deptJiaotong.post<{ suggestion: SuggestionDetail }>(`/api/suggestions/${s.id}/countersign`, { agree: true });
    expect(signed.status).toBe(200);
    expect(signed.body.suggestion).toMatchObject({ status: "ANSWERED", supervision: null });
    expect(signed.body.suggestion.answers).toMatchObject([{ kind: "A", round: 1, departmentName: "区住建局" }]);

    const evaluated = await deputy().post<{ suggestion: SuggestionDetail }>(`/api/suggestions/${s.id}/evaluate`, { result: "SATISFIED" });
    expect(evaluated.body.suggestion.status).toBe("EVALUATED");
    expect(evaluated.body.suggestion.evaluation).toMatchObject({ result: "SATISFIED", round: 1 });
    expect(evaluated.body.suggestion.history.map((h) => [h.type, h.toStatus])).toEqual([
      ["created", "DRAFT"],
      ["status", "SUBMITTED"],
      ["status", "ASSIGNED"],
      ["countersignRequested", "COUNTERSIGNING"],
      ["countersigned", "ANSWERED"],
      ["answered", "ANSWERED"],
      ["evaluated", "EVALUATED"],
    ]);

    for (const c of cases) {
      const track = await http(t.server).get<{ case: TrackView; suggestion: TrackSuggestionView }>(`/api/track/${c.trackingCode}`);
      expect(track.status).toBe(200);
      expect(track.body.suggestion).toMatchObject({ number: s.number, status: "EVALUATED", answer: { kind: "A", text: "已完成两处小区电梯加装，新增停车位60个。" } });
      // Public text only: no voter's name, no deputy's or department account's name.
      for (const name of ["李阿婆", "deputy.xiaojuan", "dept.zhujian"]) expect(track.text).not.toContain(name);
    }

    // The station's public page counts it: answered A, on time, the deputy satisfied; no names.
    const pub = await http(t.server).get<VenueSuggestionsView>(`/api/venues/${t.world.shengze.venueId}/suggestions`);
    expect(pub.body.counts).toEqual({ total: 1, answered: 1, byKind: { A: 1, B: 0, C: 0 }, onTime: 1, satisfied: 1, evaluated: 1 });
    expect(pub.body.recent).toMatchObject([{ number: s.number, status: "EVALUATED", departmentName: "区住建局", answerKind: "A" }]);
    for (const name of ["李阿婆", "deputy.xiaojuan", "dept.zhujian"]) expect(pub.text).not.toContain(name);
    expect((await http(t.server).get<VenueSuggestionsView>(`/api/venues/${t.world.lili.venueId}/suggestions`)).body.counts.total).toBe(0);

    const audit = await admin().get<{ entries: { action: string; target: string; result: string }[] }>("/api/audit?limit=1000");
    const mine = audit.body.entries.filter((e) => e.target.includes(`suggestion:${s.id}`)).map((e) => `${e.action} ${e.result}`);
    for (const a of ["create", "submit", "assign", "answer", "evaluate"]) expect(mine).toContain(`suggestion.${a} ok`);
  });

  it("the deputy's duty record counts the suggestions led and co-signed (submitted ones only)", async () => {
    const record = async () => (await admin().get<{ row: { suggestions: { led: number; coSigned: number } } }>("/api/duty/deputies/deputy.xiaojuan")).body.row.suggestions;
    const before = await record();
    const s = await draft();
    expect(await record()).toEqual(before);
    await deputy().post(`/api/suggestions/${s.id}/submit`);
    expect(await record()).toEqual({ led: before.led + 1, coSigned: before.coSigned });
  });

  it("a case in no suggestion tracks with suggestion null", async () => {
    const other = await staff().post<{ case: { trackingCode: string } }>("/api/cases", { venueId: t.world.shengze.venueId, category: "其他", summary: "路灯不亮" });
    const track = await http(t.server).get(`/api/track/${other.body.case.trackingCode}`);
    expect(track.body.suggestion).toBeNull();
  });

  it("numbers the year's suggestions one after another", async () => {
    const a = await draft();
    const b = await draft();
    const [ya, na] = a.number.split("-").map(Number);
    const [yb, nb] = b.number.split("-").map(Number);
    expect(yb).toBe(ya);
    expect(nb).toBe(na! + 1);
  });
});

describe("second handling (重新办理)", () => {
  it("a first UNSATISFIED sends it back to the department with a month more; a second is recorded and it stays EVALUATED", async () => {
    const s = await assigned();
    await deptZhujian.post(`/api/suggestions/${s.id}/answer`, { kind: "C", text: "因条件限制留作参考。" });
    const first = await deputy().post<{ suggestion: SuggestionDetail }>(`/api/suggestions/${s.id}/evaluate`, { result: "UNSATISFIED", comment: "请再研究" });
    expect(first.body.suggestion).toMatchObject({ status: "ASSIGNED", secondRound: true, supervision: "GREEN" });
    const newDue = new Date(first.body.suggestion.dueAt!).getTime();
    expect(Math.abs(newDue - (Date.now() + 30 * DAY))).toBeLessThan(60_000);
    await deptZhujian.post(`/api/suggestions/${s.id}/answer`, { kind: "B", text: "已列入明年计划。" });
    const second = await deputy().post<{ suggestion: SuggestionDetail }>(`/api/suggestions/${s.id}/evaluate`, { result: "UNSATISFIED" });
    expect(second.body.suggestion.status).toBe("EVALUATED");
    expect(second.body.suggestion.answers.map((a) => [a.round, a.kind])).toEqual([
      [1, "C"],
      [2, "B"],
    ]);
    expect(second.body.suggestion.evaluations.map((e) => [e.round, e.result])).toEqual([
      [1, "UNSATISFIED"],
      [2, "UNSATISFIED"],
    ]);
    expect((await deputy().post(`/api/suggestions/${s.id}/evaluate`, { result: "SATISFIED" })).status).toBe(409);
  });
});

describe("退办: a department returns a suggestion outside its responsibility", () => {
  it("within 7 working days, with a reason: back to the office, which assigns it again", async () => {
    const s = await assigned();
    expect((await deptJiaotong.post(`/api/suggestions/${s.id}/return`, { reason: "x" })).status).toBe(403);
    const noReason = await deptZhujian.post(`/api/suggestions/${s.id}/return`, { reason: " " });
    expect(noReason.status).toBe(400);
    expect(Object.keys(noReason.body.error.details)).toEqual(["reason"]);
    const back = await deptZhujian.post<{ suggestion: SuggestionDetail }>(`/api/suggestions/${s.id}/return`, { reason: "属交通运输部门职责" });
    expect(back.status).toBe(200);
    expect(back.body.suggestion).toMatchObject({ status: "SUBMITTED", leadDepartmentId: null, dueAt: null, supervision: null });
    expect(back.body.suggestion.history.at(-1)).toMatchObject({ type: "returned", toStatus: "SUBMITTED", note: "区住建局：属交通运输部门职责" });
    // It is no longer on the returning department's desk; the office assigns it again.
    expect((await deptZhujian.get(`/api/suggestions/${s.id}`)).status).toBe(403);
    const again = await staff().post<{ suggestion: SuggestionDetail }>(`/api/suggestions/${s.id}/assign`, { leadDepartmentId: jiaotong.id, dueAt: inDays(40) });
    expect(again.body.suggestion).toMatchObject({ status: "ASSIGNED", leadDepartmentId: jiaotong.id });
    const audit = await admin().get<{ entries: { action: string; target: string }[] }>("/api/audit?action=suggestion.return");
    expect(audit.body.entries.map((e) => e.target)).toContain(`suggestion:${s.id}`);
  });

  it("is refused after 7 working days, and once answered", async () => {
    const s = await assigned();
    await t.db.suggestionEvent.updateMany({ where: { suggestionId: s.id, toStatus: "ASSIGNED" }, data: { at: new Date(Date.now() - 12 * DAY) } });
    const late = await deptZhujian.post(`/api/suggestions/${s.id}/return`, { reason: "不属本单位" });
    expect(late.status).toBe(409);
    expect(await statusOf(s.id)).toBe("ASSIGNED");
    const a = await assigned();
    await deptZhujian.post(`/api/suggestions/${a.id}/answer`, { kind: "B", text: "列入计划" });
    expect((await deptZhujian.post(`/api/suggestions/${a.id}/return`, { reason: "不属本单位" })).status).toBe(409);
  });
});

describe("the office adjusts the class of an answer", () => {
  it("with a reason, once answered; the voters' page shows the new class; departments and deputies cannot", async () => {
    const s = await assigned();
    expect((await staff().post(`/api/suggestions/${s.id}/classify`, { kind: "B", reason: "r" })).status).toBe(409);
    await deptZhujian.post(`/api/suggestions/${s.id}/answer`, { kind: "A", text: "已列入明年计划，逐步实施。" });
    expect((await deptZhujian.post(`/api/suggestions/${s.id}/classify`, { kind: "A", reason: "r" })).status).toBe(403);
    expect((await deputy().post(`/api/suggestions/${s.id}/classify`, { kind: "B", reason: "r" })).status).toBe(403);
    expect((await staff().post(`/api/suggestions/${s.id}/classify`, { kind: "B" })).status).toBe(400);
    const fixed = await staff().post<{ suggestion: SuggestionDetail }>(`/api/suggestions/${s.id}/classify`, { kind: "B", reason: "尚在计划中，应为B类" });
    expect(fixed.body.suggestion).toMatchObject({ status: "ANSWERED", answers: [{ kind: "B" }] });
    expect(fixed.body.suggestion.history.at(-1)).toMatchObject({ type: "reclassified", note: "A → B：尚在计划中，应为B类" });
    const track = await http(t.server).get<{ suggestion: TrackSuggestionView }>(`/api/track/${cases[0]!.trackingCode}`);
    expect(track.body.suggestion.answer?.kind).toBe("B");
  });
});

describe("wrong steps, others' steps and bad input change nothing", () => {
  it("a step the status does not allow is CONFLICT", async () => {
    const s = await draft();
    expect((await staff().post(`/api/suggestions/${s.id}/assign`, { leadDepartmentId: zhujian.id, dueAt: inDays(30) })).body.error.code).toBe("CONFLICT");
    expect((await deputy().post(`/api/suggestions/${s.id}/evaluate`, { result: "SATISFIED" })).body.error.code).toBe("CONFLICT");
    expect(await statusOf(s.id)).toBe("DRAFT");
    await deputy().post(`/api/suggestions/${s.id}/submit`);
    expect((await deputy().post(`/api/suggestions/${s.id}/submit`)).status).toBe(409);
    expect((await deputy().patch(`/api/suggestions/${s.id}`, { title: "改" })).status).toBe(409);
    expect(await statusOf(s.id)).toBe("SUBMITTED");
    const a = await assigned();
    expect((await deputy().post(`/api/suggestions/${a.id}/evaluate`, { result: "SATISFIED" })).status).toBe(409);
    expect(await statusOf(a.id)).toBe("ASSIGNED");
  });

  it("others are FORBIDDEN: staff of another town, another department, the admin answering, a deputy assigning", async () => {
    const s = await assigned();
    expect((await t.http("staffLili").get(`/api/suggestions/${s.id}`)).status).toBe(403);
    expect((await t.http("staffLili").post(`/api/suggestions/${s.id}/assign`, { leadDepartmentId: jiaotong.id, dueAt: inDays(30) })).status).toBe(403);
    expect((await deptJiaotong.post(`/api/suggestions/${s.id}/answer`, { kind: "A", text: "x" })).status).toBe(403);
    expect((await admin().post(`/api/suggestions/${s.id}/answer`, { kind: "A", text: "x" })).status).toBe(403);
    expect((await deputy().post(`/api/suggestions/${s.id}/assign`, { leadDepartmentId: jiaotong.id, dueAt: inDays(30) })).status).toBe(403);
    expect((await staff().post("/api/suggestions", { title: "t", body: "b", category: "c" })).status).toBe(403);
    // A deputy cannot draw on another town's cases.
    const foreign = await deputy().post("/api/suggestions", { title: "t", body: "b", category: "c", caseIds: [liliCaseId] });
    expect(foreign.status).toBe(403);
    const row = await t.db.suggestion.findUniqueOrThrow({ where: { id: s.id } });
    expect(row).toMatchObject({ status: "ASSIGNED", leadDepartmentId: zhujian.id });
    expect(await t.db.suggestionAnswer.count({ where: { suggestionId: s.id } })).toBe(0);
  });

  it("bad input answers field errors and writes nothing", async () => {
    const before = await t.db.suggestion.count();
    const bad = await deputy().post("/api/suggestions", { title: "", body: "b", category: "c", caseIds: ["nope"] });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.details)).toEqual(["title"]);
    const unknownCase = await deputy().post("/api/suggestions", { title: "t", body: "b", category: "c", caseIds: ["nope"] });
    expect(unknownCase.body.error.details).toEqual({ caseIds: "unknown case" });
    expect(await t.db.suggestion.count()).toBe(before);

    const s = await draft();
    await deputy().post(`/api/suggestions/${s.id}/submit`);
    const assign = await staff().post(`/api/suggestions/${s.id}/assign`, { leadDepartmentId: "nope", dueAt: inDays(-1) });
    expect(assign.status).toBe(400);
    expect(assign.body.error.details).toEqual({ leadDepartmentId: "unknown department", dueAt: "must be in the future" });
    expect(await statusOf(s.id)).toBe("SUBMITTED");

    const a = await assigned();
    const kind = await deptZhujian.post(`/api/suggestions/${a.id}/answer`, { kind: "D", text: "" });
    expect(kind.status).toBe(400);
    expect(Object.keys(kind.body.error.details).sort()).toEqual(["kind", "text"]);
    expect(await statusOf(a.id)).toBe("ASSIGNED");
  });
});

describe("what each caller sees (GET /api/suggestions)", () => {
  it("deputies their own, departments what is assigned to them, staff their venues', admins all; by colour", async () => {
    const s = await assigned(10);
    const ids = async (h: Http, q = "") => (await h.get<{ suggestions: SuggestionView[] }>(`/api/suggestions${q}`)).body.suggestions.map((x) => x.id);
    expect(await ids(deputy())).toContain(s.id);
    expect(await ids(staff())).toContain(s.id);
    expect(await ids(admin())).toContain(s.id);
    expect(await ids(t.http("staffLili"))).toEqual([]);
    expect(await ids(deptJiaotong)).not.toContain(s.id);
    expect(await ids(deptZhujian, "?supervision=YELLOW")).toContain(s.id);
    expect(await ids(deptZhujian, "?supervision=GREEN")).not.toContain(s.id);
    await t.db.suggestion.update({ where: { id: s.id }, data: { dueAt: new Date(Date.now() - DAY) } });
    const red = await admin().get<{ suggestions: SuggestionView[] }>("/api/suggestions?supervision=RED");
    expect(red.body.suggestions.map((x) => [x.id, x.supervision])).toEqual([[s.id, "RED"]]);
    // Overdue first in the office's list.
    expect((await ids(admin(), "?status=ASSIGNED"))[0]).toBe(s.id);
    const ofJiaotong = (await admin().get<{ suggestions: SuggestionView[] }>(`/api/suggestions?departmentId=${jiaotong.id}&status=ASSIGNED`)).body.suggestions;
    expect(ofJiaotong.map((x) => x.id)).not.toContain(s.id);
    expect(ofJiaotong.every((x) => x.status === "ASSIGNED" && (x.leadDepartmentId === jiaotong.id || x.coDepartmentIds.includes(jiaotong.id)))).toBe(true);
    expect((await admin().get("/api/suggestions?supervision=PURPLE")).status).toBe(400);
  });
});
