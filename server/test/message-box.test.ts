/**
 * The message box (全天候, docs/ARCHITECTURE.md §6d): a voter leaves a message at a station
 * without a login and gets a tracking code; it is a MESSAGE case for that
 * station's staff only, trackable and rateable; bad input writes nothing; one
 * address is limited (TRUST_PROXY respected); the phone stays masked for
 * staff and out of every public answer; a retry with the same requestId gets
 * the first answer and creates nothing, even racing it; retention and the voter's erase
 * anonymize it; the public answer statistics are exact on a fixed clock.
 */
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { DAY_MS } from "../src/domain/privacy.ts";
import { messageCreateSchema } from "../src/protocol/messages.ts";
import { leaveMessage } from "../src/services/messages-and-forums/message-box.ts";
import { runRetention } from "../src/services/privacy-and-accounts/retention.ts";
import type { Http } from "./helpers/back-office-fixtures.ts";
import { useTestServer, type TestServerHandle } from "./helpers/use-test-server.ts";

const PHONE = "13955557777";
const LONG_LOGIN = { tokenIdleTtlMs: 5000 * DAY_MS };

const message = (over: Record<string, unknown> = {}) => ({
  name: "留言人周阿姨",
  phone: PHONE,
  topic: "小区路灯不亮",
  text: "幸福路三号楼前的路灯坏了两个月，晚上出门很不方便。",
  isPublic: false,
  consentVersion: 1,
  ...over,
});

/** POST a message as if from `address` (X-Forwarded-For; read only from a trusted proxy). */
async function leave(t: TestServerHandle, venueId: string, body: unknown, address?: string) {
  const res = await fetch(`${t.url}/api/venues/${encodeURIComponent(venueId)}/messages`, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json", ...(address ? { "x-forwarded-for": address } : {}) },
    body: JSON.stringify(body),
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as any };
}

async function leaveOk(t: TestServerHandle, venueId: string, over: Record<string, unknown> = {}): Promise<string> {
  const r = await leave(t, venueId, message(over));
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.trackingCode as string;
}

const caseIdOf = async (t: TestServerHandle, code: string) => (await t.db.case.findUniqueOrThrow({ where: { trackingCode: code } })).id;

async function moveTo(clerk: Http, caseId: string, steps: Array<Record<string, unknown>>) {
  for (const step of steps) {
    const r = await clerk.patch(`/api/cases/${caseId}`, step);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
  }
}
const RESOLVE = [{ status: "ASSIGNED", assignee: "城管所" }, { status: "IN_PROGRESS" }, { status: "RESOLVED", resolution: "路灯已修复" }];

describe("leaving a message", () => {
  const t = useTestServer({ config: LONG_LOGIN });

  it("becomes a MESSAGE case with a tracking code, listed for its venue's staff and not another venue's", async () => {
    const code = await leaveOk(t, t.world.shengze.venueId);
    expect(code).toMatch(/^[A-Z2-9]{8}$/);

    const mine = (await t.http("staffShengze").get("/api/cases?source=MESSAGE")).body;
    const item = mine.cases.find((c: { trackingCode: string }) => c.trackingCode === code);
    expect(item).toMatchObject({ source: "MESSAGE", status: "OPEN", venueId: t.world.shengze.venueId, summary: "小区路灯不亮", sessionId: null, ticketId: null });
    expect((await t.http("staffShengze").get("/api/cases?source=TURN,STAFF")).body.cases.map((c: { trackingCode: string }) => c.trackingCode)).not.toContain(code);
    expect((await t.http("staffLili").get("/api/cases")).body.cases.map((c: { trackingCode: string }) => c.trackingCode)).not.toContain(code);
    // Not another venue's staff, even by id.
    const caseId = item.id as string;
    expect((await t.http("staffLili").get(`/api/cases/${caseId}`)).status).toBe(403);
    expect((await t.http("staffShengze").get("/api/cases?source=LETTER")).status).toBe(400);

    const detail = (await t.http("staffShengze").get(`/api/cases/${caseId}`)).body;
    expect(detail.voter).toBeNull();
    expect(detail.message).toMatchObject({ name: "留言人周阿姨", phone: "139****7777", text: message().text, isPublic: false, consentVersion: 1, deputyName: null, anonymized: false });
    expect(detail.nextStatuses).toEqual(["ASSIGNED", "REJECTED"]);

    const track = await fetch(`${t.url}/api/track/${code}`);
    const text = await track.text();
    expect(JSON.parse(text).case).toMatchObject({ trackingCode: code, source: "MESSAGE", status: "OPEN", venueName: "晓鹃工作室", sessionTitle: null, canRate: false });
    for (const secret of [PHONE, "留言人周阿姨", "幸福路三号楼"]) expect(text).not.toContain(secret);
  });

  it("is triaged like any other case and rated once on the tracking page", async () => {
    const code = await leaveOk(t, t.world.shengze.venueId, { topic: "垃圾清运" });
    const caseId = await caseIdOf(t, code);
    const rate = (satisfaction: number) =>
      fetch(`${t.url}/api/track/${code}/feedback`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ satisfaction }) });
    expect((await rate(5)).status).toBe(409);
    await moveTo(t.http("staffShengze"), caseId, RESOLVE);
    const rated = await rate(4);
    expect(rated.status).toBe(200);
    expect(((await rated.json()) as any).case).toMatchObject({ status: "RESOLVED", satisfaction: 4, canRate: false, resolution: "路灯已修复" });
    expect((await rate(5)).status).toBe(409);
  });

  it("refuses bad input with coded errors and writes nothing", async () => {
    const venueId = t.world.shengze.venueId;
    const count = async () => [await t.db.case.count(), await t.db.voterMessage.count(), await t.db.caseEvent.count()];
    const before = await count();
    const cases: Array<[unknown, string]> = [
      [message({ name: "" }), "name"],
      [message({ name: "名".repeat(51) }), "name"],
      [message({ topic: undefined }), "topic"],
      [message({ text: "  " }), "text"],
      [message({ text: "字".repeat(2001) }), "text"],
      [message({ phone: "call me" }), "phone"],
      // Ill-formed text (a lone surrogate) is a coded refusal, never a database error.
      [message({ text: "路灯\ud800" }), "text"],
      [message({ isPublic: "yes" }), "isPublic"],
      [message({ consentVersion: 99 }), "consentVersion"],
      [message({ consentVersion: 0 }), "consentVersion"],
      [message({ extra: 1 }), ""],
    ];
    for (const [body, field] of cases) {
      const r = await leave(t, venueId, body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body.error.code).toBe("BAD_REQUEST");
      if (field) expect(Object.keys(r.body.error.details ?? {}), JSON.stringify(body)).toContain(field);
    }
    // A deputy id that is not an active deputy of this venue.
    const staff = await t.db.user.findUniqueOrThrow({ where: { username: "staff.shengze" } });
    const deputy = await t.db.user.findUniqueOrThrow({ where: { username: "deputy.xiaojuan" } });
    for (const [where, deputyId] of [[venueId, staff.id], [t.world.lili.venueId, deputy.id], [venueId, "nobody"]] as const) {
      const r = await leave(t, where, message({ deputyId }));
      expect(r.status).toBe(400);
      expect(r.body.error.details).toHaveProperty("deputyId");
    }
    const missing = await leave(t, "no-such-venue", message());
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe("NOT_FOUND");
    expect(await count()).toEqual(before);
  });

  it("can be addressed to a deputy from their public page", async () => {
    const deputy = await t.db.user.findUniqueOrThrow({ where: { username: "deputy.xiaojuan" } });
    const page = (await t.http().get(`/api/deputies/${deputy.id}`)).body.deputy;
    expect(page).toEqual({ id: deputy.id, name: "deputy.xiaojuan", groups: [], venues: [{ id: t.world.shengze.venueId, name: "晓鹃工作室", town: "盛泽镇", address: "" }] });
    const staff = await t.db.user.findUniqueOrThrow({ where: { username: "staff.shengze" } });
    expect((await t.http().get(`/api/deputies/${staff.id}`)).status).toBe(404);
    const venue = (await t.http().get(`/api/venues/${t.world.shengze.venueId}`)).body.venue;
    expect(venue).toMatchObject({ name: "晓鹃工作室", kind: "STUDIO", town: "盛泽镇", deputies: [{ id: deputy.id, name: "deputy.xiaojuan" }] });
    expect((await t.http().get("/api/venues/nowhere")).status).toBe(404);

    const code = await leaveOk(t, page.venues[0].id, { deputyId: deputy.id });
    const detail = (await t.http("staffShengze").get(`/api/cases/${await caseIdOf(t, code)}`)).body;
    expect(detail.message).toMatchObject({ deputyId: deputy.id, deputyName: "deputy.xiaojuan" });
  });

  it("shows staff the phone masked; the full one only through the audited reveal; never in public answers", async () => {
    const code = await leaveOk(t, t.world.shengze.venueId);
    const caseId = await caseIdOf(t, code);
    const clerk = t.http("staffShengze");
    expect((await clerk.get("/api/cases?source=MESSAGE")).text).not.toContain(PHONE);
    expect((await clerk.get(`/api/cases/${caseId}`)).text).not.toContain(PHONE);
    expect((await t.http("staffLili").get(`/api/cases/${caseId}/contact`)).status).toBe(403);
    expect((await clerk.get(`/api/cases/${caseId}/contact`)).body).toEqual({ name: "留言人周阿姨", phone: PHONE });
    const audit = (await t.http("admin").get("/api/audit?action=pii.reveal")).body.entries;
    expect(audit.map((e: { target: string }) => e.target)).toContain(`case:${caseId}`);
    for (const path of ["/api/answer-stats", `/api/venues/${t.world.shengze.venueId}/answer-stats`, `/api/venues/${t.world.shengze.venueId}`, `/api/track/${code}`]) {
      const text = (await t.http().get(path)).text;
      for (const secret of [PHONE, "留言人周阿姨", "幸福路三号楼", "139****"]) expect(text, path).not.toContain(secret);
    }
    // The code's holder sees everything stored, in full.
    const mine = (await t.http().get(`/api/track/${code}/data`)).body;
    expect(mine.message).toMatchObject({ name: "留言人周阿姨", phone: PHONE, text: message().text, consent: { version: 1 } });
  });

  it("lets the code's holder erase the message: name, phone and text anonymized, the case and its code kept", async () => {
    const code = await leaveOk(t, t.world.shengze.venueId);
    const erased = (await t.http().post(`/api/track/${code}/erase`)).body;
    expect(erased.message).toMatchObject({ name: "已匿名", phone: null, text: "（已匿名）", topic: "小区路灯不亮", anonymizedAt: expect.any(String) });
    expect((await t.http().get(`/api/track/${code}`)).body.case).toMatchObject({ status: "OPEN", summary: "小区路灯不亮" });
    expect((await t.http().get("/api/track/ZZZZZZZZ/data")).status).toBe(404);
  });
});

describe("retrying a message with its requestId", () => {
  const t = useTestServer({ config: LONG_LOGIN });
  const rows = async () => ({ cases: await t.db.case.count({ where: { source: "MESSAGE" } }), messages: await t.db.voterMessage.count() });

  it("answers a retry with the first tracking code and stores one case and one message, under a venue-scoped key", async () => {
    const venueId = t.world.shengze.venueId;
    const before = await rows();
    const requestId = randomUUID();
    const first = await leave(t, venueId, message({ requestId }));
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    // The phone resends after a lost answer (any case of the same UUID is the same request).
    const again = await leave(t, venueId, message({ requestId: requestId.toUpperCase() }));
    expect(again).toMatchObject({ status: 201, body: { trackingCode: first.body.trackingCode } });
    expect(Object.keys(again.body)).toEqual(["trackingCode"]);
    expect(await rows()).toEqual({ cases: before.cases + 1, messages: before.messages + 1 });
    const stored = await t.db.voterMessage.findFirstOrThrow({ where: { case: { trackingCode: first.body.trackingCode } } });
    expect(stored.requestKey).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.requestKey).not.toContain(requestId);
    // Without a requestId nothing changes: each send is a new message.
    await leaveOk(t, venueId);
    await leaveOk(t, venueId);
    expect(await rows()).toEqual({ cases: before.cases + 3, messages: before.messages + 3 });
  });

  it("lets one of several concurrent sends of one request in, and answers all of them with its code", async () => {
    const venueId = t.world.lili.venueId;
    const before = await rows();
    const requestId = randomUUID();
    const sent = await Promise.all(Array.from({ length: 4 }, () => leave(t, venueId, message({ requestId }))));
    for (const r of sent) expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(new Set(sent.map((r) => r.body.trackingCode)).size).toBe(1);
    expect(await rows()).toEqual({ cases: before.cases + 1, messages: before.messages + 1 });
    expect(await t.db.caseEvent.count({ where: { case: { trackingCode: sent[0]!.body.trackingCode } } })).toBe(1);

    // Past the route's read of an earlier answer, the unique index alone keeps one row: both inserts
    // run, one is refused, and its caller reads the winner's code.
    const input = messageCreateSchema.parse(message({ requestId: randomUUID() }));
    const raced = await Promise.all([leaveMessage(t.server.app.deps, venueId, input), leaveMessage(t.server.app.deps, venueId, input)]);
    expect(raced[1]).toEqual(raced[0]);
    expect(await rows()).toEqual({ cases: before.cases + 2, messages: before.messages + 2 });
  });

  it("refuses a requestId that is not a UUID with field details, and writes nothing", async () => {
    const before = [await t.db.case.count(), await t.db.voterMessage.count(), await t.db.caseEvent.count()];
    for (const requestId of ["", "retry-1234", "not-a-uuid-at-all-0000000000000000", 42, null, `${randomUUID()}x`]) {
      const r = await leave(t, t.world.shengze.venueId, message({ requestId }));
      expect(r.status, JSON.stringify(requestId)).toBe(400);
      expect(r.body.error.code).toBe("BAD_REQUEST");
      expect(Object.keys(r.body.error.details ?? {})).toEqual(["requestId"]);
    }
    expect([await t.db.case.count(), await t.db.voterMessage.count(), await t.db.caseEvent.count()]).toEqual(before);
    // …while a UUID is a known field, not one the strict body refuses.
    await leaveOk(t, t.world.shengze.venueId, { requestId: randomUUID() });
    expect(await t.db.voterMessage.count()).toBe(before[1]! + 1);
  });

  it("treats the same requestId at another venue as another message", async () => {
    const before = await rows();
    const requestId = randomUUID();
    const here = await leaveOk(t, t.world.shengze.venueId, { requestId });
    const there = await leaveOk(t, t.world.lili.venueId, { requestId });
    expect(there).not.toBe(here);
    expect(await rows()).toEqual({ cases: before.cases + 2, messages: before.messages + 2 });
    const venues = await t.db.case.findMany({ where: { trackingCode: { in: [here, there] } }, select: { trackingCode: true, venueId: true } });
    expect(new Map(venues.map((c) => [c.trackingCode, c.venueId]))).toEqual(new Map([[here, t.world.shengze.venueId], [there, t.world.lili.venueId]]));
  });
});

describe("the per-address limit behind a trusted balancer", () => {
  const t = useTestServer({ clock: "fixed", config: { messageLimitPerIpPerHour: 2, trustProxy: ["127.0.0.1", "::1"] } });

  it("refuses a third message from one address within the hour with 429 and Retry-After, while another address still works", async () => {
    const venueId = t.world.lili.venueId;
    expect((await leave(t, venueId, message(), "198.51.100.7")).status).toBe(201);
    t.clock.advance(10 * 60_000);
    expect((await leave(t, venueId, message(), "198.51.100.7")).status).toBe(201);
    const before = await t.db.voterMessage.count();
    const refused = await leave(t, venueId, message(), "198.51.100.7");
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe("RATE_LIMITED");
    expect(refused.headers.get("retry-after")).toBe(String(50 * 60));
    expect(await t.db.voterMessage.count()).toBe(before);
    expect((await leave(t, venueId, message(), "198.51.100.8")).status).toBe(201);
    t.clock.advance(50 * 60_000);
    expect((await leave(t, venueId, message(), "198.51.100.7")).status).toBe(201);
  });
});

describe("the per-address limit without TRUST_PROXY", () => {
  const t = useTestServer({ config: { messageLimitPerIpPerHour: 1 } });

  it("ignores X-Forwarded-For: every message counts as the direct peer's", async () => {
    expect((await leave(t, t.world.lili.venueId, message(), "198.51.100.1")).status).toBe(201);
    expect((await leave(t, t.world.lili.venueId, message(), "198.51.100.2")).status).toBe(429);
  });
});

describe("a retry from an address at its limit", () => {
  const t = useTestServer({ config: { messageLimitPerIpPerHour: 1 } });

  it("is still answered with the first code, and is not counted", async () => {
    const venueId = t.world.shengze.venueId;
    const requestId = randomUUID();
    const first = await leave(t, venueId, message({ requestId }));
    expect(first.status).toBe(201);
    const before = await t.db.voterMessage.count();
    for (let i = 0; i < 3; i++) expect(await leave(t, venueId, message({ requestId }))).toMatchObject({ status: 201, body: { trackingCode: first.body.trackingCode } });
    expect((await leave(t, venueId, message({ requestId: randomUUID() }))).status).toBe(429);
    expect((await leave(t, venueId, message())).status).toBe(429);
    expect(await t.db.voterMessage.count()).toBe(before);
  });
});

describe("retention of messages", () => {
  const t = useTestServer({ clock: "fixed", config: LONG_LOGIN });

  it("anonymizes a message RETENTION_DAYS after its case closed, and keeps an open one's contact for the reply", async () => {
    const closed = await leaveOk(t, t.world.shengze.venueId, { phone: "13911110000", text: "已办结的留言 13911110000" });
    const open = await leaveOk(t, t.world.shengze.venueId, { phone: "13922220000" });
    const clerk = t.http("staffShengze");
    const closedId = await caseIdOf(t, closed);
    await moveTo(clerk, closedId, [...RESOLVE, { status: "CLOSED" }]);

    t.clock.advance(179 * DAY_MS);
    expect((await runRetention(t.server.app.deps)).messages).toBe(0);
    t.clock.advance(2 * DAY_MS);
    expect((await t.http("admin").get("/api/admin/retention")).body).toMatchObject({ messages: 1 });
    expect((await runRetention(t.server.app.deps)).messages).toBe(1);
    expect((await runRetention(t.server.app.deps)).messages).toBe(0);

    const rows = await t.db.voterMessage.findMany({ include: { case: { select: { trackingCode: true } } } });
    const byCode = new Map(rows.map((r) => [r.case.trackingCode, r]));
    expect(byCode.get(closed)).toMatchObject({ name: "已匿名", phone: null, text: "（已匿名）", topic: "小区路灯不亮", anonymizedAt: expect.any(Date) });
    expect(byCode.get(open)).toMatchObject({ name: "留言人周阿姨", phone: "13922220000", anonymizedAt: null });
    expect((await clerk.get(`/api/cases/${closedId}`)).body.message).toMatchObject({ name: "已匿名", phone: null, anonymized: true });
    expect((await t.http().get(`/api/track/${closed}`)).body.case).toMatchObject({ status: "CLOSED" });
  });
});

describe("the public answer statistics", () => {
  const t = useTestServer({ clock: "fixed", config: { ...LONG_LOGIN, answerWithinDays: 15, answerStatsWindowDays: 90 } });

  it("count received, answered, answered within N days, pending and the mean rating over the window, exactly", async () => {
    const venueId = t.world.lili.venueId;
    const clerk = t.http("staffLili");
    const rate = (code: string, satisfaction: number) =>
      fetch(`${t.url}/api/track/${code}/feedback`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ satisfaction }) });

    // Opened 100 days ago and answered: outside the window.
    const old = await leaveOk(t, venueId);
    await moveTo(clerk, await caseIdOf(t, old), RESOLVE);
    t.clock.advance(100 * DAY_MS);

    const fast = await leaveOk(t, venueId);
    const late = await leaveOk(t, venueId);
    const waiting = await leaveOk(t, venueId);
    const onTheDay = await leaveOk(t, venueId);
    // A case from a reception day counts too (every source), not as a message.
    const byHand = await clerk.post("/api/cases", { venueId, category: "交通", summary: "公交站台" });
    expect(byHand.status).toBe(201);

    await moveTo(clerk, await caseIdOf(t, onTheDay), RESOLVE);
    expect((await rate(onTheDay, 5)).status).toBe(200);
    t.clock.advance(3 * DAY_MS);
    await moveTo(clerk, await caseIdOf(t, fast), RESOLVE);
    expect((await rate(fast, 2)).status).toBe(200);
    await moveTo(clerk, await caseIdOf(t, waiting), [{ status: "ASSIGNED", assignee: "城管所" }]);
    t.clock.advance(12 * DAY_MS); // day 15: exactly N days
    await moveTo(clerk, byHand.body.case.id as string, [{ status: "REJECTED", rejectReason: "不属于本站职责" }]);
    t.clock.advance(5 * DAY_MS); // day 20: late
    await moveTo(clerk, await caseIdOf(t, late), [{ status: "REJECTED", rejectReason: "已转12345热线" }]);

    const now = t.clock.now();
    const all = (await t.http().get("/api/answer-stats")).body;
    expect(all).toMatchObject({ windowDays: 90, answerWithinDays: 15, to: now.toISOString(), from: new Date(now.getTime() - 90 * DAY_MS).toISOString() });
    const lili = all.venues.find((v: { venueId: string }) => v.venueId === venueId);
    expect(lili).toEqual({
      venueId,
      venueName: "三好村人大代表联络站",
      town: "黎里镇",
      received: 5,
      messages: 4,
      answered: 4,
      answeredWithin: 3,
      pending: 1,
      satisfaction: 3.5,
      rated: 2,
    });
    expect(all.venues.find((v: { venueId: string }) => v.venueId === t.world.shengze.venueId)).toMatchObject({ received: 0, answered: 0, satisfaction: null, rated: 0 });
    expect((await t.http().get(`/api/venues/${venueId}/answer-stats`)).body.venues).toEqual([lili]);
    expect((await t.http().get("/api/venues/nowhere/answer-stats")).status).toBe(404);
  });
});
