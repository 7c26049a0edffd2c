/**
 * No personal data in logs, proven: a whole reception day with marker names,
 * phones and questions — joins, the desk, the hall, the transcript, the case,
 * exports, the voter's own data and erase, bad input carrying the markers,
 * failed logins, retention — while every log line (the app's logger at every
 * level, and anything written to stdout/stderr or the console) is captured;
 * then not one line may contain a marker.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { DAY_MS } from "../src/domain/privacy.ts";
import type { Logger } from "../src/logger.ts";
import { runRetention } from "../src/services/privacy-and-accounts/retention.ts";
import { ok, type TestSocket } from "./helpers/test-server.ts";
import { useTestServer } from "./helpers/use-test-server.ts";

const lines: string[] = [];
const capture = (level: string) => (msg: string, fields?: Record<string, unknown>) => lines.push(JSON.stringify({ level, msg, ...fields }));
const log: Logger = { debug: capture("debug"), info: capture("info"), warn: capture("warn"), error: capture("error") };

const MARK = {
  name: "标记姓名欧阳",
  deskName: "标记窗口李婆",
  phone: "13900112233",
  deskPhone: "13700445566",
  question: "标记问题夜里排污",
  note: "标记备注独居",
  password: "marker-password-Zq9",
  username: "marker.user.Zq9",
  comment: "标记评价很满意",
  token: "marker-voter-token-Zq9-0123456789",
  messageName: "标记留言王叔",
  messagePhone: "13600778899",
  messageText: "标记留言楼道漏水",
  inviteeName: "标记受邀诸葛",
  inviteePhone: "13600665544",
};

const t = useTestServer({ clock: "fixed", log, config: { tokenIdleTtlMs: 5000 * DAY_MS } });

const restore: Array<() => void> = [];
beforeAll(() => {
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream);
    stream.write = ((chunk: unknown, ...rest: unknown[]) => {
      lines.push(String(chunk));
      return (write as (...a: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof stream.write;
    restore.push(() => (stream.write = write));
  }
  for (const method of ["log", "info", "warn", "error", "debug"] as const) {
    const original = console[method];
    console[method] = (...args: unknown[]) => {
      lines.push(args.map(String).join(" "));
      original(...args);
    };
    restore.push(() => (console[method] = original));
  }
});
afterAll(() => {
  for (const r of restore.splice(0)) r();
});

const refused = (socket: TestSocket, event: string, payload: unknown) =>
  new Promise<string>((resolve) =>
    (socket.emit as (e: string, p: unknown, ack: (r: { ok: boolean; error?: { code: string } }) => void) => void)(event, payload, (r) => resolve(r.error?.code ?? "OK")),
  );

it("a whole day with marker personal data writes none of it to any log line", async () => {
  const sessionId = t.world.shengze.sessionId;
  const staff = await t.connectAs("staffShengze");
  const voter = await t.connect();
  await ok(staff, "session:watch", { sessionId });

  const online = await ok(voter, "queue:join", { sessionId, name: MARK.name, phone: MARK.phone, topic: "排污", question: MARK.question, isPublic: false, consentVersion: 1 });
  const walkIn = await ok(staff, "desk:register", { sessionId, name: MARK.deskName, phone: MARK.deskPhone, topic: "电梯", question: MARK.question, consentVersion: 1 });

  // Bad input carrying the markers: every one refused, none logged.
  expect(await refused(voter, "queue:join", { sessionId, name: MARK.name.repeat(10), phone: MARK.phone, topic: "t", isPublic: false })).toBe("BAD_REQUEST");
  expect(await refused(voter, "queue:join", { sessionId, name: MARK.name, phone: `${MARK.phone}${MARK.question}`, topic: "t", isPublic: false })).toBe("BAD_REQUEST");
  expect(await refused(voter, "queue:join", { sessionId, name: MARK.name, topic: "t", question: MARK.question.repeat(300), isPublic: "yes" })).toBe("BAD_REQUEST");
  expect(await refused(voter, "queue:join", { sessionId, name: MARK.name, topic: "t", isPublic: false, consentVersion: 99 })).toBe("BAD_REQUEST");
  expect(await refused(voter, "ticket:resume", { voterToken: MARK.question.repeat(10) })).not.toBe("OK");
  expect(await refused(voter, "hall:callNext", { sessionId })).toBe("UNAUTHENTICATED");
  const malformed = await fetch(`${t.url}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: `{"username": "${MARK.username}", "password": ${MARK.password}` });
  expect(malformed.status).toBe(400);
  await t.addUserWithPassword({ username: "clerk.real", password: "the-right-password", role: "STAFF", venues: ["shengze"] });
  const login = (body: unknown) => fetch(`${t.url}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  expect((await login({ username: MARK.username, password: MARK.password })).status).toBe(401);
  expect((await login({ username: "clerk.real", password: MARK.password })).status).toBe(401);
  expect((await login({ username: MARK.name })).status).toBe(400);
  // The fixture's accounts store an unusable hash: verifying it throws, which exercises the unknown-error log line.
  expect((await login({ username: "staff.shengze", password: MARK.password })).status).toBe(500);
  expect((await t.http("staffShengze").post("/api/cases", { venueId: t.world.shengze.venueId, category: MARK.name.repeat(20), summary: MARK.question })).status).toBe(400);

  // The day itself.
  await ok(staff, "hall:callNext", { sessionId });
  await ok(staff, "hall:start", { ticketId: walkIn.ticket.id });
  await ok(staff, "transcript:append", { sessionId, ticketId: walkIn.ticket.id, kind: "NOTE", speakerRole: "STAFF", text: MARK.note, visibility: "STAFF" });
  const done = await ok(staff, "hall:finish", { ticketId: walkIn.ticket.id, summary: MARK.note, followUp: { category: "城建", summary: MARK.question } });
  await ok(staff, "hall:call", { ticketId: online.ticket.id });
  await ok(staff, "hall:start", { ticketId: online.ticket.id });
  await ok(staff, "hall:finish", { ticketId: online.ticket.id, summary: "现场答复" });

  const caseId = (await t.db.case.findUniqueOrThrow({ where: { trackingCode: done.ticket.trackingCode! } })).id;
  const clerk = t.http("staffShengze");
  expect((await clerk.patch(`/api/cases/${caseId}`, { status: "ASSIGNED", assignee: "住建", note: MARK.note })).status).toBe(200);
  expect((await clerk.post(`/api/cases/${caseId}/notes`, { text: `${MARK.deskName} ${MARK.deskPhone}` })).status).toBe(201);
  expect((await clerk.get(`/api/cases/${caseId}/contact`)).body.phone).toBe(MARK.deskPhone);
  expect((await clerk.post(`/api/tickets/${online.ticket.id}/phone`)).body.phone).toBe(MARK.phone);
  expect((await clerk.get(`/api/sessions/${sessionId}/record.csv`)).status).toBe(200);
  expect((await t.http("admin").get(`/api/sessions/${sessionId}/record.csv?phones=full`)).text).toContain(MARK.phone);
  expect((await clerk.get(`/api/sessions/${sessionId}/minutes`)).status).toBe(200);
  expect((await clerk.get(`/api/search?q=${encodeURIComponent(MARK.name)}`)).status).toBe(200);
  for (const status of ["IN_PROGRESS", "RESOLVED"]) {
    expect((await clerk.patch(`/api/cases/${caseId}`, status === "RESOLVED" ? { status, resolution: "已办" } : { status })).status).toBe(200);
  }
  await fetch(`${t.url}/api/track/${done.ticket.trackingCode}/feedback`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ satisfaction: 5, comment: MARK.comment }) });

  const mine = await fetch(`${t.url}/api/me/data`, { headers: { "x-voter-token": online.voterToken } });
  expect(await mine.text()).toContain(MARK.phone);
  expect((await fetch(`${t.url}/api/me/erase`, { method: "POST", headers: { "x-voter-token": online.voterToken } })).status).toBe(200);
  expect((await fetch(`${t.url}/api/me/data`, { headers: { "x-voter-token": MARK.token } })).status).toBe(404);

  // The message box (docs/ARCHITECTURE.md §6d): a message, refused ones carrying the markers, the rate limit, its data and erase.
  const leave = (body: unknown) =>
    fetch(`${t.url}/api/venues/${t.world.shengze.venueId}/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  const letter = { name: MARK.messageName, phone: MARK.messagePhone, topic: "漏水", text: MARK.messageText, isPublic: false, consentVersion: 1 };
  const left = (await (await leave(letter)).json()) as { trackingCode: string };
  expect((await leave({ ...letter, phone: `${MARK.messagePhone}${MARK.messageText}` })).status).toBe(400);
  expect((await leave({ ...letter, consentVersion: 99 })).status).toBe(400);
  expect((await leave({ ...letter, deputyId: MARK.messageName })).status).toBe(400);
  const messageCaseId = (await t.db.case.findUniqueOrThrow({ where: { trackingCode: left.trackingCode } })).id;
  expect((await clerk.get(`/api/cases/${messageCaseId}`)).status).toBe(200);
  expect((await clerk.get(`/api/cases/${messageCaseId}/contact`)).body.phone).toBe(MARK.messagePhone);
  expect((await clerk.get(`/api/cases?q=${encodeURIComponent(MARK.messageText)}`)).body.total).toBe(1);
  expect(await (await fetch(`${t.url}/api/track/${left.trackingCode}/data`)).text()).toContain(MARK.messagePhone);
  expect((await fetch(`${t.url}/api/track/${left.trackingCode}/erase`, { method: "POST" })).status).toBe(200);
  // A forum (§5e): an invitation with marker data, its RSVP, the invitee's online join, bad input.
  const startsAt = t.clock.now();
  const forum = (await clerk.post("/api/sessions", {
    venueId: t.world.shengze.venueId, title: "座谈会", startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 3600_000).toISOString(),
    status: "OPEN", kind: "FORUM", agenda: [{ title: "排污", timeboxMin: 20 }],
  })).body.session.id as string;
  const invited = (await clerk.post(`/api/sessions/${forum}/invitations`, { name: MARK.inviteeName, role: "VOTER", phone: MARK.inviteePhone })).body;
  expect((await clerk.post(`/api/sessions/${forum}/invitations`, { name: MARK.inviteeName.repeat(20), role: "VOTER", phone: MARK.inviteePhone })).status).toBe(400);
  expect((await t.http().post(`/api/invitations/${invited.token}/rsvp`, { response: "ONLINE" })).status).toBe(200);
  expect(await refused(voter, "queue:join", { sessionId: forum, name: MARK.inviteeName, phone: MARK.inviteePhone, topic: "t", isPublic: false })).toBe("FORBIDDEN");
  await ok(voter, "queue:join", { sessionId: forum, invitationToken: invited.token, phone: MARK.inviteePhone, topic: "排污", isPublic: false });
  expect(await refused(voter, "queue:join", { sessionId: forum, invitationToken: invited.token, topic: "t", isPublic: false })).toBe("CONFLICT");
  expect((await clerk.get(`/api/sessions/${forum}/invitations`)).status).toBe(200);
  await ok(staff, "hall:agendaNext", { sessionId: forum });
  expect((await clerk.get(`/api/sessions/${forum}/minutes`)).status).toBe(200);
  await ok(staff, "session:update", { sessionId: forum, status: "ENDED" });

  await ok(staff, "session:update", { sessionId, status: "ENDED" });
  expect((await clerk.patch(`/api/cases/${caseId}`, { status: "CLOSED" })).status).toBe(200);
  t.clock.advance(200 * DAY_MS);
  const retained = await runRetention(t.server.app.deps);
  log.info("retention.run", { ...retained });
  expect(retained.tickets).toBe(2);
  // The invitee's ticket took its invitation with it.
  expect(await t.db.invitation.findUniqueOrThrow({ where: { id: invited.invitation.id } })).toMatchObject({ name: "已匿名", phone: null });

  // The capture works (it sees the app's own lines) and would see a marker.
  expect(lines.some((l) => l.includes("retention.run"))).toBe(true);
  expect(lines.some((l) => l.includes("unhandled error"))).toBe(true);
  const everything = lines.join("\n");
  for (const [what, marker] of Object.entries(MARK)) expect(everything, what).not.toContain(marker);
  // Not even a phone in another spelling.
  expect(everything).not.toMatch(/1[3-9]\d{9}/);
}, 60_000);
