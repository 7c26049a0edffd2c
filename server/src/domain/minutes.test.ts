import { describe, expect, it } from "vitest";
import type { AgendaItemView, SessionView, TicketView, TranscriptEntryView } from "../protocol/model.ts";
import { escapeHtml } from "./html-text.ts";
import { renderMinutesHtml } from "./minutes-html.ts";
import { buildMinutes, groupByAgenda, redactNumbers, type MinutesItem } from "./minutes.ts";
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
          source: "TURN",
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

describe("a forum's minutes, grouped by agenda item", () => {
  const at = (min: number) => new Date(Date.UTC(2026, 8, 10, 1, min)).toISOString();
  const item = (id: string, position: number, from: number | null, to: number | null): AgendaItemView => ({
    id, position, title: `议题${position}`, timeboxMin: 20, speakerMin: 3, startedAt: from === null ? null : at(from), endedAt: to === null ? null : at(to),
    status: to !== null ? "DONE" : from !== null ? "CURRENT" : "PENDING",
  });
  // Out of order on purpose: sections follow the positions.
  const agenda = [item("b", 2, 20, 40), item("a", 1, 0, 20), item("c", 3, null, null)];
  const followUp = (trackingCode: string) => ({ category: "城建", summary: "评估", trackingCode, status: "OPEN" as const, assignee: null });
  const turn = (label: string, agendaItemId: string | null, withCase?: string): MinutesItem => ({
    agendaItemId, label, voter: "王*", organization: null, channel: "ONLINE", concern: label, answers: [], summary: null, callSec: null, followUp: withCase ? followUp(withCase) : null,
  });

  it("puts each turn, remark and case under its item, in agenda order; hand-made cases under the item that had the floor", () => {
    const sections = groupByAgenda(
      agenda,
      [turn("W001", "a", "CASE0001"), turn("W002", "b"), turn("A001", "a")],
      [{ agendaItemId: "b", at: at(25), value: "小结" }],
      [{ agendaItemId: null, at: at(30), value: followUp("CASE0002") }],
    );
    expect(sections.map((s) => [s.position, s.items.map((i) => i.label), s.remarks, s.cases.map((c) => c.trackingCode)])).toEqual([
      [1, ["W001", "A001"], [], ["CASE0001"]],
      [2, ["W002"], ["小结"], ["CASE0002"]],
      [3, [], [], []],
    ]);
  });

  it("adds a last section 议程外 only for what fits no item", () => {
    expect(groupByAgenda(agenda, [], [], [])).toHaveLength(3);
    const sections = groupByAgenda(agenda, [turn("W009", null)], [{ agendaItemId: null, at: at(50), value: "散会后补充" }], []);
    expect(sections.at(-1)).toMatchObject({ position: null, title: "议程外", remarks: ["散会后补充"] });
    expect(sections.at(-1)!.items.map((i) => i.label)).toEqual(["W009"]);
  });

  it("renders a forum's minutes as one section per item, and a reception's as before", () => {
    const forum: SessionView = { ...session, kind: "FORUM", agenda, currentAgendaItemId: null };
    const transcript = [entry({ ticketId: null, kind: "ANSWER", speakerRole: "DEPUTY", text: "第二项小结", agendaItemId: "b", createdAt: at(30) })];
    const html = renderMinutesHtml(buildMinutes({ session: forum, tickets: [ticket({ agendaItemId: "a" })], transcript, cases: [], generatedAt: new Date(at(60)) }));
    expect(html).toContain("座谈会纪要");
    expect(html.indexOf("议程一：议题1")).toBeLessThan(html.indexOf("W001"));
    expect(html.indexOf("议程二：议题2")).toBeLessThan(html.indexOf("第二项小结"));
    expect(html.indexOf("W001")).toBeLessThan(html.indexOf("议程二：议题2"));
    expect(html).toContain("本议程没有发言");
    const reception = renderMinutesHtml(buildMinutes({ session, tickets: [ticket({})], transcript: [], cases: [], generatedAt: new Date(at(60)) }));
    expect(reception).toContain("选民反映问题及答复");
    expect(reception).not.toContain("议程");
  });
});
