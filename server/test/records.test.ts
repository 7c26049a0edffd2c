import { maskPhone } from "../src/domain/privacy.ts";
import { beforeEach, describe, expect, it } from "vitest";
import { parseCsv, UTF8_BOM } from "../src/domain/csv.ts";
import type { SessionRecord } from "../src/protocol/sessions.ts";
import { PHONES, playFinishedDay, type FinishedDay } from "./helpers/back-office-fixtures.ts";
import { useTestServer } from "./helpers/use-test-server.ts";

const t = useTestServer({ perTest: true });
let day: FinishedDay;
beforeEach(async () => {
  day = await playFinishedDay(t.server, t.world);
});

describe("the session record (GET /api/sessions/:id/record)", () => {
  it("gives staff of the venue the whole day in the staff projection", async () => {
    const res = await t.http("staffShengze").get<SessionRecord>(`/api/sessions/${day.sessionId}/record`);
    expect(res.status).toBe(200);
    const record = res.body;
    expect(record.session.status).toBe("ENDED");
    expect(record.tickets.map((t) => [t.label, t.status])).toEqual([
      ["A001", "DONE"],
      ["W001", "DONE"],
      ["W002", "NO_SHOW"],
    ]);
    // Staff see the phone masked; the full number only through the audited reveal (privacy-rights.test.ts).
    expect(record.tickets[0]).toMatchObject({ name: "李阿婆", phone: maskPhone(PHONES.walkIn), trackingCode: day.walkIn.trackingCode });
    // (the walk-in typed her number into her question too: the voter's own words stay)
    expect(JSON.stringify(record)).not.toContain(PHONES.online);
    // The correction is a new entry beside the one it amends; the staff note is there, marked.
    const amended = record.transcript.find((e) => e.amendsId === day.answerEntryId);
    expect(amended?.text).toBe("我们会请镇住建部门下周评估加装电梯");
    expect(record.transcript.find((e) => e.id === day.noteEntryId)?.visibility).toBe("STAFF");
    expect(record.cases).toHaveLength(1);
    // The event log is complete: seq 1…n without gaps.
    expect(record.events.map((e) => e.seq)).toEqual(record.events.map((_, i) => i + 1));
    expect(record.events.some((e) => e.type === "redacted")).toBe(false);
  });

  it("answers 401 without a login, 403 to another town's staff and 404 for an unknown session", async () => {
    expect((await t.http().get(`/api/sessions/${day.sessionId}/record`)).status).toBe(401);
    const other = await t.http("staffLili").get(`/api/sessions/${day.sessionId}/record`);
    expect(other.status).toBe(403);
    expect(other.body.error.code).toBe("FORBIDDEN");
    expect((await t.http("staffShengze").get(`/api/sessions/nope/record`)).status).toBe(404);
    expect((await t.http("admin").get(`/api/sessions/${day.sessionId}/record`)).status).toBe(200);
  });

  it("lists the audit trail with who did each step", async () => {
    const res = await t.http("staffShengze").get(`/api/sessions/${day.sessionId}/audit`);
    expect(res.status).toBe(200);
    const events = res.body.events as { seq: number; type: string; actorName: string | null; summary: string }[];
    expect(events[0]!.seq).toBe(1);
    expect(events.find((e) => e.type === "case.created")).toMatchObject({ actorName: "staff.shengze", summary: `办理事项 ${day.walkIn.trackingCode}：城建` });
    expect(JSON.stringify(events)).not.toContain(PHONES.walkIn);
    expect((await t.http("staffLili").get(`/api/sessions/${day.sessionId}/audit`)).status).toBe(403);
  });
});

describe("record.csv", () => {
  it("exports the tickets as Excel-ready CSV that parses back to the record", async () => {
    const res = await t.http("staffShengze").get(`/api/sessions/${day.sessionId}/record.csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="[^"]+\.csv"; filename\*=UTF-8''/);
    expect(decodeURIComponent(res.headers.get("content-disposition")!.split("''")[1]!)).toMatch(/^晓鹃工作室-\d{4}-\d{2}-\d{2}-排号\.csv$/);
    expect(res.headers.get("cache-control")).toBe("no-store");
    // fetch's text() drops the BOM; the bytes keep it.
    const bytes = new Uint8Array(await (await fetch(`${t.url}/api/sessions/${day.sessionId}/record.csv`, { headers: { authorization: `Bearer ${t.world.tokens.staffShengze}` } })).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
    expect(text.startsWith(UTF8_BOM)).toBe(true);
    expect(text.split("\r\n").length).toBeGreaterThan(3);
    // Every line ends with CRLF (no cell here holds a line break of its own).
    expect(/(?<!\r)\n/.test(text)).toBe(false);

    const rows = parseCsv(text);
    expect(parseCsv(res.text).map((r) => r[0])).toEqual(["排号", "A001", "W001", "W002"]);
    const [header, ...body] = rows;
    expect(header!.slice(0, 6)).toEqual(["排号", "渠道", "状态", "姓名", "议题", "问题"]);
    const byLabel = new Map(body.filter((r) => r.length > 1).map((r) => [r[0], Object.fromEntries(header!.map((h, i) => [h, r[i]]))]));
    expect(byLabel.get("A001")).toMatchObject({ 渠道: "现场", 状态: "已完成", 姓名: "李阿婆", 议题: "加装电梯", 查询码: day.walkIn.trackingCode, 办理状态: "OPEN", 处理意见: "转交镇住建部门" });
    expect(byLabel.get("W001")).toMatchObject({ 渠道: "线上", 姓名: "王小明", 问题: "小区门口停车位不够" });
    // A topic that looks like a formula is neutralized.
    expect(byLabel.get("W002")).toMatchObject({ 状态: "未到场", 议题: `'=HYPERLINK("x")` });
    expect(Number(byLabel.get("W001")!["等候(分钟)"])).toBeGreaterThanOrEqual(0);
    // Phone numbers are masked in exports (the question text is the voter's own words).
    expect(header!.at(-1)).toBe("电话");
    expect(byLabel.get("A001")).toMatchObject({ 电话: maskPhone(PHONES.walkIn) });
    expect(text).not.toContain(PHONES.online);
    expect(text).not.toContain(PHONES.noShow);
  });

  it("exports the transcript with corrections and staff-only lines marked", async () => {
    const res = await t.http("staffShengze").get(`/api/sessions/${day.sessionId}/record.csv?part=transcript`);
    expect(res.status).toBe(200);
    const [header, ...rows] = parseCsv(res.text);
    expect(header).toEqual(["时间", "类型", "发言人角色", "发言人", "排号", "内容", "可见范围", "更正的记录", "记录编号"]);
    const correction = rows.find((r) => r[7] === day.answerEntryId);
    expect(correction?.[5]).toBe("我们会请镇住建部门下周评估加装电梯");
    expect(rows.find((r) => r[8] === day.noteEntryId)?.[6]).toBe("仅工作人员");
    expect(rows.find((r) => r[8] === day.answerEntryId)).toMatchObject({ 1: "答复", 2: "代表", 3: "沈晓鹃", 4: "A001" });
  });

  it("exports the event log and refuses an unknown part, other towns and anonymous callers", async () => {
    const events = await t.http("admin").get(`/api/sessions/${day.sessionId}/record.csv?part=events`);
    expect(events.status).toBe(200);
    const [header, first] = parseCsv(events.text);
    expect(header).toEqual(["序号", "时间", "事件", "操作人", "内容"]);
    expect(first?.[0]).toBe("1");
    const bad = await t.http("staffShengze").get(`/api/sessions/${day.sessionId}/record.csv?part=phones`);
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: "BAD_REQUEST", details: { part: expect.any(String) } });
    expect((await t.http("staffLili").get(`/api/sessions/${day.sessionId}/record.csv`)).status).toBe(403);
    expect((await t.http().get(`/api/sessions/${day.sessionId}/record.csv`)).status).toBe(401);
  });
});

describe("minutes (会议纪要)", () => {
  it("is printable HTML with the day's facts, each concern with a masked name, the answer and the follow-up", async () => {
    const res = await t.http("staffShengze").get(`/api/sessions/${day.sessionId}/minutes`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const html = res.text;
    expect(html).toContain("会议纪要");
    expect(html).toContain("晓鹃工作室");
    expect(html).toContain("停车难");
    expect(html).toContain("沈晓鹃");
    expect(html).toContain("@media print");
    expect(html).toContain("李*");
    expect(html).toContain("王*");
    expect(html).toContain("老小区六楼没有电梯");
    expect(html).toContain("小区门口停车位不够");
    // The corrected answer, not the original.
    expect(html).toContain("我们会请镇住建部门下周评估加装电梯");
    expect(html).not.toContain("我们会请住建部门评估加装电梯");
    expect(html).toContain("周边将增设临时停车位");
    expect(html).toContain(day.walkIn.trackingCode);
    expect(html).toContain("评估老小区加装电梯");
    // Never a full name, a phone number (even one typed into a question) or a staff note.
    for (const secret of ["李阿婆", "王小明", "赵六", PHONES.walkIn, PHONES.online, PHONES.noShow, "老人独居"]) expect(html).not.toContain(secret);
    expect(html).toContain("另有 1 人未到或离开");
  });

  it("escapes what voters typed", async () => {
    await t.db.ticket.update({ where: { id: day.online.ticketId }, data: { summary: `<img src=x onerror="alert(1)">` } });
    const html = (await t.http("staffShengze").get(`/api/sessions/${day.sessionId}/minutes`)).text;
    expect(html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
    expect(html).not.toContain("<img");
  });

  it("is for staff of the venue only", async () => {
    expect((await t.http().get(`/api/sessions/${day.sessionId}/minutes`)).status).toBe(401);
    expect((await t.http("staffLili").get(`/api/sessions/${day.sessionId}/minutes`)).status).toBe(403);
    expect((await t.http("staffLili").get(`/api/sessions/missing/minutes`)).status).toBe(404);
  });
});
