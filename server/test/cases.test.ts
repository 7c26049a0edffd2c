import { maskPhone } from "../src/domain/privacy.ts";
import { beforeEach, describe, expect, it } from "vitest";
import type { CaseDetail, CaseListItem } from "../src/protocol/back-office.ts";
import type { TrackView } from "../src/protocol/model.ts";
import { PHONES, playFinishedDay, type FinishedDay } from "./helpers/back-office-fixtures.ts";
import { useTestServer } from "./helpers/use-test-server.ts";

const t = useTestServer({ perTest: true });
let day: FinishedDay;
beforeEach(async () => {
  day = await playFinishedDay(t.server, t.world);
});

const staff = () => t.http("staffShengze");

/** Opens a case at 黎里 by hand, as its staff. */
async function liliCase(): Promise<CaseDetail> {
  const res = await t.http("staffLili").post<CaseDetail>("/api/cases", {
    venueId: t.world.lili.venueId,
    category: "环境",
    summary: "河道保洁不及时",
  });
  expect(res.status).toBe(201);
  return res.body;
}

describe("listing cases (GET /api/cases)", () => {
  it("shows staff the cases of their venues only; admin sees all", async () => {
    const lili = await liliCase();
    const mine = await staff().get<{ cases: CaseListItem[]; total: number }>("/api/cases");
    expect(mine.status).toBe(200);
    expect(mine.body.cases.map((c) => c.trackingCode)).toEqual([day.walkIn.trackingCode]);
    expect(mine.body.cases[0]).toMatchObject({ venueName: "晓鹃工作室", ticketLabel: "A001", status: "OPEN", overdue: false, sessionTitle: "代表接待日" });
    const theirs = await t.http("staffLili").get<{ cases: CaseListItem[] }>("/api/cases");
    expect(theirs.body.cases.map((c) => c.id)).toEqual([lili.case.id]);
    const all = await t.http("admin").get<{ total: number }>("/api/cases");
    expect(all.body.total).toBe(2);
  });

  it("filters by status, venue, dates, text and overdue", async () => {
    await liliCase();
    const admin = t.http("admin");
    const count = async (query: string) => (await admin.get<{ total: number }>(`/api/cases?${query}`)).body.total;
    expect(await count("status=OPEN")).toBe(2);
    expect(await count("status=ASSIGNED,IN_PROGRESS")).toBe(0);
    expect(await count(`venueId=${t.world.lili.venueId}`)).toBe(1);
    expect(await count(`q=${encodeURIComponent("电梯")}`)).toBe(1);
    expect(await count(`q=${day.walkIn.trackingCode.toLowerCase()}`)).toBe(1);
    expect(await count(`from=${new Date(Date.now() + 3600_000).toISOString()}`)).toBe(0);
    expect(await count(`to=${new Date(Date.now() + 3600_000).toISOString()}`)).toBe(2);
    expect(await count("overdue=1")).toBe(0);
    await t.db.case.update({ where: { id: day.walkIn.caseId }, data: { dueAt: new Date(Date.now() - 86_400_000) } });
    expect(await count("overdue=1")).toBe(1);
    expect(await count("overdue=0")).toBe(1);
  });

  it("refuses anonymous callers, other towns' venues and bad filters", async () => {
    expect((await t.http().get("/api/cases")).status).toBe(401);
    const foreign = await staff().get(`/api/cases?venueId=${t.world.lili.venueId}`);
    expect(foreign.status).toBe(403);
    const bad = await staff().get("/api/cases?status=DONE&from=yesterday&limit=0");
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("BAD_REQUEST");
    expect(Object.keys(bad.body.error.details).sort()).toEqual(["from", "limit", "status.0"]);
  });
});

describe("one case (GET /api/cases/:id)", () => {
  it("has the voter's contact for staff, the history and the allowed next steps", async () => {
    const res = await staff().get<CaseDetail>(`/api/cases/${day.walkIn.caseId}`);
    expect(res.status).toBe(200);
    // The phone is masked here; GET /api/cases/:id/contact shows it in full, audited.
    expect(res.body.voter).toMatchObject({ label: "A001", name: "李阿婆", phone: maskPhone(PHONES.walkIn), topic: "加装电梯" });
    expect(res.body.history.map((e) => [e.type, e.toStatus])).toEqual([["created", "OPEN"]]);
    expect(res.body.nextStatuses).toEqual(["ASSIGNED", "REJECTED"]);
  });

  it("is hidden from another town's staff (403) and unknown ids are 404", async () => {
    const other = await t.http("staffLili").get(`/api/cases/${day.walkIn.caseId}`);
    expect(other.status).toBe(403);
    expect(other.body.error.code).toBe("FORBIDDEN");
    expect((await staff().get("/api/cases/nope")).status).toBe(404);
    expect((await t.http().get(`/api/cases/${day.walkIn.caseId}`)).status).toBe(401);
  });
});

describe("driving a case (PATCH /api/cases/:id)", () => {
  it("walks OPEN → ASSIGNED → IN_PROGRESS → RESOLVED → CLOSED and writes each step to the history", async () => {
    const path = `/api/cases/${day.walkIn.caseId}`;
    const due = new Date(Date.now() + 7 * 86_400_000).toISOString();
    const assigned = await staff().patch<CaseDetail>(path, { status: "ASSIGNED", assignee: "镇住建部门", dueAt: due, note: "已转交" });
    expect(assigned.status).toBe(200);
    expect(assigned.body.case).toMatchObject({ status: "ASSIGNED", assignee: "镇住建部门", dueAt: due, effectiveDueAt: due });
    expect(assigned.body.nextStatuses).toEqual(["IN_PROGRESS", "REJECTED", "OPEN"]);
    expect((await staff().patch(path, { status: "IN_PROGRESS" })).status).toBe(200);
    const resolved = await staff().patch<CaseDetail>(path, { status: "RESOLVED", resolution: "已完成评估，纳入明年加装计划" });
    expect(resolved.body.case).toMatchObject({ status: "RESOLVED", resolution: "已完成评估，纳入明年加装计划", overdue: false });
    expect(resolved.body.case.resolvedAt).not.toBeNull();
    const closed = await staff().patch<CaseDetail>(path, { status: "CLOSED" });
    expect(closed.body.case.status).toBe("CLOSED");
    expect(closed.body.history.map((e) => [e.type, e.fromStatus, e.toStatus, e.note, e.actorName])).toEqual([
      ["created", null, "OPEN", null, "staff.shengze"],
      ["assigned", null, null, "镇住建部门", "staff.shengze"],
      ["due", null, null, due, "staff.shengze"],
      ["status", "OPEN", "ASSIGNED", "已转交", "staff.shengze"],
      ["status", "ASSIGNED", "IN_PROGRESS", null, "staff.shengze"],
      ["status", "IN_PROGRESS", "RESOLVED", "已完成评估，纳入明年加装计划", "staff.shengze"],
      ["status", "RESOLVED", "CLOSED", null, "staff.shengze"],
    ]);
    // A closed case is final.
    const again = await staff().patch(path, { assignee: "别处" });
    expect(again.status).toBe(409);
  });

  it("answers 409 to a transition the lifecycle does not allow, and changes nothing", async () => {
    const path = `/api/cases/${day.walkIn.caseId}`;
    const res = await staff().patch(path, { status: "RESOLVED", resolution: "跳过了步骤", assignee: "某部门" });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe("CONFLICT");
    const after = await t.db.case.findUniqueOrThrow({ where: { id: day.walkIn.caseId }, include: { events: true } });
    expect([after.status, after.assignee, after.resolution, after.events.length]).toEqual(["OPEN", null, null, 1]);
  });

  it("needs an assignee to assign, a resolution to resolve and a reason to reject (400 with details)", async () => {
    const path = `/api/cases/${day.walkIn.caseId}`;
    const noAssignee = await staff().patch(path, { status: "ASSIGNED" });
    expect(noAssignee.status).toBe(400);
    expect(noAssignee.body.error.details).toEqual({ assignee: "required to assign" });
    const noReason = await staff().patch(path, { status: "REJECTED" });
    expect(noReason.body.error.details).toEqual({ rejectReason: "required to reject" });
    const unknown = await staff().patch(path, { status: "ARCHIVED", colour: "red" });
    expect(unknown.status).toBe(400);
    expect(Object.keys(unknown.body.error.details).sort()).toEqual(["_", "status"].sort());
    expect((await staff().patch(path, {})).status).toBe(400);
    const rejected = await staff().patch<CaseDetail>(path, { status: "REJECTED", rejectReason: "不属于本级人大职权范围" });
    expect(rejected.body.case).toMatchObject({ status: "REJECTED", rejectReason: "不属于本级人大职权范围" });
    expect(rejected.body.nextStatuses).toEqual([]);
  });

  it("is for staff of the case's venue: deputies 403, other towns 403, anonymous 401", async () => {
    const path = `/api/cases/${day.walkIn.caseId}`;
    expect((await t.http().patch(path, { status: "ASSIGNED", assignee: "x" })).status).toBe(401);
    expect((await t.http("staffLili").patch(path, { status: "ASSIGNED", assignee: "x" })).status).toBe(403);
    expect((await t.http("deputyShengze").patch(path, { status: "ASSIGNED", assignee: "x" })).status).toBe(403);
    expect((await t.http("admin").patch(path, { status: "ASSIGNED", assignee: "x" })).status).toBe(200);
  });

  it("reopening a resolved case clears its resolution time", async () => {
    const path = `/api/cases/${day.walkIn.caseId}`;
    await staff().patch(path, { status: "ASSIGNED", assignee: "镇住建部门" });
    await staff().patch(path, { status: "IN_PROGRESS" });
    await staff().patch(path, { status: "RESOLVED", resolution: "已答复" });
    const reopened = await staff().patch<CaseDetail>(path, { status: "IN_PROGRESS", note: "选民反映未解决" });
    expect(reopened.body.case).toMatchObject({ status: "IN_PROGRESS", resolvedAt: null });
  });
});

describe("notes and hand-made cases", () => {
  it("keeps internal notes in the history but off the voter's tracking page", async () => {
    const res = await t.http("deputyShengze").post(`/api/cases/${day.walkIn.caseId}/notes`, { text: "已电话联系李阿婆 13812345678" });
    expect(res.status).toBe(201);
    expect(res.body.event).toMatchObject({ type: "note", internal: true, actorName: "deputy.xiaojuan" });
    const detail = await staff().get<CaseDetail>(`/api/cases/${day.walkIn.caseId}`);
    expect(detail.body.history.at(-1)).toMatchObject({ type: "note", note: "已电话联系李阿婆 13812345678" });
    const track = await t.http().get<{ case: TrackView }>(`/api/track/${day.walkIn.trackingCode}`);
    expect(JSON.stringify(track.body)).not.toContain("13812345678");
    expect(JSON.stringify(track.body)).not.toContain("李阿婆");
    expect((await staff().post(`/api/cases/${day.walkIn.caseId}/notes`, { text: "" })).status).toBe(400);
    expect((await t.http("staffLili").post(`/api/cases/${day.walkIn.caseId}/notes`, { text: "x" })).status).toBe(403);
  });

  it("lets staff open a case for a venue in scope, optionally tied to one of its sessions", async () => {
    const res = await staff().post<CaseDetail>("/api/cases", {
      venueId: t.world.shengze.venueId,
      sessionId: day.sessionId,
      category: "交通",
      summary: "来信：公交站台缺少遮雨棚",
      assignee: "镇交通办",
      dueAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    expect(res.status).toBe(201);
    expect(res.body.case).toMatchObject({ status: "OPEN", assignee: "镇交通办", sessionId: day.sessionId, trackingCode: expect.stringMatching(/^[A-Z2-9]{8}$/) });
    expect(res.body.history.map((e) => e.type)).toEqual(["created", "assigned"]);
    // It joined the session's log, so staff watching live saw it.
    const last = await t.db.sessionEvent.findFirstOrThrow({ where: { sessionId: day.sessionId }, orderBy: { seq: "desc" } });
    expect(last.type).toBe("case.created");

    const foreign = await staff().post("/api/cases", { venueId: t.world.lili.venueId, category: "x", summary: "y" });
    expect(foreign.status).toBe(403);
    const mismatched = await t.http("admin").post("/api/cases", { venueId: t.world.lili.venueId, sessionId: day.sessionId, category: "x", summary: "y" });
    expect(mismatched.status).toBe(400);
    expect(mismatched.body.error.details).toEqual({ sessionId: "belongs to another venue" });
    const invalid = await staff().post("/api/cases", { venueId: t.world.shengze.venueId, category: "", dueAt: "soon" });
    expect(invalid.status).toBe(400);
    expect(Object.keys(invalid.body.error.details).sort()).toEqual(["category", "dueAt", "summary"]);
    expect((await t.http("deputyShengze").post("/api/cases", { venueId: t.world.shengze.venueId, category: "x", summary: "y" })).status).toBe(403);
    expect((await staff().post("/api/cases", { venueId: "nope", category: "x", summary: "y" })).status).toBe(404);
  });
});

describe("the voter's rating (POST /api/track/:trackingCode/feedback)", () => {
  async function resolve() {
    const path = `/api/cases/${day.walkIn.caseId}`;
    await staff().patch(path, { status: "ASSIGNED", assignee: "镇住建部门" });
    await staff().patch(path, { status: "IN_PROGRESS" });
    await staff().patch(path, { status: "RESOLVED", resolution: "已纳入加装计划" });
  }

  it("is refused before the case is resolved (409) and accepted once after", async () => {
    const feedback = `/api/track/${day.walkIn.trackingCode}/feedback`;
    const early = await t.http().post(feedback, { satisfaction: 5 });
    expect(early.status).toBe(409);
    await resolve();
    const before = await t.http().get<{ case: TrackView }>(`/api/track/${day.walkIn.trackingCode}`);
    expect(before.body.case.canRate).toBe(true);
    const rated = await t.http().post<{ case: TrackView }>(feedback, { satisfaction: 4, comment: "谢谢代表" });
    expect(rated.status).toBe(200);
    expect(rated.body.case).toMatchObject({ satisfaction: 4, feedbackComment: "谢谢代表", canRate: false, status: "RESOLVED" });
    expect(rated.body.case.history.at(-1)).toMatchObject({ type: "feedback" });
    const twice = await t.http().post(feedback, { satisfaction: 1 });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe("CONFLICT");
    const row = await t.db.case.findUniqueOrThrow({ where: { id: day.walkIn.caseId }, include: { events: true } });
    expect([row.satisfaction, row.events.filter((e) => e.type === "feedback").length]).toEqual([4, 1]);
    const detail = await staff().get<CaseDetail>(`/api/cases/${day.walkIn.caseId}`);
    expect(detail.body.case.feedbackAt).not.toBeNull();
  });

  it("validates the rating and knows no unknown code", async () => {
    await resolve();
    const feedback = `/api/track/${day.walkIn.trackingCode}/feedback`;
    for (const bad of [{ satisfaction: 0 }, { satisfaction: 6 }, { satisfaction: 3.5 }, { satisfaction: "5" }, { satisfaction: 5, comment: "长".repeat(501) }, { satisfaction: 5, name: "x" }]) {
      const res = await t.http().post(feedback, bad);
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect(res.body.error.code).toBe("BAD_REQUEST");
    }
    expect((await t.db.case.findUniqueOrThrow({ where: { id: day.walkIn.caseId } })).satisfaction).toBeNull();
    expect((await t.http().post("/api/track/ZZZZZZZZ/feedback", { satisfaction: 5 })).status).toBe(404);
    // The code is read the way voters type it.
    expect((await t.http().post(`/api/track/${day.walkIn.trackingCode.toLowerCase()}/feedback`, { satisfaction: 5 })).status).toBe(200);
  });

  it("two taps at once rate once", async () => {
    await resolve();
    const feedback = `/api/track/${day.walkIn.trackingCode}/feedback`;
    const answers = await Promise.all([1, 2, 3, 4, 5].map((s) => t.http().post(feedback, { satisfaction: s })));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409, 409, 409, 409]);
  });
});
