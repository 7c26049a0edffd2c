/**
 * Retention (docs/PRIVACY.md): RETENTION_DAYS after a reception day ended and
 * its case was closed, names, phones and private questions are anonymized,
 * in small batches, idempotently; labels, the public record and statistics
 * stay. A fixed clock moves the days.
 */
import { describe, expect, it } from "vitest";
import { DAY_MS } from "../src/domain/privacy.ts";
import type { Logger } from "../src/logger.ts";
import { RETENTION_BATCH, runRetention, startRetention } from "../src/services/privacy-and-accounts/retention.ts";
import { PHONES, playFinishedDay } from "./helpers/back-office-fixtures.ts";
import { ok } from "./helpers/test-server.ts";
import { useTestServer } from "./helpers/use-test-server.ts";

// Logins must outlive the months the clock moves on.
const LONG_LOGIN = { tokenIdleTtlMs: 5000 * DAY_MS };

describe("retention", () => {
  const t = useTestServer({ perTest: true, clock: "fixed", config: LONG_LOGIN });
  const preview = async () => (await t.http("admin").get("/api/admin/retention")).body;
  const run = async () => (await t.http("admin").post("/api/admin/retention/run")).body;

  it("leaves a day alone until RETENTION_DAYS have passed, then anonymizes its finished tickets but keeps an open case's contact", async () => {
    const day = await playFinishedDay(t.server, t.world);
    expect(await preview()).toMatchObject({ retentionDays: 180, tickets: 0 });
    expect(await run()).toMatchObject({ tickets: 0 });

    t.clock.advance(181 * DAY_MS);
    expect(await preview()).toMatchObject({ tickets: 2, caseComments: 0, cutoff: expect.any(String) });
    expect(await run()).toMatchObject({ tickets: 2, batches: 1 });

    const rows = new Map((await t.db.ticket.findMany({ where: { sessionId: day.sessionId } })).map((r) => [r.id, r]));
    expect(rows.get(day.online.ticketId)).toMatchObject({ name: "已匿名", phone: null, question: null, topic: "停车难", label: day.online.label, status: "DONE" });
    expect(rows.get(day.noShow.ticketId)).toMatchObject({ name: "已匿名", phone: null, status: "NO_SHOW" });
    // Still being handled: the reply needs the contact.
    expect(rows.get(day.walkIn.ticketId)).toMatchObject({ name: "李阿婆", phone: PHONES.walkIn, anonymizedAt: null });
    // The public transcript and the session's statistics stay.
    expect((await t.db.transcriptEntry.findMany({ where: { sessionId: day.sessionId } })).map((e) => e.text)).toContain("周边将增设临时停车位");
    const events = (await t.db.sessionEvent.findMany({ where: { sessionId: day.sessionId } })).map((e) => e.data).join("\n");
    expect(events).not.toContain("王小明");
    expect(events).not.toContain(PHONES.online);
    expect(events).toContain("李阿婆");

    // Idempotent: nothing is due twice.
    expect(await preview()).toMatchObject({ tickets: 0, lastRunAt: expect.any(String), nextRunAt: expect.any(String) });
    expect(await run()).toMatchObject({ tickets: 0 });
  });

  it("anonymizes a closed case's ticket, its private question in the transcript and the voter's comment, keeping the case's substance", async () => {
    const day = await playFinishedDay(t.server, t.world);
    await t.db.case.update({ where: { id: day.walkIn.caseId }, data: { status: "CLOSED", resolution: "已加装", satisfaction: 5, feedbackComment: "谢谢，我住六楼" } });
    // The recorder named the walk-in in full as a line's speaker (viewers saw 李*).
    const staff = await t.connectAs("staffShengze");
    await ok(staff, "transcript:append", { sessionId: day.sessionId, ticketId: day.walkIn.ticketId, kind: "QUESTION", speakerRole: "VOTER", speakerName: `${day.walkIn.label} 李阿婆`, text: "楼里老人多。", visibility: "PUBLIC" });
    t.clock.advance(181 * DAY_MS);
    expect(await run()).toMatchObject({ tickets: 3 });
    const speakers = (await t.db.transcriptEntry.findMany({ where: { ticketId: day.walkIn.ticketId, speakerRole: "VOTER" } })).map((e) => e.speakerName);
    expect(speakers).toContain(`${day.walkIn.label} 李*`);
    const log = (await t.db.sessionEvent.findMany({ where: { sessionId: day.sessionId } })).map((e) => e.data).join("\n");
    expect(log).toContain(`${day.walkIn.label} 李*`);
    expect(speakers.join() + log).not.toContain("李阿婆");
    const kase = await t.db.case.findUniqueOrThrow({ where: { id: day.walkIn.caseId } });
    expect(kase).toMatchObject({ status: "CLOSED", summary: "评估老小区加装电梯", resolution: "已加装", satisfaction: 5, feedbackComment: null });
    const texts = (await t.db.transcriptEntry.findMany({ where: { sessionId: day.sessionId, ticketId: day.walkIn.ticketId } })).map((e) => e.text);
    expect(texts.join("\n")).not.toContain("老小区六楼没有电梯");
    expect(texts).toContain("（已匿名）");
    expect((await t.http().get(`/api/track/${day.walkIn.trackingCode}`)).status).toBe(200);
    const stats = await t.http("admin").get("/api/stats");
    expect(stats.status).toBe(200);
  });

  it("anonymizes a booking that never became a ticket, and a checked-in one with its ticket", async () => {
    const day = await playFinishedDay(t.server, t.world);
    const booking = (over: { code: string; place: number; ticketId?: string }) =>
      t.db.booking.create({
        data: { sessionId: day.sessionId, status: over.ticketId ? "CHECKED_IN" : "NO_SHOW", name: "赵预约", phone: "13700001111", topic: "路灯", question: "家门口路灯坏了", tokenHash: `h-${over.code}`, bookedAt: new Date(0), ...over },
      });
    const lapsed = await booking({ code: "RTN001", place: 1 });
    const checkedIn = await booking({ code: "RTN002", place: 2, ticketId: day.online.ticketId });
    t.clock.advance(181 * DAY_MS);
    expect(await run()).toMatchObject({ tickets: 2, bookings: 1 });
    for (const b of [lapsed, checkedIn]) {
      expect(await t.db.booking.findUniqueOrThrow({ where: { id: b.id } })).toMatchObject({ name: "已匿名", phone: null, question: null, topic: "路灯" });
    }
    expect(await run()).toMatchObject({ tickets: 0, bookings: 0 });
  });

  it("never touches a day that has not ended, however old", async () => {
    const [ticket] = await t.joinVoters(["张三"]);
    t.clock.advance(400 * DAY_MS);
    expect(await run()).toMatchObject({ tickets: 0 });
    expect((await t.db.ticket.findUniqueOrThrow({ where: { id: ticket!.id } })).name).toBe("张三");
  });

  it("works in batches of RETENTION_BATCH rows, one transaction each", async () => {
    const sessionId = t.world.lili.sessionId;
    const n = RETENTION_BATCH * 2 + 50;
    await t.db.ticket.createMany({
      data: Array.from({ length: n }, (_, i) => ({ sessionId, channel: "ONLINE" as const, label: `W${String(i + 1).padStart(3, "0")}`, rank: i, name: `名${i}`, phone: "13900000000", topic: "t", voterTokenHash: `h${i}`, status: "DONE" as const })),
    });
    await t.db.receptionSession.update({ where: { id: sessionId }, data: { status: "ENDED" } });
    t.clock.advance(181 * DAY_MS);
    expect(await preview()).toMatchObject({ tickets: n });
    const outcome = await runRetention(t.server.app.deps);
    expect(outcome).toEqual({ tickets: n, caseComments: 0, bookings: 0, messages: 0, invitations: 0, batches: 3 });
    expect(await t.db.ticket.count({ where: { sessionId, anonymizedAt: null } })).toBe(0);
  });

  it("is for admins only", async () => {
    expect((await t.http("staffShengze").get("/api/admin/retention")).status).toBe(403);
    expect((await t.http("staffShengze").post("/api/admin/retention/run")).status).toBe(403);
  });

  it("runs when started and on its timer, logs counts only, and stops cleanly", async () => {
    const lines: string[] = [];
    const log: Logger = { debug: () => {}, info: (m, f) => lines.push(`${m} ${JSON.stringify(f)}`), warn: () => {}, error: (m, f) => lines.push(`${m} ${JSON.stringify(f)}`) };
    await playFinishedDay(t.server, t.world);
    t.clock.advance(181 * DAY_MS);
    const timer = startRetention(t.server.app.deps, log, 50);
    expect(timer.running).not.toBeNull();
    await timer.running;
    await expect.poll(() => lines.length, { timeout: 3000 }).toBeGreaterThanOrEqual(2);
    await timer.stop();
    expect(timer.running).toBeNull();
    expect(lines[0]).toMatch(/^retention\.run \{"tickets":2,"caseComments":0,"bookings":0,"messages":0,"invitations":0,"batches":1,"ms":\d+\}$/);
    expect(lines[1]).toMatch(/^retention\.run \{"tickets":0/);
    const count = lines.length;
    await new Promise((r) => setTimeout(r, 150));
    expect(lines.length).toBe(count);
  });
});

describe("retention switched off", () => {
  const off = useTestServer({ perTest: true, clock: "fixed", config: { ...LONG_LOGIN, retentionDays: 0 } });
  it("touches nothing and says so", async () => {
    await playFinishedDay(off.server, off.world);
    off.clock.advance(1000 * DAY_MS);
    expect((await off.http("admin").get("/api/admin/retention")).body).toMatchObject({ retentionDays: 0, cutoff: null, tickets: 0 });
    expect(await runRetention(off.server.app.deps)).toEqual({ tickets: 0, caseComments: 0, bookings: 0, messages: 0, invitations: 0, batches: 0 });
  });
});
