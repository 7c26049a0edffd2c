/** 座谈会 (§5e): a forum's record, CSV and minutes follow its agenda. */
import { beforeAll, describe, expect, it } from "vitest";
import { parseCsv } from "../src/domain/csv.ts";
import type { SessionView } from "../src/protocol/model.ts";
import { AGENDA, createForum, invite } from "./helpers/forum-fixtures.ts";
import { ok } from "./helpers/test-server.ts";
import { useTestServer } from "./helpers/use-test-server.ts";

const t = useTestServer({ clock: "fixed" });
const PHONE = "13912345678";
let forum: SessionView;
let labels: { online: string; hall: string; second: string };
let trackingCode: string;

/** A forum played to its end: two items, an online invitee and an invitee in the hall, answers and a follow-up case. */
beforeAll(async () => {
  forum = await createForum(t);
  const online = await invite(t, forum.id, "王建国", { phone: PHONE });
  const inHall = await invite(t, forum.id, "李秀英", { role: "VOTER" });
  const desk = await t.connectAs("staffShengze");
  const hall = await t.connectAs("deputyShengze");
  const voter = await t.connect();
  const a = (await ok(voter, "queue:join", { sessionId: forum.id, invitationToken: online.token, topic: "电梯", question: `六楼老人下楼难，电话${PHONE}`, isPublic: true })).ticket;
  const b = (await ok(desk, "desk:register", { sessionId: forum.id, invitationId: inHall.invitation.id, topic: "停车", isPublic: true, agendaItemId: forum.agenda[1]!.id })).ticket;

  await ok(hall, "hall:agendaNext", { sessionId: forum.id });
  t.clock.advance(60_000);
  await ok(hall, "hall:callNext", { sessionId: forum.id });
  await ok(hall, "hall:start", { ticketId: a.id });
  await ok(hall, "transcript:append", { sessionId: forum.id, ticketId: a.id, kind: "ANSWER", speakerRole: "DEPUTY", speakerName: "沈晓鹃", text: "电梯加装由镇住建部门评估" });
  const finished = await ok(hall, "hall:finish", { ticketId: a.id, summary: "转住建", followUp: { category: "城建", summary: "评估六楼加装电梯" } });
  trackingCode = finished.ticket.trackingCode!;
  await ok(hall, "transcript:append", { sessionId: forum.id, kind: "ANSWER", speakerRole: "DEPUTY", speakerName: "沈晓鹃", text: "电梯议题小结：分批推进" });

  t.clock.advance(20 * 60_000);
  await ok(hall, "hall:agendaNext", { sessionId: forum.id });
  await ok(hall, "hall:callNext", { sessionId: forum.id });
  await ok(hall, "hall:start", { ticketId: b.id });
  await ok(hall, "transcript:append", { sessionId: forum.id, ticketId: b.id, kind: "ANSWER", speakerRole: "DEPUTY", speakerName: "沈晓鹃", text: "夜间开放学校停车场" });
  await ok(hall, "hall:finish", { ticketId: b.id });
  // A second speaker on item 2 who joins and speaks after the item began.
  const c = (await ok(desk, "desk:register", { sessionId: forum.id, name: "赵大伯", topic: "停车收费", isPublic: true })).ticket;
  await ok(hall, "hall:callNext", { sessionId: forum.id });
  await ok(hall, "hall:start", { ticketId: c.id });
  await ok(hall, "hall:finish", { ticketId: c.id });
  await ok(hall, "hall:agendaNext", { sessionId: forum.id });
  await ok(desk, "session:update", { sessionId: forum.id, status: "ENDED" });
  labels = { online: a.label, hall: b.label, second: c.label };
});

describe("a forum's record", () => {
  it("the record JSON carries the agenda, and each turn and line its item", async () => {
    const res = await t.http("staffShengze").get(`/api/sessions/${forum.id}/record`);
    expect(res.status).toBe(200);
    const [item1, item2] = forum.agenda.map((a) => a.id);
    expect(res.body.agenda.map((a: { title: string; status: string }) => [a.title, a.status])).toEqual([[AGENDA[0]!.title, "DONE"], [AGENDA[1]!.title, "DONE"]]);
    const byLabel = Object.fromEntries(res.body.tickets.map((x: { label: string; agendaItemId: string }) => [x.label, x.agendaItemId]));
    expect(byLabel).toEqual({ [labels.online]: item1, [labels.hall]: item2, [labels.second]: item2 });
    const answer = res.body.transcript.find((e: { text: string }) => e.text === "夜间开放学校停车场");
    expect(answer.agendaItemId).toBe(item2);
  });

  it("record.csv gains the 议程 column on turns (and so their cases) and transcript lines; ?part=agenda lists the items", async () => {
    const staff = t.http("staffShengze");
    const [header, ...rows] = parseCsv((await staff.get(`/api/sessions/${forum.id}/record.csv`)).text);
    expect(header!.slice(-2)).toEqual(["议程", "电话"]);
    const col = header!.indexOf("议程");
    const row = (label: string) => rows.find((r) => r[0] === label)!;
    expect(row(labels.online)[col]).toBe(`第1项 ${AGENDA[0]!.title}`);
    expect(row(labels.online)[header!.indexOf("查询码")]).toBe(trackingCode);
    expect(row(labels.hall)[col]).toBe(`第2项 ${AGENDA[1]!.title}`);

    const [tHeader, ...lines] = parseCsv((await staff.get(`/api/sessions/${forum.id}/record.csv?part=transcript`)).text);
    expect(tHeader!.at(-1)).toBe("议程");
    expect(lines.find((l) => l[5] === "夜间开放学校停车场")!.at(-1)).toBe(`第2项 ${AGENDA[1]!.title}`);
    expect(lines.find((l) => l[5] === `进入议程第1项：${AGENDA[0]!.title}`)!.at(-1)).toBe(`第1项 ${AGENDA[0]!.title}`);

    const agenda = await staff.get(`/api/sessions/${forum.id}/record.csv?part=agenda`);
    expect(agenda.status).toBe(200);
    expect(decodeURIComponent(agenda.headers.get("content-disposition")!.split("''")[1]!)).toMatch(/-议程\.csv$/);
    const [aHeader, ...items] = parseCsv(agenda.text);
    expect(aHeader).toEqual(["序号", "议程", "时长(分钟)", "每人发言(分钟)", "状态", "开始", "结束", "实际(分钟)", "发言人数", "办理事项"]);
    expect(items.map((r) => [r[0], r[1], r[4], r[7], r[8], r[9]])).toEqual([
      ["1", AGENDA[0]!.title, "已结束", "21", "1", "1"],
      ["2", AGENDA[1]!.title, "已结束", "0", "2", "0"],
    ]);
  });

  it("a reception's CSV has no 议程 column", async () => {
    const [header] = parseCsv((await t.http("staffShengze").get(`/api/sessions/${t.world.shengze.sessionId}/record.csv`)).text);
    expect(header).not.toContain("议程");
  });

  it("the minutes have a section per item: who spoke (masked), the points, the answers and the cases born in it", async () => {
    const res = await t.http("staffShengze").get(`/api/sessions/${forum.id}/minutes`);
    expect(res.status).toBe(200);
    const html = res.text;
    expect(html).toContain("座谈会纪要");
    const one = html.indexOf(`议程一：${AGENDA[0]!.title}`);
    const two = html.indexOf(`议程二：${AGENDA[1]!.title}`);
    expect(one).toBeGreaterThan(0);
    expect(two).toBeGreaterThan(one);
    const first = html.slice(one, two);
    const second = html.slice(two);
    expect(first).toContain(`${labels.online} 王*`);
    expect(first).toContain("电梯加装由镇住建部门评估");
    expect(first).toContain("电梯议题小结：分批推进");
    expect(first).toContain(trackingCode);
    expect(first).toContain("六楼老人下楼难");
    expect(second).toContain(`${labels.hall} 李*`);
    expect(second).toContain(`${labels.second} 赵*`);
    expect(second).toContain("夜间开放学校停车场");
    expect(second).not.toContain(trackingCode);
    for (const secret of ["王建国", "李秀英", "赵大伯", PHONE]) expect(html).not.toContain(secret);
  });
});
