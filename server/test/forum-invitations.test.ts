/** 座谈会 (§5e): invitations, RSVP by link, invitee-only online joins, desk check-in, and what viewers never see. */
import { describe, expect, it } from "vitest";
import type { InvitationPublicView, InvitationView } from "../src/protocol/forums.ts";
import type { TicketView } from "../src/protocol/model.ts";
import { DAY_MS } from "../src/domain/privacy.ts";
import type { VoterDataExport } from "../src/protocol/privacy.ts";
import { runRetention } from "../src/services/privacy-and-accounts/retention.ts";
import { tokenHash } from "../src/services/privacy-and-accounts/secrets.ts";
import { createForum, deleteAs, invite } from "./helpers/forum-fixtures.ts";
import { call, ok } from "./helpers/test-server.ts";
import { useTestServer } from "./helpers/use-test-server.ts";
import { watch } from "./helpers/watcher.ts";

const t = useTestServer({ perTest: true, clock: "fixed" });
const PHONE = "13912345678";

const list = async (sessionId: string): Promise<InvitationView[]> => {
  const res = await t.http("staffShengze").get(`/api/sessions/${sessionId}/invitations`);
  expect(res.status).toBe(200);
  return res.body.invitations;
};

describe("invitations", () => {
  it("give a one-time link whose token is stored only as a hash; staff list them with masked phones", async () => {
    const forum = await createForum(t);
    const created = await invite(t, forum.id, "王建国", { organization: "区住建局", role: "DEPARTMENT", phone: PHONE });
    expect(created.link).toBe(`/i/${created.token}`);
    expect(created.invitation).toMatchObject({ name: "王建国", organization: "区住建局", role: "DEPARTMENT", phone: "139****5678", rsvp: "PENDING", ticketId: null });
    const row = await t.db.invitation.findUniqueOrThrow({ where: { id: created.invitation.id } });
    expect(row.tokenHash).toBe(tokenHash(created.token));
    expect(JSON.stringify(row)).not.toContain(created.token);

    const [listed] = await list(forum.id);
    expect(listed).toMatchObject({ id: created.invitation.id, name: "王建国", phone: "139****5678" });
    expect(JSON.stringify(listed)).not.toContain(created.token);
    expect((await t.http("staffLili").get(`/api/sessions/${forum.id}/invitations`)).status).toBe(403);
    expect((await t.http().get(`/api/sessions/${forum.id}/invitations`)).status).toBe(401);
    expect((await t.http("staffLili").post(`/api/sessions/${forum.id}/invitations`, { name: "x", role: "VOTER" })).status).toBe(403);
    // A reception takes no invitations.
    expect((await t.http("staffShengze").post(`/api/sessions/${t.world.shengze.sessionId}/invitations`, { name: "x", role: "VOTER" })).status).toBe(400);
  });

  it("show the holder their invitation and the forum's agenda, without the phone; an unknown token is 404", async () => {
    const forum = await createForum(t);
    const { token } = await invite(t, forum.id, "王建国", { phone: PHONE });
    const res = await t.http().get<InvitationPublicView>(`/api/invitations/${token}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: "王建国", rsvp: "PENDING", session: { id: forum.id, title: "十二月座谈会", theme: "加装电梯与停车", town: "盛泽镇" } });
    expect(res.body.session.agenda.map((a) => a.title)).toEqual(forum.agenda.map((a) => a.title));
    expect(res.text).not.toContain(PHONE);
    expect(res.text).not.toContain("5678");
    expect((await t.http().get(`/api/invitations/${"x".repeat(43)}`)).status).toBe(404);
  });

  it("take an RSVP by token, let the invitee change their mind, and refuse it once the forum ended", async () => {
    const forum = await createForum(t);
    const { token, invitation } = await invite(t, forum.id, "王建国");
    const hall = await t.http().post<InvitationPublicView>(`/api/invitations/${token}/rsvp`, { response: "HALL" });
    expect(hall.status).toBe(200);
    expect(hall.body).toMatchObject({ rsvp: "HALL", respondedAt: t.clock.now().toISOString() });
    t.clock.advance(60_000);
    expect((await t.http().post(`/api/invitations/${token}/rsvp`, { response: "DECLINED" })).body).toMatchObject({ rsvp: "DECLINED" });
    expect((await list(forum.id)).find((i) => i.id === invitation.id)).toMatchObject({ rsvp: "DECLINED", respondedAt: t.clock.now().toISOString() });
    expect((await t.http().post(`/api/invitations/${token}/rsvp`, { response: "PENDING" })).status).toBe(400);
    expect((await t.http().post(`/api/invitations/${"y".repeat(43)}/rsvp`, { response: "HALL" })).status).toBe(404);

    expect((await t.http("staffShengze").patch(`/api/sessions/${forum.id}`, { status: "ENDED" })).status).toBe(200);
    const late = await t.http().post(`/api/invitations/${token}/rsvp`, { response: "ONLINE" });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe("CONFLICT");
  });

  it("get a new link on request (staff), and the old one stops working", async () => {
    const forum = await createForum(t);
    const first = await invite(t, forum.id, "王建国");
    expect((await t.http("deputyShengze").post(`/api/invitations/${first.invitation.id}/link`)).status).toBe(403);
    expect((await t.http("staffLili").post(`/api/invitations/${first.invitation.id}/link`)).status).toBe(403);
    const again = await t.http("staffShengze").post(`/api/invitations/${first.invitation.id}/link`);
    expect(again.status).toBe(200);
    expect(again.body.link).toBe(`/i/${again.body.token}`);
    expect(again.body.token).not.toBe(first.token);
    expect((await t.http().get(`/api/invitations/${first.token}`)).status).toBe(404);
    expect((await t.http().get(`/api/invitations/${again.body.token}`)).body).toMatchObject({ name: "王建国" });
    expect((await t.http("staffShengze").post(`/api/invitations/nope/link`)).status).toBe(404);
  });

  it("are deleted only while they hold no ticket", async () => {
    const forum = await createForum(t);
    const a = await invite(t, forum.id, "甲");
    const b = await invite(t, forum.id, "乙");
    expect((await deleteAs(t, t.world.tokens.staffLili, `/api/invitations/${a.invitation.id}`)).status).toBe(403);
    expect((await deleteAs(t, t.world.tokens.staffShengze, `/api/invitations/${a.invitation.id}`)).status).toBe(204);
    expect((await deleteAs(t, t.world.tokens.staffShengze, `/api/invitations/${a.invitation.id}`)).status).toBe(404);
    await ok(await t.connect(), "queue:join", { sessionId: forum.id, invitationToken: b.token, topic: "电梯", isPublic: false });
    expect((await deleteAs(t, t.world.tokens.staffShengze, `/api/invitations/${b.invitation.id}`)).status).toBe(409);
  });
});

describe("joining a forum", () => {
  it("online needs an invitation's token; the ticket takes the invitee's name; one active ticket per invitation", async () => {
    const forum = await createForum(t);
    const voter = await t.connect();
    const base = { sessionId: forum.id, name: "路人", topic: "电梯", isPublic: false };
    expect(await call(voter, "queue:join", base)).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await call(voter, "queue:join", { ...base, invitationToken: "z".repeat(43) })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    const other = await createForum(t);
    const foreign = await invite(t, other.id, "别处的");
    expect(await call(voter, "queue:join", { ...base, invitationToken: foreign.token })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });

    const { token, invitation } = await invite(t, forum.id, "王建国", { phone: PHONE });
    const joined = await ok(voter, "queue:join", { sessionId: forum.id, invitationToken: token, topic: "电梯", isPublic: false });
    expect(joined.ticket).toMatchObject({ name: "王建国", channel: "ONLINE", agendaItemId: forum.agenda[0]!.id });
    expect((await list(forum.id)).find((i) => i.id === invitation.id)).toMatchObject({ rsvp: "ONLINE", ticketId: joined.ticket.id, ticketLabel: joined.ticket.label });
    expect((await t.http().get(`/api/invitations/${token}`)).body).toMatchObject({ rsvp: "ONLINE", ticketLabel: joined.ticket.label });

    expect(await call(await t.connect(), "queue:join", { sessionId: forum.id, invitationToken: token, topic: "又来", isPublic: false })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    // Once that turn is over, the invitee may ask to speak again (on another item).
    const hall = await t.connectAs("deputyShengze");
    await ok(hall, "hall:agendaNext", { sessionId: forum.id });
    await ok(hall, "hall:callNext", { sessionId: forum.id });
    await ok(hall, "hall:finish", { ticketId: joined.ticket.id });
    const again = await ok(await t.connect(), "queue:join", { sessionId: forum.id, invitationToken: token, topic: "停车", isPublic: false, agendaItemId: forum.agenda[1]!.id });
    expect(again.ticket.agendaItemId).toBe(forum.agenda[1]!.id);
  });

  it("the desk checks an invitee in: RSVP HALL and the invitation holds the ticket, once", async () => {
    const forum = await createForum(t);
    const { invitation } = await invite(t, forum.id, "李阿婆", { phone: PHONE });
    const desk = await t.connectAs("staffShengze");
    const res = await ok(desk, "desk:register", { sessionId: forum.id, invitationId: invitation.id, topic: "加装电梯", isPublic: false });
    expect(res.ticket).toMatchObject({ name: "李阿婆", channel: "IN_PERSON" });
    expect((await list(forum.id))[0]).toMatchObject({ rsvp: "HALL", ticketId: res.ticket.id, ticketLabel: res.ticket.label });
    expect(await call(desk, "desk:register", { sessionId: forum.id, invitationId: invitation.id, topic: "再来", isPublic: false })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    expect(await call(desk, "desk:register", { sessionId: forum.id, invitationId: "nope", topic: "x", isPublic: false })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    // A walk-in without an invitation is still welcome at the desk, but needs a name.
    expect(await call(desk, "desk:register", { sessionId: forum.id, topic: "x", isPublic: false })).toMatchObject({ ok: false, error: { code: "BAD_REQUEST", details: { name: expect.any(String) } } });
    expect((await ok(desk, "desk:register", { sessionId: forum.id, name: "现场", topic: "x", isPublic: false })).ticket.name).toBe("现场");
  });

  it("viewers see the invitees' tickets by label and masked name only — never a full name, phone or the invitation", async () => {
    const forum = await createForum(t);
    const viewer = await watch(await t.connect(), forum.id);
    const online = await invite(t, forum.id, "王建国", { phone: PHONE, organization: "区住建局" });
    const hallGuest = await invite(t, forum.id, "李秀英", { phone: "13700001111" });
    const mine = await ok(await t.connect(), "queue:join", { sessionId: forum.id, invitationToken: online.token, topic: "电梯", isPublic: false, phone: PHONE });
    const desk = await t.connectAs("staffShengze");
    await ok(desk, "desk:register", { sessionId: forum.id, invitationId: hallGuest.invitation.id, topic: "停车", isPublic: false });
    await ok(desk, "hall:agendaNext", { sessionId: forum.id });
    await viewer.waitFor((e) => e.type === "session.updated");
    const snapshot = await ok(await t.connect(), "session:watch", { sessionId: forum.id });

    const seen = JSON.stringify([viewer.events, snapshot]);
    expect(seen).toContain(mine.ticket.label);
    expect(seen).toContain("王*");
    for (const secret of ["王建国", "李秀英", PHONE, "13700001111", online.token, "区住建局"]) expect(seen).not.toContain(secret);
    const names = ("tickets" in snapshot ? snapshot.tickets : []).map((x: TicketView) => x.name);
    expect(names.sort()).toEqual(["李*", "王*"]);
  });
});

describe("an invitee's personal data", () => {
  it("is anonymized RETENTION_DAYS after the forum ended, and with its ticket when the voter erases it", async () => {
    const forum = await createForum(t);
    const stayed = await invite(t, forum.id, "王建国", { phone: PHONE });
    const erased = await invite(t, forum.id, "李秀英", { phone: "13700001111" });
    const { voterToken } = await ok(await t.connect(), "queue:join", { sessionId: forum.id, invitationToken: erased.token, topic: "停车", isPublic: false });
    const mine = (await fetch(`${t.url}/api/me/data`, { headers: { "x-voter-token": voterToken } }).then((r) => r.json())) as VoterDataExport;
    expect(mine.tickets[0]!.invitation).toMatchObject({ name: "李秀英", rsvp: "ONLINE", phone: "13700001111" });
    expect((await fetch(`${t.url}/api/me/erase`, { method: "POST", headers: { "x-voter-token": voterToken } })).status).toBe(200);
    expect(await t.db.invitation.findUniqueOrThrow({ where: { id: erased.invitation.id } })).toMatchObject({ name: "已匿名", phone: null });
    expect((await t.db.invitation.findUniqueOrThrow({ where: { id: stayed.invitation.id } })).name).toBe("王建国");

    await t.http("staffShengze").patch(`/api/sessions/${forum.id}`, { status: "ENDED" });
    t.clock.advance(179 * DAY_MS);
    expect((await runRetention(t.server.app.deps)).invitations).toBe(0);
    t.clock.advance(2 * DAY_MS);
    expect((await runRetention(t.server.app.deps)).invitations).toBe(1);
    const row = await t.db.invitation.findUniqueOrThrow({ where: { id: stayed.invitation.id } });
    expect(row).toMatchObject({ name: "已匿名", phone: null, rsvp: "PENDING" });
    expect(row.anonymizedAt).not.toBeNull();
    expect((await runRetention(t.server.app.deps)).invitations).toBe(0);
  });
});
