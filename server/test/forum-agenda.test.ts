/** 座谈会 (§5e): the agenda moves, and the speakers' list of each item. */
import { describe, expect, it } from "vitest";
import type { SessionView, TicketView, TranscriptEntryView } from "../src/protocol/model.ts";
import { AGENDA, createForum, invite } from "./helpers/forum-fixtures.ts";
import { call, ok } from "./helpers/test-server.ts";
import { useTestServer } from "./helpers/use-test-server.ts";
import { watch } from "./helpers/watcher.ts";

const t = useTestServer({ perTest: true, clock: "fixed" });

const statuses = (s: SessionView) => s.agenda.map((a) => a.status);

describe("agenda moves", () => {
  it("the first move starts item 1 and makes the day LIVE, the next moves item by item, the last leaves the agenda done", async () => {
    const forum = await createForum(t);
    expect(forum).toMatchObject({ kind: "FORUM", status: "OPEN", currentAgendaItemId: null });
    expect(forum.agenda.map((a) => [a.position, a.title, a.timeboxMin, a.speakerMin, a.status])).toEqual([
      [1, AGENDA[0]!.title, 30, 3, "PENDING"],
      [2, AGENDA[1]!.title, 20, 3, "PENDING"],
    ]);
    const hall = await t.connectAs("deputyShengze");
    const viewer = await watch(await t.connect(), forum.id);

    const first = (await ok(hall, "hall:agendaNext", { sessionId: forum.id })).session;
    expect(first.status).toBe("LIVE");
    expect(first.currentAgendaItemId).toBe(first.agenda[0]!.id);
    expect(statuses(first)).toEqual(["CURRENT", "PENDING"]);
    expect(first.agenda[0]!.startedAt).toBe(t.clock.now().toISOString());

    t.clock.advance(25 * 60_000);
    const second = (await ok(hall, "hall:agendaNext", { sessionId: forum.id })).session;
    expect(statuses(second)).toEqual(["DONE", "CURRENT"]);
    expect(second.agenda[0]!.endedAt).toBe(t.clock.now().toISOString());

    const done = (await ok(hall, "hall:agendaNext", { sessionId: forum.id })).session;
    expect(done.currentAgendaItemId).toBeNull();
    expect(statuses(done)).toEqual(["DONE", "DONE"]);
    expect(done.status).toBe("LIVE");

    const again = await call(hall, "hall:agendaNext", { sessionId: forum.id });
    expect(again).toMatchObject({ ok: false, error: { code: "CONFLICT" } });

    // Viewers see each move as session.updated with the agenda, and a SYSTEM line per item.
    await viewer.waitFor((e) => e.type === "transcript.appended" && (e.data as TranscriptEntryView).text === "议程已全部结束");
    const sessions = viewer.events.filter((e) => e.type === "session.updated").map((e) => e.data as SessionView);
    expect(sessions.map((s) => s.agenda.find((a) => a.status === "CURRENT")?.position ?? null)).toEqual([1, 2, null]);
    const lines = viewer.events.filter((e) => e.type === "transcript.appended").map((e) => e.data as TranscriptEntryView);
    expect(lines.map((l) => [l.kind, l.text, l.agendaItemId])).toEqual([
      ["SYSTEM", `进入议程第1项：${AGENDA[0]!.title}`, first.agenda[0]!.id],
      ["SYSTEM", `进入议程第2项：${AGENDA[1]!.title}`, first.agenda[1]!.id],
      ["SYSTEM", "议程已全部结束", null],
    ]);
  });

  it("is refused on a reception (BAD_REQUEST), on an empty agenda (CONFLICT), to voters and to other towns", async () => {
    const hall = await t.connectAs("staffShengze");
    expect(await call(hall, "hall:agendaNext", { sessionId: t.world.shengze.sessionId })).toMatchObject({ ok: false, error: { code: "BAD_REQUEST" } });
    const empty = await createForum(t, { agenda: [] });
    expect(await call(hall, "hall:agendaNext", { sessionId: empty.id })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    const forum = await createForum(t);
    expect(await call(await t.connect(), "hall:agendaNext", { sessionId: forum.id })).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
    expect(await call(await t.connectAs("staffLili"), "hall:agendaNext", { sessionId: forum.id })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    // A scheduled forum has not opened: the chair cannot start its agenda yet.
    const later = await createForum(t, { status: "SCHEDULED" });
    expect(await call(hall, "hall:agendaNext", { sessionId: later.id })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
  });

  it("can be rewritten (PUT or PATCH) until its first item starts, then not; a reception takes no agenda", async () => {
    const forum = await createForum(t);
    const staff = t.http("staffShengze");
    const put = await staff.put(`/api/sessions/${forum.id}/agenda`, { items: [{ title: "垃圾分类", timeboxMin: 15 }, ...AGENDA] });
    expect(put.status, put.text).toBe(200);
    expect((put.body.session as SessionView).agenda.map((a) => [a.position, a.title])).toEqual([[1, "垃圾分类"], [2, AGENDA[0]!.title], [3, AGENDA[1]!.title]]);
    const patched = await staff.patch(`/api/sessions/${forum.id}`, { agenda: [{ title: "垃圾分类", timeboxMin: 15, speakerMin: 2 }] });
    expect(patched.status, patched.text).toBe(200);
    expect((patched.body.session as SessionView).agenda.map((a) => [a.title, a.speakerMin])).toEqual([["垃圾分类", 2]]);
    expect((await t.http("deputyShengze").put(`/api/sessions/${forum.id}/agenda`, { items: [] })).status).toBe(200);
    expect((await t.http("staffLili").put(`/api/sessions/${forum.id}/agenda`, { items: [] })).status).toBe(403);
    expect((await staff.put(`/api/sessions/${forum.id}/agenda`, { items: [{ title: "", timeboxMin: 0 }] })).status).toBe(400);

    await staff.put(`/api/sessions/${forum.id}/agenda`, { items: AGENDA });
    await ok(await t.connectAs("staffShengze"), "hall:agendaNext", { sessionId: forum.id });
    expect((await staff.put(`/api/sessions/${forum.id}/agenda`, { items: AGENDA })).status).toBe(409);
    expect((await staff.patch(`/api/sessions/${forum.id}`, { agenda: [] })).status).toBe(409);
    expect((await staff.patch(`/api/sessions/${forum.id}`, { kind: "RECEPTION" })).status).toBe(409);

    const reception = await staff.post("/api/sessions", {
      venueId: t.world.shengze.venueId, title: "接待日", startsAt: t.clock.now().toISOString(), endsAt: new Date(t.clock.now().getTime() + 3600_000).toISOString(), agenda: AGENDA,
    });
    expect(reception.status).toBe(400);
    expect((await staff.put(`/api/sessions/${t.world.shengze.sessionId}/agenda`, { items: AGENDA })).status).toBe(400);
  });
});

describe("speakers' lists per item", () => {
  /** Invitees join online on the given items, one minute apart. */
  async function speakers(forum: SessionView, who: Array<[string, number]>): Promise<Record<string, TicketView>> {
    const out: Record<string, TicketView> = {};
    for (const [name, position] of who) {
      const { token } = await invite(t, forum.id, name);
      const voter = await t.connect();
      const agendaItemId = forum.agenda[position - 1]!.id;
      out[name] = (await ok(voter, "queue:join", { sessionId: forum.id, invitationToken: token, topic: "发言", isPublic: true, agendaItemId, name })).ticket;
      t.clock.advance(60_000);
    }
    return out;
  }

  it("callNext takes the head of the current item's list only, and nobody before the agenda starts", async () => {
    const forum = await createForum(t);
    const s = await speakers(forum, [["李二", 2], ["张一", 1]]);
    expect(s["李二"]!.agendaItemId).toBe(forum.agenda[1]!.id);
    const hall = await t.connectAs("deputyShengze");
    expect(await call(hall, "hall:callNext", { sessionId: forum.id })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });

    await ok(hall, "hall:agendaNext", { sessionId: forum.id });
    // 李二 joined first, but on item 2: item 1's list is 张一 alone.
    const called = (await ok(hall, "hall:callNext", { sessionId: forum.id })).ticket;
    expect(called.id).toBe(s["张一"]!.id);
    await ok(hall, "hall:finish", { ticketId: called.id });
    expect(await call(hall, "hall:callNext", { sessionId: forum.id })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });

    await ok(hall, "hall:agendaNext", { sessionId: forum.id });
    expect((await ok(hall, "hall:callNext", { sessionId: forum.id })).ticket.id).toBe(s["李二"]!.id);
  });

  it("waiting speakers of an ended item move to the next item's list keeping their rank; the speaker on the floor keeps it", async () => {
    const forum = await createForum(t);
    const s = await speakers(forum, [["甲", 1], ["乙", 1], ["丙", 2]]);
    const hall = await t.connectAs("deputyShengze");
    const viewer = await watch(await t.connect(), forum.id);
    await ok(hall, "hall:agendaNext", { sessionId: forum.id });
    const onFloor = (await ok(hall, "hall:callNext", { sessionId: forum.id })).ticket;
    expect(onFloor.id).toBe(s["甲"]!.id);
    await ok(hall, "hall:start", { ticketId: onFloor.id });

    await ok(hall, "hall:agendaNext", { sessionId: forum.id });
    const item2 = forum.agenda[1]!.id;
    const moved = await viewer.waitFor((e) => e.type === "ticket.updated" && (e.data as TicketView).id === s["乙"]!.id && (e.data as TicketView).agendaItemId === item2);
    expect(((moved as { data: TicketView }).data).rank).toBe(s["乙"]!.rank);
    const rows = await t.db.ticket.findMany({ where: { sessionId: forum.id }, orderBy: { rank: "asc" } });
    expect(rows.map((r) => [r.name, r.status, r.agendaItemId])).toEqual([
      ["甲", "SPEAKING", forum.agenda[0]!.id],
      ["乙", "WAITING", item2],
      ["丙", "WAITING", item2],
    ]);
    // 甲 still has the floor; then 乙, who waited longer than 丙, speaks first.
    expect(await call(hall, "hall:callNext", { sessionId: forum.id })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    await ok(hall, "hall:finish", { ticketId: onFloor.id });
    expect((await ok(hall, "hall:callNext", { sessionId: forum.id })).ticket.id).toBe(s["乙"]!.id);
  });

  it("a join chooses an item that is not done, defaulting to the current one (item 1 before the start)", async () => {
    const forum = await createForum(t);
    const hall = await t.connectAs("staffShengze");
    const walkIn = (await ok(hall, "desk:register", { sessionId: forum.id, name: "现场甲", topic: "电梯", isPublic: false })).ticket;
    expect(walkIn.agendaItemId).toBe(forum.agenda[0]!.id);
    await ok(hall, "hall:agendaNext", { sessionId: forum.id });
    await ok(hall, "hall:agendaNext", { sessionId: forum.id });
    const late = (await ok(hall, "desk:register", { sessionId: forum.id, name: "现场乙", topic: "停车", isPublic: false })).ticket;
    expect(late.agendaItemId).toBe(forum.agenda[1]!.id);
    const onDone = await call(hall, "desk:register", { sessionId: forum.id, name: "现场丙", topic: "电梯", isPublic: false, agendaItemId: forum.agenda[0]!.id });
    expect(onDone).toMatchObject({ ok: false, error: { code: "BAD_REQUEST", details: { agendaItemId: expect.any(String) } } });
  });
});
