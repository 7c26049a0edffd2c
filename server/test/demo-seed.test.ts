/**
 * The demo seed on a fresh SQLite file: accounts and scopes, today's sessions,
 * and past records that obey the rules the live server keeps (gapless labels
 * and seq, queue ranks, case histories).
 */
import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { initialRank } from "../src/domain/queue.ts";
import { verifyPassword } from "../src/services/passwords.ts";
import { isDatabaseEmpty, seedDemoData, type SeedSummary } from "../src/store/demo-seed.ts";
import { openDatabase, type Db } from "../src/store/prisma.ts";
import { migrateSqliteFile } from "./helpers/test-db.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const PASSWORD = "seed-test-password";
// 00:30 on 2 December in Shanghai, still 1 December in UTC: "today" must be the local day
const NOW = new Date("2025-12-01T16:30:00Z");
const TODAY_START = new Date("2025-12-02T01:00:00Z"); // 09:00 local
const TODAY_END = new Date("2025-12-02T03:30:00Z"); // 11:30 local

const file = path.join(os.tmpdir(), `tongxin-seed-${randomUUID()}.db`);
let db: Db;
let summary: SeedSummary;

beforeAll(async () => {
  // The real migrations, as `npm start` applies them (triggers and all).
  migrateSqliteFile(file);
  db = await openDatabase(`file:${file}`);
  expect(await isDatabaseEmpty(db)).toBe(true);
  summary = await seedDemoData(db, { password: PASSWORD, now: NOW });
});

afterAll(async () => {
  await db?.$disconnect();
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
});

describe("demo seed: accounts and venues", () => {
  it("creates the demo accounts with their roles and venue scopes", async () => {
    const users = await db.user.findMany({ include: { venues: true } });
    const byName = new Map(users.map((u) => [u.username, u]));
    expect(byName.get("admin")?.role).toBe("ADMIN");
    expect(byName.get("staff.shengze")?.role).toBe("STAFF");
    expect(byName.get("deputy.xiaojuan")?.role).toBe("DEPUTY");
    expect(byName.get("deputy.xiaojuan")?.displayName).toContain("晓鹃");
    expect(byName.get("staff.lili")?.role).toBe("STAFF");
    expect(byName.get("deputy.lili")?.role).toBe("DEPUTY");
    expect(byName.get("staff.tongli")?.role).toBe("STAFF");

    const venues = await db.venue.findMany();
    const idsOf = (town: string) => venues.filter((v) => v.town === town).map((v) => v.id).sort();
    const scope = (username: string) => byName.get(username)!.venues.map((uv) => uv.venueId).sort();
    expect(idsOf("盛泽镇").length).toBeGreaterThanOrEqual(6);
    expect(scope("staff.shengze")).toEqual(idsOf("盛泽镇"));
    expect(scope("deputy.xiaojuan")).toEqual(idsOf("盛泽镇"));
    expect(scope("staff.lili")).toEqual(idsOf("黎里镇"));
    expect(scope("deputy.lili")).toEqual(idsOf("黎里镇"));
    expect(scope("staff.tongli")).toEqual(idsOf("同里镇"));
    for (const v of idsOf("黎里镇")) expect(scope("staff.shengze")).not.toContain(v);
    expect(summary.users).toBe(users.length);
    expect(summary.venues).toBe(venues.length);
  });

  it("stores a separate scrypt hash per account, and each verifies", async () => {
    const users = await db.user.findMany();
    const hashes = users.map((u) => u.passwordHash);
    expect(new Set(hashes).size).toBe(users.length);
    for (const h of hashes) {
      expect(h).toMatch(/^scrypt\$/);
      expect(h).not.toContain(PASSWORD);
    }
    const ok = await Promise.all(hashes.map((h) => verifyPassword(PASSWORD, h)));
    expect(ok.every(Boolean)).toBe(true);
    expect(await verifyPassword("wrong-password", hashes[0]!)).toBe(false);
  }, 120_000); // seven scrypt verifications at N=2^17 on a busy two-core machine

  it("builds the 家→站→室 tree of the article's towns", async () => {
    const venues = await db.venue.findMany({ include: { deputyGroup: true } });
    const byName = new Map(venues.map((v) => [v.name, v]));
    const byId = new Map(venues.map((v) => [v.id, v]));
    const central = byName.get("盛泽镇人大代表之家")!;
    expect(central).toMatchObject({ kind: "HOME", parentId: null, town: "盛泽镇" });
    const studio = byName.get("晓鹃工作室")!;
    expect(studio.kind).toBe("STUDIO");
    const station = byId.get(studio.parentId!)!;
    expect(station).toMatchObject({ name: "衡悦社区人大代表联络站", kind: "STATION" });
    expect(byId.get(station.parentId!)?.kind).toBe("HOME");
    const upgraded = venues.filter((v) => v.kind === "HOME" && v.parentId === central.id);
    expect(upgraded.length).toBeGreaterThanOrEqual(2);
    expect(new Set(upgraded.map((v) => v.deputyGroupId)).size).toBe(upgraded.length);
    expect(byName.get("黎里古镇人大代表之家")?.kind).toBe("HOME");
    expect(byName.get("三好村人大代表联络站")?.kind).toBe("STATION");
    expect(byName.get("黎川书院代表工作室")?.kind).toBe("STUDIO");
    expect(byName.get("同里镇人大代表之家")?.kind).toBe("HOME");
    for (const v of venues) {
      expect(v.deputyGroup?.town).toBe(v.town);
      expect(v.address).toContain(`苏州市吴江区${v.town}`);
      if (v.parentId) expect(byId.get(v.parentId)?.town).toBe(v.town);
    }
  });
});

describe("demo seed: today's sessions", () => {
  it("opens one empty session per venue today (Asia/Shanghai)", async () => {
    const venues = await db.venue.findMany();
    const today = await db.receptionSession.findMany({
      where: { startsAt: { gte: TODAY_START, lt: TODAY_END } },
      include: { venue: true, _count: { select: { tickets: true, events: true, transcript: true } } },
    });
    expect(today.map((s) => s.id).sort()).toEqual([...summary.sessionsToday].sort());
    expect(today.map((s) => s.venueId).sort()).toEqual(venues.map((v) => v.id).sort());
    for (const s of today) {
      expect(s).toMatchObject({
        status: "OPEN",
        queueOpen: true,
        lastSeq: 0,
        onlineCount: 0,
        inPersonCount: 0,
        finishedTurns: 0,
        slotMin: 8,
        walkInHeadStartMin: 10,
        avgServiceSec: 8 * 60,
        streamUrl: null,
      });
      expect(s.startsAt.toISOString()).toBe(TODAY_START.toISOString());
      expect(s.endsAt.toISOString()).toBe(TODAY_END.toISOString());
      expect(s.title).toBe(`${s.venue.name} · 12月代表接待日`);
      expect(s.theme.length).toBeGreaterThan(0);
      expect((JSON.parse(s.deputies) as string[]).length).toBeGreaterThan(0);
      expect(s._count).toEqual({ tickets: 0, events: 0, transcript: 0 });
    }
    const tongli = today.find((s) => s.venue.name === "同里镇人大代表之家");
    expect(tongli?.theme).toBe("老旧小区加装电梯");
    // later than today: only next month's day at each 代表之家, not yet open
    const later = await db.receptionSession.findMany({ where: { startsAt: { gte: TODAY_END } }, include: { venue: true } });
    expect(later).toHaveLength(summary.upcomingSessions);
    expect(later.length).toBeGreaterThan(0);
    for (const s of later) expect(s).toMatchObject({ status: "SCHEDULED", queueOpen: false, venue: { kind: "HOME" } });
  });
});

describe("demo seed: past records", () => {
  it("ends past sessions with gapless labels, queue-rule ranks and ordered times", async () => {
    const past = await db.receptionSession.findMany({ where: { startsAt: { lt: TODAY_START } }, include: { tickets: true } });
    expect(past.length).toBe(summary.pastSessions);
    expect(past.length).toBeGreaterThanOrEqual(10);
    expect(new Set(past.map((s) => s.venueId)).size).toBeGreaterThanOrEqual(3);
    for (const s of past) {
      expect(s.status).toBe("ENDED");
      expect(s.queueOpen).toBe(false);
      expect(s.startsAt.getTime()).toBeLessThan(NOW.getTime());
      expect(s.tickets.length).toBeGreaterThanOrEqual(3);
      expect(s.tickets.length).toBeLessThanOrEqual(8);
      for (const [channel, prefix, count] of [
        ["ONLINE", "W", s.onlineCount],
        ["IN_PERSON", "A", s.inPersonCount],
      ] as const) {
        const labels = s.tickets.filter((t) => t.channel === channel).map((t) => t.label).sort();
        expect(labels).toEqual(Array.from({ length: count }, (_, i) => `${prefix}${String(i + 1).padStart(3, "0")}`));
      }
      expect(s.tickets.filter((t) => t.status === "DONE").length).toBe(s.finishedTurns);
      for (const t of s.tickets) {
        expect(["DONE", "NO_SHOW", "LEFT"]).toContain(t.status);
        if (t.priorityReason == null) {
          expect(t.rank).toBe(initialRank(t.channel, t.joinedAt.getTime(), s.walkInHeadStartMin));
        } else {
          expect(t.rank).toBeLessThanOrEqual(initialRank(t.channel, t.joinedAt.getTime(), s.walkInHeadStartMin));
        }
        const times = [t.joinedAt, t.calledAt, t.startedAt, t.finishedAt].filter((d): d is Date => d != null).map((d) => d.getTime());
        expect(times).toEqual([...times].sort((a, b) => a - b));
        expect(t.finishedAt).not.toBeNull();
        if (t.status === "DONE") expect(t.startedAt && t.summary).toBeTruthy();
        if (t.phone != null) expect(t.phone).toMatch(/^139\d{8}$/);
      }
    }
    const all = past.flatMap((s) => s.tickets);
    expect(new Set(all.map((t) => t.status))).toEqual(new Set(["DONE", "NO_SHOW", "LEFT"]));
    expect(all.some((t) => t.phone != null)).toBe(true);
    expect(all.some((t) => t.phone == null)).toBe(true);
  });

  it("logs every session as seq 1..lastSeq, in time order, with the staff view at that moment", async () => {
    const past = await db.receptionSession.findMany({
      where: { status: "ENDED" },
      include: { events: { orderBy: { seq: "asc" } }, tickets: true },
    });
    let total = 0;
    for (const s of past) {
      total += s.events.length;
      expect(s.lastSeq).toBe(s.events.length);
      expect(s.events.map((e) => e.seq)).toEqual(Array.from({ length: s.lastSeq }, (_, i) => i + 1));
      const ats = s.events.map((e) => e.at.getTime());
      expect(ats).toEqual([...ats].sort((a, b) => a - b));
      expect(s.events[0]!.type).toBe("session.updated");
      const last = JSON.parse(s.events.at(-1)!.data) as { status: string; id: string };
      expect(last).toMatchObject({ id: s.id, status: "ENDED" });
      const lastTicketView = new Map<string, { status: string; label: string }>();
      for (const e of s.events) {
        expect(["session.updated", "ticket.joined", "ticket.updated", "transcript.appended", "transcript.amended", "case.created"]).toContain(e.type);
        const data = JSON.parse(e.data) as { id: string; sessionId?: string; status: string; label: string };
        if (e.type.startsWith("ticket.")) {
          expect(data.sessionId).toBe(s.id);
          lastTicketView.set(data.id, data);
        }
      }
      // the log ends where the rows are
      expect(lastTicketView.size).toBe(s.tickets.length);
      for (const t of s.tickets) expect(lastTicketView.get(t.id)).toMatchObject({ status: t.status, label: t.label });
    }
    expect(total).toBe(summary.events);
  });

  it("keeps transcripts: questions, answers, staff notes and an amendment", async () => {
    const entries = await db.transcriptEntry.findMany({ include: { ticket: true } });
    expect(entries.length).toBe(summary.transcriptEntries);
    const kinds = new Set(entries.map((e) => e.kind));
    expect(kinds).toEqual(new Set(["QUESTION", "ANSWER", "NOTE"]));
    for (const e of entries) {
      if (e.kind === "QUESTION") {
        expect(e.speakerRole).toBe("VOTER");
        expect(e.visibility).toBe(e.ticket?.isPublic ? "PUBLIC" : "STAFF");
        expect(e.speakerName).toBe(e.ticket?.label); // never the voter's name
      }
      if (e.kind === "ANSWER") expect(e.speakerRole).toBe("DEPUTY");
      if (e.kind === "NOTE") expect(e).toMatchObject({ speakerRole: "STAFF", visibility: "STAFF" });
    }
    const amendments = entries.filter((e) => e.amendsId != null);
    expect(amendments.length).toBeGreaterThan(0);
    const byId = new Map(entries.map((e) => [e.id, e]));
    for (const a of amendments) {
      const original = byId.get(a.amendsId!)!;
      expect(original.sessionId).toBe(a.sessionId);
      expect(original.createdAt.getTime()).toBeLessThan(a.createdAt.getTime());
      expect(original.text).not.toBe(a.text);
    }
    const amendedEvents = await db.sessionEvent.count({ where: { type: "transcript.amended" } });
    expect(amendedEvents).toBe(amendments.length);
  });

  it("creates follow-up cases in every state, with their history", async () => {
    const cases = await db.case.findMany({ include: { events: { orderBy: { at: "asc" } }, ticket: true } });
    expect(cases.length).toBe(summary.cases);
    expect(new Set(cases.map((c) => c.status))).toEqual(new Set(["OPEN", "ASSIGNED", "IN_PROGRESS", "RESOLVED", "CLOSED", "REJECTED"]));
    expect(new Set(cases.map((c) => c.trackingCode)).size).toBe(cases.length);
    expect(new Set(cases.map((c) => c.category)).size).toBeGreaterThanOrEqual(5);
    expect(await db.sessionEvent.count({ where: { type: "case.created" } })).toBe(cases.length);
    for (const c of cases) {
      expect(c.trackingCode).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{8}$/);
      expect(c.ticket?.status).toBe("DONE");
      expect(c.sessionId).toBe(c.ticket?.sessionId);
      expect(c.events[0]).toMatchObject({ type: "created", toStatus: "OPEN" });
      const moves = c.events.filter((e) => e.type === "status" || e.type === "created");
      expect(moves.at(-1)?.toStatus).toBe(c.status);
      for (let i = 1; i < moves.length; i++) expect(moves[i]!.fromStatus).toBe(moves[i - 1]!.toStatus);
      for (const e of c.events) {
        expect(e.at.getTime()).toBeLessThanOrEqual(NOW.getTime());
        expect(e.actorName).toBeTruthy();
      }
      if (c.status === "REJECTED") expect(c.rejectReason).toBeTruthy();
      if (c.status === "RESOLVED" || c.status === "CLOSED") expect(c.resolution && c.resolvedAt).toBeTruthy();
      if (c.status !== "OPEN" && c.status !== "REJECTED") expect(c.assignee && c.dueAt).toBeTruthy();
      if (c.satisfaction != null) {
        expect(c.satisfaction).toBeGreaterThanOrEqual(1);
        expect(c.satisfaction).toBeLessThanOrEqual(5);
        expect(c.events.some((e) => e.type === "feedback")).toBe(true);
      }
    }
    expect(cases.some((c) => c.status === "CLOSED" && c.satisfaction != null && c.feedbackComment)).toBe(true);
    expect(cases.some((c) => c.events.some((e) => e.type === "note" && e.internal))).toBe(true);
    const overdue = cases.filter((c) => ["ASSIGNED", "IN_PROGRESS"].includes(c.status) && c.dueAt && c.dueAt < NOW);
    expect(overdue.length).toBeGreaterThan(0);
  });
});

describe("demo seed: only into an empty database", () => {
  it("refuses a second run, and the CLI skips", async () => {
    expect(await isDatabaseEmpty(db)).toBe(false);
    await expect(seedDemoData(db, { password: PASSWORD, now: NOW })).rejects.toThrow(/not empty/);
    const out = execFileSync(path.join(ROOT, "node_modules", ".bin", "tsx"), ["prisma/seed.ts"], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: `file:${file}` },
      encoding: "utf8",
    });
    expect(out).toMatch(/skipped/);
    expect(await db.user.count()).toBe(summary.users);
  });
});
