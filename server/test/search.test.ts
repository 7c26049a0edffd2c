import { beforeEach, describe, expect, it } from "vitest";
import type { SearchResult } from "../src/protocol/back-office.ts";
import { anonymizeMessages } from "../src/store/anonymize.ts";
import { http, playFinishedDay, type FinishedDay } from "./helpers/back-office-fixtures.ts";
import { useTestServer } from "./helpers/use-test-server.ts";

const t = useTestServer({ perTest: true });
let day: FinishedDay;
beforeEach(async () => {
  day = await playFinishedDay(t.server, t.world);
});

async function find(q: string, token = t.world.tokens.staffShengze): Promise<SearchResult> {
  const res = await http(t.server, token).get<SearchResult>(`/api/search?q=${encodeURIComponent(q)}`);
  expect(res.status, res.text).toBe(200);
  return res.body;
}

const kinds = (r: SearchResult) => r.results.map((h) => `${h.kind}:${h.ticketLabel ?? ""}`).sort();

describe("search (GET /api/search)", () => {
  it("finds a two-character Chinese word in transcripts, tickets and cases", async () => {
    const parking = await find("停车");
    // The online voter's ticket, the question opened at the start of the turn, the answer.
    expect(kinds(parking)).toEqual(["ticket:W001", "transcript:W001", "transcript:W001"]);
    expect(parking.results.every((h) => h.sessionId === day.sessionId && h.venueName === "晓鹃工作室")).toBe(true);
    expect(parking.results.map((h) => h.snippet)).toContain("周边将增设临时停车位");

    const lift = await find("电梯");
    expect(kinds(lift)).toEqual(["case:A001", "ticket:A001", "transcript:A001", "transcript:A001", "transcript:A001"]);
    const kase = lift.results.find((h) => h.kind === "case")!;
    expect(kase).toMatchObject({ id: day.walkIn.caseId, caseId: day.walkIn.caseId, trackingCode: day.walkIn.trackingCode, caseStatus: "OPEN" });
    const ticket = lift.results.find((h) => h.kind === "ticket")!;
    expect(ticket).toMatchObject({ id: day.walkIn.ticketId, caseId: day.walkIn.caseId });
  });

  it("finds longer substrings exactly, corrections included, and not what merely shares a piece", async () => {
    expect(kinds(await find("加装电梯"))).toEqual(["case:A001", "ticket:A001", "transcript:A001", "transcript:A001", "transcript:A001"]);
    expect((await find("下周评估")).results.map((h) => h.snippet)).toEqual(["我们会请镇住建部门下周评估加装电梯"]);
    // 停车 and 车位 both occur, but never as 停车车位.
    expect((await find("停车车位")).results).toEqual([]);
    expect((await find("临时停车位")).results).toHaveLength(1);
  });

  it("needs every term and handles one character and punctuation", async () => {
    expect(kinds(await find("电梯 评估"))).toEqual(["case:A001", "transcript:A001", "transcript:A001"]);
    expect((await find("梯")).results.length).toBeGreaterThan(0);
    expect(kinds(await find("梯"))).toEqual(["case:A001", "ticket:A001", "transcript:A001", "transcript:A001", "transcript:A001"]);
    expect((await find("=HYPERLINK(\"x\")")).results.map((h) => h.kind)).toEqual(["ticket"]);
    expect((await find("100%")).results).toEqual([]);
    expect((await find("\"OR NEAR(")).results).toEqual([]);
  });

  it("follows later edits: a resolution, a summary, a deleted case", async () => {
    await t.http("staffShengze").patch(`/api/cases/${day.walkIn.caseId}`, { status: "ASSIGNED", assignee: "镇住建部门" });
    await t.http("staffShengze").patch(`/api/cases/${day.walkIn.caseId}`, { resolution: "纳入明年加装计划" });
    expect((await find("明年加装")).results.map((h) => h.kind)).toEqual(["case"]);
    expect((await find("住建部门")).results.map((h) => h.kind).sort()).toEqual(["case", "ticket", "transcript", "transcript"]);
    await t.db.case.delete({ where: { id: day.walkIn.caseId } });
    expect((await find("明年加装")).results).toEqual([]);
  });

  it("keeps to the caller's venues", async () => {
    expect((await find("停车", t.world.tokens.staffLili)).results).toEqual([]);
    expect((await find("停车", t.world.tokens.deputyShengze)).results).toHaveLength(3);
    expect((await find("停车", t.world.tokens.admin)).results).toHaveLength(3);
  });

  it("says when there is more than the limit", async () => {
    const res = await t.http("admin").get<SearchResult>(`/api/search?q=${encodeURIComponent("电梯")}&limit=2`);
    expect(res.body.results).toHaveLength(2);
    expect(res.body.truncated).toBe(true);
    // Newest first.
    expect(res.body.results[0]!.kind).toBe("case");
  });

  it("is for logged-in staff, with a query of 1–100 characters", async () => {
    expect((await t.http().get("/api/search?q=%E5%81%9C%E8%BD%A6")).status).toBe(401);
    for (const q of ["", "%20%20", "x".repeat(101)]) {
      const res = await t.http("staffShengze").get(`/api/search?q=${q}`);
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ code: "BAD_REQUEST", details: { q: expect.any(String) } });
    }
    expect((await t.http("staffShengze").get("/api/search")).status).toBe(400);
  });
});

describe("search over message-box messages (§6d)", () => {
  const PHONE = "13955557777";
  const WORDS = "路灯坏了两个月";

  /** A message left at a venue's public box, as a voter would; its tracking code and case id. */
  async function leaveMessage(venueId: string, over: Record<string, unknown> = {}): Promise<{ code: string; caseId: string }> {
    const res = await fetch(`${t.url}/api/venues/${encodeURIComponent(venueId)}/messages`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify({
        name: "留言人周阿姨",
        phone: PHONE,
        topic: "小区照明",
        text: `幸福路三号楼前的${WORDS}，晚上出门很不方便，请打 ${PHONE} 回复我。`,
        isPublic: false,
        consentVersion: 1,
        ...over,
      }),
    });
    const body = (await res.json()) as { trackingCode: string };
    expect(res.status, JSON.stringify(body)).toBe(201);
    const kase = await t.db.case.findUniqueOrThrow({ where: { trackingCode: body.trackingCode }, select: { id: true } });
    return { code: body.trackingCode, caseId: kase.id };
  }

  it("finds a message's words for its venue's staff only, linking to its case, without the phone", async () => {
    const { code, caseId } = await leaveMessage(t.world.shengze.venueId);
    const found = await find(WORDS);
    expect(found.results).toHaveLength(1);
    const hit = found.results[0]!;
    expect(hit).toMatchObject({
      kind: "message",
      id: (await t.db.voterMessage.findUniqueOrThrow({ where: { caseId } })).id,
      caseId,
      trackingCode: code,
      caseStatus: "OPEN",
      sessionId: null,
      ticketLabel: null,
      venueId: t.world.shengze.venueId,
      venueName: "晓鹃工作室",
    });
    expect(hit.snippet).toContain(WORDS);
    // The voter's name and topic are found too; the topic is also the case's summary.
    expect((await find("周阿姨")).results.map((h) => h.kind)).toEqual(["message"]);
    expect((await find("小区照明")).results.map((h) => h.kind).sort()).toEqual(["case", "message"]);
    // The number the voter wrote into the text is blanked in the snippet; the phone field is never indexed.
    const byNumber = await find(PHONE);
    expect(byNumber.results.map((h) => h.kind)).toEqual(["message"]);
    for (const r of [found, byNumber]) expect(JSON.stringify(r.results)).not.toContain(PHONE);
    expect(byNumber.results[0]!.snippet).toContain("［号码已隐去］");

    expect((await find(WORDS, t.world.tokens.staffLili)).results).toEqual([]);
    expect((await find(WORDS, t.world.tokens.deputyShengze)).results).toHaveLength(1);
    expect((await find("周阿姨", t.world.tokens.admin)).results).toHaveLength(1);

    // An edit of the text is followed, as for the other kinds.
    await t.db.voterMessage.update({ where: { caseId }, data: { text: "已当面说明" } });
    expect((await find(PHONE)).results).toEqual([]);
    expect((await find(WORDS)).results).toEqual([]);
    expect((await find("当面说明")).results.map((h) => h.kind)).toEqual(["message"]);
  });

  it("no longer finds the words once the voter erased the message", async () => {
    const { code } = await leaveMessage(t.world.shengze.venueId);
    expect((await find(WORDS)).results).toHaveLength(1);
    const erased = await fetch(`${t.url}/api/track/${code}/erase`, { method: "POST" });
    expect(erased.status).toBe(200);
    expect((await find(WORDS)).results).toEqual([]);
    expect((await find("周阿姨")).results).toEqual([]);
    expect((await find(PHONE)).results).toEqual([]);
    // The case stays findable by its topic; the message's hit now holds only what anonymizing left.
    expect((await find("小区照明")).results.map((h) => h.kind).sort()).toEqual(["case", "message"]);
  });

  it("no longer finds the words, nor a number in the topic, once retention anonymized the message", async () => {
    const { caseId } = await leaveMessage(t.world.shengze.venueId, { topic: `照明 ${PHONE}` });
    expect((await find(PHONE)).results.map((h) => h.kind).sort()).toEqual(["case", "message"]);
    await t.db.$transaction((tx) => anonymizeMessages(tx, [caseId], new Date()));
    expect((await find(WORDS)).results).toEqual([]);
    expect((await find("周阿姨")).results).toEqual([]);
    expect((await find(PHONE)).results).toEqual([]);
    expect((await find("照明")).results.map((h) => h.kind).sort()).toEqual(["case", "message"]);
  });

  it("follows its case to another venue, and goes with a deleted case", async () => {
    const { caseId } = await leaveMessage(t.world.shengze.venueId);
    await t.db.case.update({ where: { id: caseId }, data: { venueId: t.world.lili.venueId } });
    expect((await find(WORDS)).results).toEqual([]);
    expect((await find(WORDS, t.world.tokens.staffLili)).results.map((h) => [h.kind, h.caseId])).toEqual([["message", caseId]]);
    await t.db.case.delete({ where: { id: caseId } });
    expect(await t.db.voterMessage.count({ where: { caseId } })).toBe(0);
    expect((await find(WORDS, t.world.tokens.admin)).results).toEqual([]);
  });
});
