/**
 * Personal data (docs/ARCHITECTURE.md §6c, docs/PRIVACY.md): the versioned notice and the
 * consent tickets record, the audited "show phone", audited exports, and the
 * voter's own data download and erase.
 */
import { describe, expect, it } from "vitest";
import { maskPhone } from "../src/domain/privacy.ts";
import { PHONES, playFinishedDay } from "./helpers/back-office-fixtures.ts";
import { ok, type TestSocket } from "./helpers/test-server.ts";
import { useTestServer } from "./helpers/use-test-server.ts";
import { watch } from "./helpers/watcher.ts";

const t = useTestServer({ perTest: true });

const fail = async (socket: TestSocket, event: string, payload: unknown) =>
  new Promise<{ code: string; details?: Record<string, string> }>((resolve) =>
    (socket.emit as (e: string, p: unknown, ack: (r: { ok: boolean; error: { code: string; details?: Record<string, string> } }) => void) => void)(event, payload, (r) => resolve(r.error)),
  );

const asVoter = (voterToken: string | null, method: "GET" | "POST", path: string) =>
  fetch(t.url + path, { method, headers: voterToken ? { "x-voter-token": voterToken } : {} });

describe("the privacy notice", () => {
  it("is public at version 1 in both languages with the station's retention filled in", async () => {
    const res = await t.http().get("/api/privacy-notice");
    expect(res.status).toBe(200);
    expect(res.body.notice).toMatchObject({ version: 1, retentionDays: 180 });
    expect(res.body.notice.text["zh-CN"]).toContain("180 天");
    expect(res.body.notice.text.en).toContain("180 days");
    expect(res.body.notice.text["zh-CN"]).not.toContain("{retentionDays}");
  });

  it("changes only as a new version, published by an admin", async () => {
    expect((await t.http("staffShengze").post("/api/admin/privacy-notice", { textZh: "新", textEn: "new" })).status).toBe(403);
    expect((await t.http("admin").post("/api/admin/privacy-notice", { textZh: "", textEn: "new" })).status).toBe(400);
    const published = await t.http("admin").post("/api/admin/privacy-notice", { textZh: "第二版 {retentionDays} 天", textEn: "v2" });
    expect(published.status).toBe(201);
    expect(published.body.notice).toMatchObject({ version: 2, text: { "zh-CN": "第二版 180 天", en: "v2" } });
    expect((await t.http().get("/api/privacy-notice")).body.notice.version).toBe(2);
    const history = await t.http("admin").get("/api/admin/privacy-notice");
    expect(history.body.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
  });

  it("is recorded on each ticket with the time: the current version, an older one as given, and an unknown one refused", async () => {
    await t.http("admin").post("/api/admin/privacy-notice", { textZh: "第二版", textEn: "v2" });
    const sessionId = t.world.shengze.sessionId;
    const voter = await t.connect();
    const current = await ok(voter, "queue:join", { sessionId, name: "甲", topic: "t", isPublic: false, consentVersion: 2 });
    const stale = await ok(voter, "queue:join", { sessionId, name: "乙", topic: "t", isPublic: false, consentVersion: 1 });
    const none = await ok(voter, "queue:join", { sessionId, name: "丙", topic: "t", isPublic: false });
    const unknown = await fail(voter, "queue:join", { sessionId, name: "丁", topic: "t", isPublic: false, consentVersion: 3 });
    expect(unknown).toMatchObject({ code: "BAD_REQUEST", details: { consentVersion: expect.any(String) } });
    const staff = await t.connectAs("staffShengze");
    const desk = await ok(staff, "desk:register", { sessionId, name: "戊", topic: "t", consentVersion: 2 });

    const rows = await t.db.ticket.findMany({ where: { sessionId }, orderBy: { label: "asc" } });
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(current.ticket.id)).toMatchObject({ consentVersion: 2, consentAt: expect.any(Date) });
    expect(byId.get(stale.ticket.id)).toMatchObject({ consentVersion: 1, consentAt: expect.any(Date) });
    expect(byId.get(none.ticket.id)).toMatchObject({ consentVersion: null, consentAt: null });
    expect(byId.get(desk.ticket.id)).toMatchObject({ consentVersion: 2 });
    expect(rows.some((r) => r.name === "丁")).toBe(false);
  });
});

describe("showing a phone in full", () => {
  it("is for staff of the venue only, and writes who, when and which ticket to the audit", async () => {
    const sessionId = t.world.shengze.sessionId;
    const voter = await t.connect();
    const { ticket } = await ok(voter, "queue:join", { sessionId, name: "甲", phone: PHONES.online, topic: "t", isPublic: false });
    const staff = await t.connectAs("staffShengze");
    const watched = await ok(staff, "session:watch", { sessionId });
    expect("tickets" in watched && watched.tickets.find((x) => x.id === ticket.id)?.phone).toBe(maskPhone(PHONES.online));

    expect((await t.http("staffLili").post(`/api/tickets/${ticket.id}/phone`)).status).toBe(403);
    expect((await t.http().post(`/api/tickets/${ticket.id}/phone`)).status).toBe(401);
    const shown = await t.http("staffShengze").post(`/api/tickets/${ticket.id}/phone`);
    expect(shown.body).toEqual({ phone: PHONES.online });

    expect((await t.http("staffShengze").get("/api/audit")).status).toBe(403);
    const audit = await t.http("admin").get("/api/audit?action=pii.reveal");
    const session = await t.db.receptionSession.findUniqueOrThrow({ where: { id: sessionId }, include: { venue: true } });
    expect(audit.body.entries).toEqual([
      {
        at: expect.any(String),
        username: "staff.shengze",
        action: "pii.reveal",
        target: `ticket:${ticket.id} session:${sessionId}`,
        result: "ok",
        seq: expect.any(Number),
        // What the ids name, for the admin's page to say in words.
        about: { ticket: { id: ticket.id, label: ticket.label }, session: { id: sessionId, title: session.title, startsAt: session.startsAt.toISOString(), venueName: session.venue.name } },
      },
    ]);
  });

  it("on a case shows its voter's contact, audited", async () => {
    const day = await playFinishedDay(t.server, t.world);
    const detail = await t.http("staffShengze").get(`/api/cases/${day.walkIn.caseId}`);
    expect(detail.body.voter.phone).toBe(maskPhone(PHONES.walkIn));
    const contact = await t.http("staffShengze").get(`/api/cases/${day.walkIn.caseId}/contact`);
    expect(contact.body).toEqual({ name: "李阿婆", phone: PHONES.walkIn });
    expect((await t.http("staffLili").get(`/api/cases/${day.walkIn.caseId}/contact`)).status).toBe(403);
    const audit = await t.http("admin").get("/api/audit?action=pii.reveal");
    const trackingCode = (await t.db.case.findUniqueOrThrow({ where: { id: day.walkIn.caseId } })).trackingCode;
    expect(audit.body.entries).toMatchObject([{ username: "staff.shengze", action: "pii.reveal", target: `case:${day.walkIn.caseId} session:${day.sessionId}`, about: { case: { trackingCode }, session: { id: day.sessionId } } }]);
  });
});

describe("exports", () => {
  it("are all audited; full phones are for an admin who asks, and audited as such", async () => {
    const day = await playFinishedDay(t.server, t.world);
    const base = `/api/sessions/${day.sessionId}`;
    const masked = await t.http("staffShengze").get(`${base}/record.csv`);
    expect(masked.text).toContain(maskPhone(PHONES.online)!);
    expect(masked.text).not.toContain(PHONES.online);
    expect((await t.http("staffShengze").get(`${base}/record.csv?phones=full`)).status).toBe(403);
    expect((await t.http("admin").get(`${base}/record.csv?phones=everything`)).status).toBe(400);
    const full = await t.http("admin").get(`${base}/record.csv?phones=full`);
    expect(full.text).toContain(PHONES.online);
    expect((await t.http("staffShengze").get(`${base}/minutes`)).status).toBe(200);
    await t.http("staffShengze").get(`${base}/record.csv?part=transcript`);

    const audit = await t.http("admin").get("/api/audit?action=record.export");
    expect(audit.body.entries.map((e: { username: string; target: string }) => `${e.username} ${e.target}`).sort()).toEqual(
      [
        `staff.shengze session:${day.sessionId} record.csv part=tickets phones=masked`,
        `admin session:${day.sessionId} record.csv part=tickets phones=full`,
        `staff.shengze session:${day.sessionId} minutes`,
        `staff.shengze session:${day.sessionId} record.csv part=transcript`,
      ].sort(),
    );
    const minutes = audit.body.entries.find((e: { target: string }) => e.target.endsWith("minutes"));
    expect(minutes.about).toMatchObject({ session: { id: day.sessionId, title: expect.any(String) }, export: { kind: "minutes" } });
    expect((await t.http("admin").get("/api/audit?action=pii.reveal")).body.entries).toEqual([]);
    const future = new Date(Date.now() + 86_400_000).toISOString();
    expect((await t.http("admin").get(`/api/audit?from=${future}`)).body.entries).toEqual([]);
  });
});

describe("the voter's own data", () => {
  const QUESTION = "隔壁工厂夜里排污，我是302室的";

  async function voterWithHistory() {
    const sessionId = t.world.shengze.sessionId;
    const voter = await t.connect();
    const joined = await ok(voter, "queue:join", { sessionId, name: "欧阳娜娜", phone: PHONES.online, topic: "排污", question: QUESTION, isPublic: false, consentVersion: 1 });
    const staff = await t.connectAs("staffShengze");
    await ok(staff, "hall:call", { ticketId: joined.ticket.id });
    await ok(staff, "hall:start", { ticketId: joined.ticket.id });
    await ok(staff, "transcript:append", { sessionId, ticketId: joined.ticket.id, kind: "ANSWER", speakerRole: "DEPUTY", text: "我们会联系环保部门" });
    const done = await ok(staff, "hall:finish", { ticketId: joined.ticket.id, followUp: { category: "生态环境", summary: "夜间排污" } });
    return { sessionId, staff, ...joined, trackingCode: done.ticket.trackingCode! };
  }

  it("downloads as JSON with the ticket, the consent, the voter's lines and the case", async () => {
    const { voterToken, ticket, trackingCode } = await voterWithHistory();
    expect((await asVoter(null, "GET", "/api/me/data")).status).toBe(401);
    expect((await asVoter("x".repeat(40), "GET", "/api/me/data")).status).toBe(404);
    const res = await asVoter(voterToken, "GET", "/api/me/data");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toContain("attachment");
    const data = (await res.json()) as any;
    expect(data.tickets).toHaveLength(1);
    const mine = data.tickets[0];
    expect(mine.ticket).toMatchObject({ id: ticket.id, name: "欧阳娜娜", phone: PHONES.online, question: QUESTION, trackingCode });
    expect(mine.ticket).not.toHaveProperty("priorityReason");
    expect(mine.consent).toEqual({ version: 1, at: expect.any(String) });
    expect(mine.transcript.map((e: { kind: string }) => e.kind).sort()).toEqual(["ANSWER", "QUESTION"]);
    expect(mine.case).toMatchObject({ trackingCode, status: "OPEN" });
  });

  it("erases name, phone and private question everywhere they were copied; the ticket, label, public lines and tracking code stay", async () => {
    const { voterToken, ticket, trackingCode, sessionId } = await voterWithHistory();
    const staffWatcher = await watch(await t.connectAs("staffShengze"), sessionId);
    const caseId = (await t.db.case.findUniqueOrThrow({ where: { trackingCode } })).id;
    expect((await t.http("staffShengze").post(`/api/cases/${caseId}/notes`, { text: `已电话联系 ${PHONES.online}，下周回访` })).status).toBe(201);
    const res = await asVoter(voterToken, "POST", "/api/me/erase");
    expect(res.status).toBe(200);
    const { ticket: erased } = (await res.json()) as any;
    expect(erased).toMatchObject({ id: ticket.id, label: ticket.label, name: "已匿名", phone: null, question: null, topic: "排污", status: "DONE" });

    // Staff screens learn it live.
    const update = await staffWatcher.waitFor((e) => e.type === "ticket.updated" && e.data.id === ticket.id);
    expect(update).toMatchObject({ data: { name: "已匿名", phone: null } });

    const row = await t.db.ticket.findUniqueOrThrow({ where: { id: ticket.id } });
    expect(row).toMatchObject({ name: "已匿名", phone: null, question: null, anonymizedAt: expect.any(Date), label: ticket.label });
    const events = (await t.db.sessionEvent.findMany({ where: { sessionId } })).map((e) => e.data).join("\n");
    const transcript = (await t.db.transcriptEntry.findMany({ where: { sessionId } })).map((e) => e.text);
    const search = (await t.db.searchDoc.findMany({ where: { sessionId } })).map((d) => d.body).join("\n");
    for (const secret of ["欧阳娜娜", PHONES.online, QUESTION]) {
      expect(events, secret).not.toContain(secret);
      expect(transcript.join("\n"), secret).not.toContain(secret);
      expect(search, secret).not.toContain(secret);
    }
    expect(transcript).toContain("我们会联系环保部门");
    const notes = (await t.db.caseEvent.findMany({ where: { caseId } })).map((e) => e.note ?? "");
    expect(notes).toContain("已电话联系 ［号码已隐去］，下周回访");
    expect((await t.http().get(`/api/track/${trackingCode}`)).status).toBe(200);
    expect((await t.http("staffShengze").get(`/api/search?q=${encodeURIComponent("排污")}`)).status).toBe(200);
    // Asking again is harmless.
    expect((await asVoter(voterToken, "POST", "/api/me/erase")).status).toBe(200);
    expect(((await (await asVoter(voterToken, "GET", "/api/me/data")).json()) as any).tickets[0].anonymizedAt).toEqual(expect.any(String));
  });
});
