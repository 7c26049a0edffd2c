import { beforeEach, describe, expect, it } from "vitest";
import type { SearchResult } from "../src/protocol/back-office.ts";
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
