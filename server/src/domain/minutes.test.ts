import { describe, expect, it } from "vitest";
import type { SessionView, TicketView, TranscriptEntryView } from "../protocol/model.ts";
import { buildMinutes, escapeHtml, redactNumbers, renderMinutesHtml } from "./minutes.ts";
import { resolveAmendments } from "./transcript-timeline.ts";

const session: SessionView = {
  id: "s1",
  venueId: "v1",
  venueName: "三好村人大代表联络站",
  venueKind: "STATION",
  town: "黎里镇",
  title: "代表接待日",
  theme: "停车难 <b>",
  startsAt: "2026-09-10T01:00:00.000Z",
  endsAt: "2026-09-10T04:00:00.000Z",
  deputies: ["沈晓鹃", "李明"],
  streamUrl: null,
  slotMin: 8,
  walkInHeadStartMin: 10,
  status: "ENDED",
  queueOpen: false,
  avgServiceSec: 480,
  streamLive: false,
  hlsUrl: null,
  kind: "RECEPTION",
  agenda: [],
  currentAgendaItemId: null,
};

const ticket = (over: Partial<TicketView>): TicketView => ({
  id: "t1",
  sessionId: "s1",
  label: "W001",
  channel: "ONLINE",
  status: "DONE",
  rank: 1,
  name: "王小明",
  topic: "停车难",
  isPublic: true,
  priority: false,
  joinedAt: "2026-09-10T01:00:00.000Z",
  calledAt: "2026-09-10T01:05:00.000Z",
  startedAt: "2026-09-10T01:06:00.000Z",
  finishedAt: "2026-09-10T01:12:00.000Z",
  phone: "13912345678",
  question: "小区门口停车位不够，电话13912345678",
  summary: "转交镇建设局",
  agendaItemId: null,
  ...over,
});

const entry = (over: Partial<TranscriptEntryView>): TranscriptEntryView => ({
  id: "e1",
  sessionId: "s1",
  ticketId: "t1",
  kind: "QUESTION",
  speakerRole: "VOTER",
  speakerName: "W001",
  text: "停车难：小区门口停车位不够，电话13912345678",
  visibility: "PUBLIC",
  amendsId: null,
  agendaItemId: null,
  createdAt: "2026-09-10T01:06:00.000Z",
  ...over,
});

describe("corrections", () => {
  it("fold into the entry they correct, the latest winning", () => {
    const rows = resolveAmendments([
      entry({ id: "a", text: "原话" }),
      entry({ id: "b", amendsId: "a", text: "更正一", createdAt: "2026-09-10T01:07:00.000Z" }),
      entry({ id: "c", amendsId: "b", text: "更正二", createdAt: "2026-09-10T01:08:00.000Z" }),
      entry({ id: "d", text: "另一句" }),
    ]);
    expect(rows.map((r) => [r.id, r.currentText, r.corrections.length])).toEqual([["a", "更正二", 2], ["d", "另一句", 0]]);
  });
});

describe("minutes (会议纪要)", () => {
  it("blank phone and ID numbers but keep dates and small numbers", () => {
    expect(redactNumbers("打我电话 139 1234 5678 或 0512-63123456")).toBe("打我电话 ［号码已隐去］ 或 ［号码已隐去］");
    expect(redactNumbers("身份证 32058419900101123X")).toBe("身份证 ［号码已隐去］");
    expect(redactNumbers("2026-12-01 前答复，3 号楼 12 户")).toBe("2026-12-01 前答复，3 号楼 12 户");
  });

  it("list each concern with a masked name, the answer and the follow-up, and no phone number", () => {
    const minutes = buildMinutes({
      session,
      tickets: [ticket({}), ticket({ id: "t2", label: "A001", status: "NO_SHOW", name: "李阿婆" })],
      transcript: [
        entry({}),
        entry({ id: "e2", kind: "ANSWER", speakerRole: "DEPUTY", speakerName: "沈晓鹃", text: "我们会协调<script>alert(1)</script>" }),
        entry({ id: "e3", kind: "NOTE", speakerRole: "STAFF", visibility: "STAFF", text: "内部备注" }),
      ],
      cases: [
        {
          id: "c1",
          trackingCode: "ABCD2345",
          sessionId: "s1",
          ticketId: "t1",
          venueId: "v1",
          category: "交通出行",
          summary: "增加停车位",
          status: "ASSIGNED",
          assignee: "镇建设局",
          dueAt: null,
          resolution: null,
          rejectReason: null,
          satisfaction: null,
          feedbackComment: null,
          createdAt: "2026-09-10T01:12:00.000Z",
          updatedAt: "2026-09-10T01:12:00.000Z",
        },
      ],
      generatedAt: new Date("2026-09-11T00:00:00Z"),
    });
    expect(minutes.items).toHaveLength(1);
    expect(minutes.items[0]).toMatchObject({ voter: "王*", concern: "停车难：小区门口停车位不够，电话［号码已隐去］" });
    expect(minutes.notHeard).toBe(1);
    const html = renderMinutesHtml(minutes);
    expect(html).toContain("王*");
    expect(html).toContain("ABCD2345");
    expect(html).toContain("镇建设局");
    expect(html).toContain("2026年9月10日");
    expect(html).toContain("09:00–12:00");
    expect(html).toContain("停车难 &lt;b&gt;");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("13912345678");
    expect(html).not.toContain("王小明");
    expect(html).not.toContain("内部备注");
    expect(html).toContain("@media print");
  });

  it("escapes every HTML-special character", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  });
});

describe("calls in the minutes", () => {
  it("give each turn's phone talk time, summed over its calls, and nothing for a turn without a call", () => {
    const ended = (seq: number, durationSec: number) => ({
      sessionId: "s1",
      seq,
      at: "2026-09-10T01:10:00.000Z",
      type: "call.ended" as const,
      data: { callId: `c${seq}`, ticketId: "t1", label: "W001", durationSec, reason: "HALL_HUNG_UP" as const },
    });
    const m = buildMinutes({
      session,
      tickets: [ticket({}), ticket({ id: "t2", label: "A001", channel: "IN_PERSON" })],
      transcript: [],
      cases: [],
      events: [ended(5, 100), ended(9, 92)],
      generatedAt: new Date("2026-09-10T05:00:00.000Z"),
    });
    expect(m.items.map((i) => i.callSec)).toEqual([192, null]);
    const html = renderMinutesHtml(m);
    expect(html).toContain("W001 通话 3 分 12 秒");
    expect(html.match(/电话连线/g)).toHaveLength(1);
  });
});
