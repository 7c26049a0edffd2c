/**
 * 会签 (docs/ARCHITECTURE.md §6e), on both storages: when the lead department
 * answers a suggestion that has helper departments, the answer waits for each
 * helper's countersign; it goes out (ANSWERED, the deputy evaluates, the
 * voters' tracking pages show it) only when every helper agreed; a helper may
 * return it to the lead with a reason, who revises it and sends it again.
 * Only a helper countersigns, once per draft, only while it awaits them.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { TrackSuggestionView } from "../src/protocol/model.ts";
import type { DepartmentView, SuggestionDetail, SuggestionView } from "../src/protocol/suggestions.ts";
import { http, type Http } from "./helpers/back-office-fixtures.ts";
import { useTestServer } from "./helpers/use-test-server.ts";

const t = useTestServer();
const DAY = 24 * 60 * 60 * 1000;
const INITIAL = "Harbour-Gate-41";
const OWN = "Willow-Quay-73";

const dept: Record<"zhujian" | "jiaotong" | "shuiwu" | "minzheng", { department: DepartmentView; http: Http }> = {} as never;
let theCase: { id: string; trackingCode: string };

const admin = () => t.http("admin");
const staff = () => t.http("staffShengze");
const deputy = () => t.http("deputyShengze");
const inDays = (d: number) => new Date(Date.now() + d * DAY).toISOString();
type One = { suggestion: SuggestionDetail };

async function departmentAccount(name: string, username: string): Promise<{ department: DepartmentView; http: Http }> {
  const made = await admin().post<{ department: DepartmentView }>("/api/admin/departments", { name });
  expect(made.status).toBe(201);
  const department = made.body.department;
  expect((await admin().post("/api/admin/users", { username, displayName: username, role: "DEPARTMENT", password: INITIAL, departmentId: department.id })).status).toBe(201);
  const login = await http(t.server).post<{ token: string }>("/api/auth/login", { username, password: INITIAL });
  expect((await http(t.server, login.body.token).post("/api/auth/password", { current: INITIAL, next: OWN })).status).toBe(200);
  const again = await http(t.server).post<{ token: string }>("/api/auth/login", { username, password: OWN });
  return { department, http: http(t.server, again.body.token) };
}

/** A suggestion assigned to 区住建局, helped by 区交通运输局 and 区水务局 (or by `helpers`). */
async function assigned(helpers = [dept.jiaotong, dept.shuiwu]): Promise<SuggestionDetail> {
  const made = await deputy().post<One>("/api/suggestions", {
    title: "关于改善镇区排水防涝的建议",
    body: "选民反映低洼路段一下雨就积水。",
    category: "城建",
    caseIds: [theCase.id],
  });
  expect(made.status).toBe(201);
  const id = made.body.suggestion.id;
  expect((await deputy().post(`/api/suggestions/${id}/submit`)).status).toBe(200);
  const res = await staff().post<One>(`/api/suggestions/${id}/assign`, {
    leadDepartmentId: dept.zhujian.department.id,
    coDepartmentIds: helpers.map((h) => h.department.id),
    dueAt: inDays(40),
  });
  expect(res.status).toBe(200);
  return res.body.suggestion;
}

const answer = (id: string, text = "已改造排水管网320米。") => dept.zhujian.http.post<One>(`/api/suggestions/${id}/answer`, { kind: "B", text });
const countersign = (who: Http, id: string, body: Record<string, unknown>) => who.post<One>(`/api/suggestions/${id}/countersign`, body);

beforeAll(async () => {
  dept.zhujian = await departmentAccount("区住建局", "dept.zhujian");
  dept.jiaotong = await departmentAccount("区交通运输局", "dept.jiaotong");
  dept.shuiwu = await departmentAccount("区水务局", "dept.shuiwu");
  dept.minzheng = await departmentAccount("区民政局", "dept.minzheng");
  const c = await staff().post<{ case: { id: string; trackingCode: string } }>("/api/cases", { venueId: t.world.shengze.venueId, category: "城建", summary: "路段积水" });
  expect(c.status).toBe(201);
  theCase = c.body.case;
});

describe("会签: the helper departments countersign the lead's answer", () => {
  it("the answer waits for every helper; only when all agreed does it go out to the deputy and the voters", async () => {
    const s = await assigned();
    const drafted = await answer(s.id);
    expect(drafted.status).toBe(200);
    expect(drafted.body.suggestion).toMatchObject({ status: "COUNTERSIGNING", answers: [], supervision: "GREEN", draftAnswer: { kind: "B", text: "已改造排水管网320米。" } });
    expect(drafted.body.suggestion.countersigns.map((c) => [c.departmentName, c.decision])).toEqual(
      [
        ["区交通运输局", null],
        ["区水务局", null],
      ].sort(),
    );

    // What a helper's desk lists: awaiting its countersign, with the lead's draft.
    const desk = await dept.jiaotong.http.get<{ suggestions: SuggestionView[] }>("/api/suggestions?status=COUNTERSIGNING");
    expect(desk.body.suggestions.find((x) => x.id === s.id)?.draftAnswer?.text).toBe("已改造排水管网320米。");
    // The deputy and the voters do not read a draft; the deputy cannot evaluate it yet.
    const forDeputy = await deputy().get<One>(`/api/suggestions/${s.id}`);
    expect(forDeputy.body.suggestion).toMatchObject({ status: "COUNTERSIGNING", draftAnswer: null, countersigns: [], answers: [] });
    expect((await deputy().post(`/api/suggestions/${s.id}/evaluate`, { result: "SATISFIED" })).status).toBe(409);
    const track = await http(t.server).get<{ suggestion: TrackSuggestionView }>(`/api/track/${theCase.trackingCode}`);
    expect(track.body.suggestion.status).toBe("COUNTERSIGNING");
    expect(track.body.suggestion.answer).toBeUndefined();
    expect(track.text).not.toContain("已改造排水管网");

    const first = await countersign(dept.jiaotong.http, s.id, { agree: true, note: "同意，我局负责积水路段警示。" });
    expect(first.status).toBe(200);
    expect(first.body.suggestion.status).toBe("COUNTERSIGNING");
    expect(first.body.suggestion.countersigns.filter((c) => c.decision === "AGREED")).toMatchObject([{ departmentName: "区交通运输局", note: "同意，我局负责积水路段警示。" }]);
    // Once per draft.
    expect((await countersign(dept.jiaotong.http, s.id, { agree: true })).status).toBe(409);

    const last = await countersign(dept.shuiwu.http, s.id, { agree: true });
    expect(last.status).toBe(200);
    expect(last.body.suggestion).toMatchObject({ status: "ANSWERED", supervision: null, draftAnswer: null });
    expect(last.body.suggestion.answers).toMatchObject([{ kind: "B", text: "已改造排水管网320米。", round: 1, departmentName: "区住建局" }]);
    expect(last.body.suggestion.history.map((h) => [h.type, h.toStatus])).toEqual([
      ["created", "DRAFT"],
      ["status", "SUBMITTED"],
      ["status", "ASSIGNED"],
      ["countersignRequested", "COUNTERSIGNING"],
      ["countersigned", "COUNTERSIGNING"],
      ["countersigned", "ANSWERED"],
      ["answered", "ANSWERED"],
    ]);
    expect(last.body.suggestion.history[4]!.note).toBe("区交通运输局：同意（同意，我局负责积水路段警示。）");
    // The answer that went out is the lead department's, whoever signed last.
    expect(last.body.suggestion.history.at(-1)).toMatchObject({ type: "answered", actorName: "区住建局", note: "B" });

    const out = await http(t.server).get<{ suggestion: TrackSuggestionView }>(`/api/track/${theCase.trackingCode}`);
    expect(out.body.suggestion).toMatchObject({ status: "ANSWERED", answer: { kind: "B", text: "已改造排水管网320米。" } });
    expect((await deputy().post<One>(`/api/suggestions/${s.id}/evaluate`, { result: "SATISFIED" })).body.suggestion.status).toBe("EVALUATED");

    const audit = await admin().get<{ entries: { action: string; target: string; result: string }[] }>("/api/audit?action=suggestion.countersign");
    expect(audit.body.entries.filter((e) => e.target.includes(`suggestion:${s.id}`) && e.result === "ok")).toHaveLength(2);
  });

  it("a helper returns the draft with a reason; the lead revises it and every helper signs the new version", async () => {
    const s = await assigned();
    await answer(s.id, "第一稿");
    expect((await countersign(dept.jiaotong.http, s.id, { agree: true })).status).toBe(200);
    const noReason = await dept.shuiwu.http.post(`/api/suggestions/${s.id}/countersign`, { agree: false });
    expect(noReason.status).toBe(400);
    expect(Object.keys(noReason.body.error.details)).toEqual(["note"]);

    const returned = await countersign(dept.shuiwu.http, s.id, { agree: false, note: "请补充河道排涝的安排。" });
    expect(returned.status).toBe(200);
    expect(returned.body.suggestion).toMatchObject({ status: "ASSIGNED", answers: [], draftAnswer: { text: "第一稿" } });
    expect(returned.body.suggestion.countersigns.find((c) => c.departmentName === "区水务局")).toMatchObject({ decision: "RETURNED", note: "请补充河道排涝的安排。" });
    expect(returned.body.suggestion.history.at(-1)).toMatchObject({ type: "countersignReturned", toStatus: "ASSIGNED", note: "区水务局：请补充河道排涝的安排。" });
    // Back with the lead: nobody countersigns now, and a returned answer cannot be 退办.
    expect((await countersign(dept.jiaotong.http, s.id, { agree: true })).status).toBe(409);
    expect((await dept.zhujian.http.post(`/api/suggestions/${s.id}/return`, { reason: "不属于本单位" })).status).toBe(409);

    const revised = await answer(s.id, "第二稿：已补充河道排涝安排。");
    expect(revised.body.suggestion).toMatchObject({ status: "COUNTERSIGNING", draftAnswer: { text: "第二稿：已补充河道排涝安排。" } });
    // The earlier agreement was to the first draft: every helper signs again.
    expect(revised.body.suggestion.countersigns.map((c) => c.decision)).toEqual([null, null]);
    await countersign(dept.shuiwu.http, s.id, { agree: true });
    const done = await countersign(dept.jiaotong.http, s.id, { agree: true });
    expect(done.body.suggestion.status).toBe("ANSWERED");
    expect(done.body.suggestion.answers.map((a) => a.text)).toEqual(["第二稿：已补充河道排涝安排。"]);
  });

  it("only a helper department of that suggestion countersigns, only while the answer awaits it", async () => {
    const s = await assigned([dept.jiaotong]);
    // Before any answer: nothing to countersign.
    expect((await countersign(dept.jiaotong.http, s.id, { agree: true })).status).toBe(409);
    await answer(s.id);
    expect((await countersign(dept.zhujian.http, s.id, { agree: true })).status).toBe(403);
    expect((await countersign(dept.minzheng.http, s.id, { agree: true })).status).toBe(403);
    expect((await staff().post(`/api/suggestions/${s.id}/countersign`, { agree: true })).status).toBe(403);
    expect((await deputy().post(`/api/suggestions/${s.id}/countersign`, { agree: true })).status).toBe(403);
    expect((await countersign(dept.jiaotong.http, "no-such-suggestion", { agree: true })).status).toBe(404);
    expect((await countersign(dept.jiaotong.http, s.id, { agree: "yes" })).status).toBe(400);
    // The lead cannot answer over a draft awaiting countersign.
    expect((await answer(s.id, "再答一次")).status).toBe(409);
    expect(await t.db.suggestion.findUniqueOrThrow({ where: { id: s.id } })).toMatchObject({ status: "COUNTERSIGNING", draftText: "已改造排水管网320米。" });
  });

  it("the office's reassignment drops a draft and its countersigns", async () => {
    const s = await assigned();
    await answer(s.id);
    await countersign(dept.shuiwu.http, s.id, { agree: false, note: "不同意" });
    const again = await staff().post<One>(`/api/suggestions/${s.id}/assign`, { leadDepartmentId: dept.zhujian.department.id, coDepartmentIds: [dept.jiaotong.department.id], dueAt: inDays(50) });
    expect(again.status).toBe(200);
    expect(again.body.suggestion).toMatchObject({ status: "ASSIGNED", draftAnswer: null, countersigns: [{ departmentName: "区交通运输局", decision: null }] });
  });

  it("without helper departments the answer goes out at once, as before", async () => {
    const s = await assigned([]);
    const res = await answer(s.id);
    expect(res.body.suggestion).toMatchObject({ status: "ANSWERED", draftAnswer: null, countersigns: [] });
    expect(res.body.suggestion.answers).toHaveLength(1);
  });

  it("the supervision filter keeps a countersigned answer's colour until it goes out", async () => {
    const s = await assigned();
    await answer(s.id);
    const green = await staff().get<{ suggestions: SuggestionView[] }>("/api/suggestions?supervision=GREEN");
    expect(green.body.suggestions.find((x) => x.id === s.id)).toMatchObject({ status: "COUNTERSIGNING", supervision: "GREEN" });
  });
});
