/**
 * The demo seed's outcome on a fresh SQLite file: the accounts log in and have
 * their scopes, today's sessions are open and empty, and the past records are
 * what the write path leaves behind (gapless seq and labels, cases in every
 * status with their history). The rules themselves are tested where they live;
 * this only checks that the seed went through them and provides the demo.
 * Seeding runs once, after a simulated crash, so recovery is tested too.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readConfig } from "../src/config.ts";
import { DEMO_SEED_MARKER, demoHistoryCutShort, demoSeedState, isDatabaseEmpty, PRESENT_STEPS, seedDemoData, seedDemoPresent, type SeedSummary } from "../src/demo/seed-demo.ts";
import type { CaseStatus } from "../src/protocol/model.ts";
import { supervisionOf } from "../src/domain/suggestion-lifecycle.ts";
import { login } from "../src/services/privacy-and-accounts/auth.ts";
import type { ServiceDeps } from "../src/services/deps.ts";
import { createWatchCache } from "../src/services/live-day/watch.ts";
import { openDatabase, type Db } from "../src/store/prisma.ts";
import { WriteLanes } from "../src/store/write-lane.ts";
import { postgresReachable, tempPostgresSchema } from "./helpers/postgres.ts";
import { tempDbFile } from "./helpers/test-db.ts";

const PASSWORD = "seed-test-password";
// 00:30 on 2 December in Shanghai, still 1 December in UTC: "today" must be the local day
const NOW = new Date("2025-12-01T16:30:00Z");
const TODAY_START = new Date("2025-12-02T01:00:00Z"); // 09:00 local

const file = tempDbFile();
let db: Db;
let summary: SeedSummary;

beforeAll(async () => {
  db = await openDatabase(file.url);
  // What a seed that crashed part-way leaves: its marker and some of its rows.
  await db.setting.create({ data: { key: DEMO_SEED_MARKER, value: JSON.stringify({ state: "started" }) } });
  const group = await db.deputyGroup.create({ data: { name: "盛泽镇中心代表小组", town: "盛泽镇" } });
  await db.venue.create({ data: { name: "盛泽镇人大代表之家", kind: "HOME", town: "盛泽镇", deputyGroupId: group.id } });
  expect(await demoSeedState(db)).toBe("started");
  summary = await seedDemoData(db, { password: PASSWORD, now: NOW });
}, 120_000);

afterAll(async () => {
  await db?.$disconnect();
  file.remove();
});

const depsOf = (db: Db): ServiceDeps => ({
  db,
  lanes: new WriteLanes(db, () => {}),
  config: readConfig({}),
  now: () => NOW,
  watchCache: createWatchCache(),
});

describe("demo seed: deputies' suggestions (§6e)", () => {
  it("has 吴江区 departments and suggestions drawn from the demo's cases in every state and colour", async () => {
    expect((await db.department.findMany()).map((d) => d.name).sort()).toEqual(["区交通运输局", "区住建局", "区民政局", "区水务局"].sort());
    const rows = await db.suggestion.findMany({ include: { cases: true, answers: true } });
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(["DRAFT", "SUBMITTED", "ASSIGNED", "COUNTERSIGNING", "ANSWERED", "EVALUATED"]));
    expect(rows.every((r) => r.cases.length === 2)).toBe(true);
    const colours = rows.map((r) => supervisionOf(r, NOW)).filter(Boolean);
    expect(new Set(colours)).toEqual(new Set(["GREEN", "YELLOW", "RED"]));
    expect(rows.some((r) => r.secondRound && r.answers.length === 2 && r.status === "EVALUATED")).toBe(true);
    // 会签: one answer waits for the second of its two helper departments.
    const countersigning = await db.suggestionCoDepartment.findMany({ where: { suggestion: { status: "COUNTERSIGNING" } } });
    expect(countersigning.map((c) => c.countersign).sort()).toEqual(["AGREED", null].sort());
    const zhujian = await db.department.findUniqueOrThrow({ where: { name: "区住建局" } });
    expect(rows.filter((r) => r.leadDepartmentId === zhujian.id).length).toBeGreaterThanOrEqual(3);
  });
});

describe("demo seed: accounts and venues", () => {
  it("clears a crashed seed's rows and writes 8 deputy groups and 15 venues once", async () => {
    expect(await db.deputyGroup.count()).toBe(8);
    expect(await db.venue.count()).toBe(15);
    expect(await db.user.count()).toBe(10);
    expect(summary).toMatchObject({ deputyGroups: 8, venues: 15, users: 10 });
  });

  it("lets every demo account log in with the demo password, scoped to its town's venues", async () => {
    const venues = await db.venue.findMany();
    const idsOf = (town: string) => venues.filter((v) => v.town === town).map((v) => v.id).sort();
    const expected: Record<string, { role: string; venueIds: string[] }> = {
      admin: { role: "ADMIN", venueIds: [] },
      "staff.shengze": { role: "STAFF", venueIds: idsOf("盛泽镇") },
      "deputy.xiaojuan": { role: "DEPUTY", venueIds: idsOf("盛泽镇") },
      "staff.lili": { role: "STAFF", venueIds: idsOf("黎里镇") },
      "deputy.lili": { role: "DEPUTY", venueIds: idsOf("黎里镇") },
      "staff.tongli": { role: "STAFF", venueIds: idsOf("同里镇") },
      "dept.zhujian": { role: "DEPARTMENT", venueIds: [] },
      "dept.jiaotong": { role: "DEPARTMENT", venueIds: [] },
      "dept.minzheng": { role: "DEPARTMENT", venueIds: [] },
      "dept.shuiwu": { role: "DEPARTMENT", venueIds: [] },
    };
    const deps = depsOf(db);
    const logins = await Promise.all(Object.keys(expected).map((username) => login(deps, username, PASSWORD)));
    for (const { user } of logins) {
      expect({ role: user.role, venueIds: [...user.venueIds].sort() }).toEqual(expected[user.username]);
      // The demo's documented password is not an initial one to replace (docs/SECURITY.md §3).
      expect(user.mustChangePassword, user.username).toBe(false);
    }
    expect(idsOf("盛泽镇").length).toBeGreaterThanOrEqual(6);
    await expect(login(deps, "staff.shengze", "wrong-password")).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  }, 60_000);
});

describe("demo seed: sessions", () => {
  it("opens one session per venue today (Asia/Shanghai), with an empty queue and no events", async () => {
    const today = await db.receptionSession.findMany({ where: { status: "OPEN" } });
    expect(today.map((s) => s.id).sort()).toEqual([...summary.sessionsToday].sort());
    expect(new Set(today.map((s) => s.venueId)).size).toBe(15);
    for (const s of today) {
      expect(s.startsAt.toISOString()).toBe(TODAY_START.toISOString());
      expect(s).toMatchObject({ queueOpen: true, lastSeq: 0, onlineCount: 0, inPersonCount: 0, finishedTurns: 0 });
    }
    expect(await db.ticket.count({ where: { sessionId: { in: summary.sessionsToday } } })).toBe(0);
  });

  it("schedules next month's reception day at every 代表之家", async () => {
    const upcoming = await db.receptionSession.findMany({ where: { status: "SCHEDULED", kind: "RECEPTION" }, include: { venue: true } });
    expect(upcoming.length).toBe(summary.upcomingSessions);
    expect(upcoming.length).toBeGreaterThan(0);
    for (const s of upcoming) {
      expect(s.venue.kind).toBe("HOME");
      expect(s.startsAt.toISOString()).toBe("2026-01-15T01:00:00.000Z");
    }
  });

  it("opens bookings on next month's days, with some voters booked, and records the deputies' duty activities", async () => {
    const upcoming = await db.receptionSession.findMany({ where: { status: "SCHEDULED", kind: "RECEPTION" } });
    expect(upcoming.every((s) => s.bookingCapacity > 0)).toBe(true);
    const booked = await db.booking.findMany({ where: { sessionId: { in: upcoming.map((s) => s.id) } } });
    expect(booked.length).toBeGreaterThan(0);
    expect(booked.every((b) => b.status === "BOOKED")).toBe(true);
    const duties = await db.dutyActivity.findMany();
    expect(new Set(duties.map((d) => d.kind))).toEqual(new Set(["TRAINING", "VISIT", "SURVEY"]));
    expect(duties.some((d) => d.title.includes("三好村"))).toBe(true);
  });

  it("ends past sessions with a gapless, time-ordered event log and gapless labels per channel", async () => {
    const past = await db.receptionSession.findMany({
      where: { status: "ENDED" },
      include: { events: { orderBy: { seq: "asc" } }, tickets: true },
    });
    // Every ended day, forums included, keeps the log's rules; the summary counts the receptions.
    expect(past.filter((s) => s.kind === "RECEPTION").length).toBe(summary.pastSessions);
    expect(past.length).toBeGreaterThanOrEqual(10);
    for (const s of past) {
      expect(s.startsAt.getTime()).toBeLessThan(NOW.getTime());
      expect(s.events.map((e) => e.seq)).toEqual(Array.from({ length: s.lastSeq }, (_, i) => i + 1));
      const times = s.events.map((e) => e.at.getTime());
      expect(times).toEqual([...times].sort((a, b) => a - b));
      for (const [channel, letter, count] of [["ONLINE", "W", s.onlineCount], ["IN_PERSON", "A", s.inPersonCount]] as const) {
        const labels = s.tickets.filter((t) => t.channel === channel).map((t) => t.label).sort();
        expect(labels).toEqual(Array.from({ length: count }, (_, i) => `${letter}${String(i + 1).padStart(3, "0")}`));
      }
      expect(s.tickets.filter((t) => t.status === "DONE").length).toBe(s.finishedTurns);
      expect(s.tickets.every((t) => ["DONE", "NO_SHOW", "LEFT"].includes(t.status))).toBe(true);
    }
    const statuses = new Set(past.flatMap((s) => s.tickets.map((t) => t.status)));
    expect([...statuses].sort()).toEqual(["DONE", "LEFT", "NO_SHOW"]);
  });

  it("keeps transcripts with questions, answers, staff notes and corrections that point at the first version", async () => {
    const entries = await db.transcriptEntry.findMany();
    const kinds = new Set(entries.map((e) => e.kind));
    for (const k of ["QUESTION", "ANSWER", "NOTE"]) expect(kinds).toContain(k);
    const amendments = entries.filter((e) => e.amendsId);
    expect(amendments.length).toBeGreaterThan(0);
    const byId = new Map(entries.map((e) => [e.id, e]));
    for (const a of amendments) {
      const original = byId.get(a.amendsId!)!;
      expect(original.amendsId).toBeNull();
      expect(a.createdAt.getTime()).toBeGreaterThan(original.createdAt.getTime());
      expect(a.text).not.toBe(original.text);
    }
    expect(await db.sessionEvent.count({ where: { type: "transcript.amended" } })).toBe(amendments.length);
  });
});

describe("demo seed: forums (座谈会)", () => {
  it("holds a past forum at 盛泽镇 on its theme, heard item by item, and schedules one with invitations in every RSVP state", async () => {
    const forums = await db.receptionSession.findMany({
      where: { kind: "FORUM" },
      include: { venue: true, agenda: { orderBy: { position: "asc" } }, invitations: true, tickets: true },
      orderBy: { startsAt: "asc" },
    });
    expect(forums.map((f) => f.status)).toEqual(["ENDED", "SCHEDULED"]);
    const [past, upcoming] = forums as [(typeof forums)[number], (typeof forums)[number]];
    for (const f of forums) expect(f).toMatchObject({ theme: "停车难与交通秩序", venue: { name: "盛泽镇人大代表之家", town: "盛泽镇" } });
    expect(past.startsAt.getTime()).toBeLessThan(NOW.getTime());
    expect(past.agenda.every((a) => a.startedAt && a.endedAt)).toBe(true);
    expect(past.currentAgendaItemId).toBeNull();
    // Each item heard its own speakers; every invitee who came holds their ticket.
    for (const a of past.agenda) expect(past.tickets.filter((x) => x.agendaItemId === a.id && x.status === "DONE").length).toBeGreaterThan(0);
    expect(past.invitations.filter((i) => i.rsvp !== "DECLINED").every((i) => i.ticketId)).toBe(true);
    expect(await db.case.count({ where: { sessionId: past.id } })).toBeGreaterThan(0);
    expect(await db.transcriptEntry.count({ where: { sessionId: past.id, kind: "SYSTEM", text: { startsWith: "进入议程" } } })).toBe(past.agenda.length);

    expect(upcoming.startsAt.getTime()).toBeGreaterThan(NOW.getTime());
    expect(upcoming.agenda.length).toBeGreaterThanOrEqual(2);
    expect(upcoming.agenda.length).toBeLessThanOrEqual(3);
    expect(new Set(upcoming.invitations.map((i) => i.rsvp))).toEqual(new Set(["PENDING", "HALL", "ONLINE", "DECLINED"]));
    expect(new Set(upcoming.invitations.map((i) => i.role))).toEqual(new Set(["VOTER", "DEPARTMENT"]));
  });
});

describe("demo seed: follow-up cases", () => {
  it("has cases in every status, each with a history that walks the state machine to it", async () => {
    const cases = await db.case.findMany({ where: { source: "TURN" }, include: { events: { orderBy: [{ at: "asc" }, { id: "asc" }] }, ticket: true } });
    expect(cases.length).toBe(summary.cases - (await db.case.count({ where: { source: { not: "TURN" } } })));
    const all: CaseStatus[] = ["OPEN", "ASSIGNED", "IN_PROGRESS", "RESOLVED", "CLOSED", "REJECTED"];
    expect(new Set(cases.map((c) => c.status))).toEqual(new Set(all));
    for (const c of cases) {
      expect(c.ticket?.status).toBe("DONE");
      expect(c.events[0]).toMatchObject({ type: "created", toStatus: "OPEN" });
      let status: string = "OPEN";
      for (const e of c.events.filter((e) => e.type === "status")) {
        expect(e.fromStatus).toBe(status);
        status = e.toStatus!;
      }
      expect(status).toBe(c.status);
      expect(c.events.every((e) => e.at.getTime() <= NOW.getTime())).toBe(true);
      // the services' clock, not the real one, stamped every change
      expect(c.updatedAt.getTime()).toBeLessThanOrEqual(NOW.getTime());
      if (c.status !== "OPEN") expect(c.updatedAt.getTime()).toBeGreaterThan(c.createdAt.getTime());
    }
    const caseCreated = await db.sessionEvent.count({ where: { type: "case.created" } });
    expect(caseCreated).toBe(cases.length);
  });

  it("has some ratings, each after the case was resolved and logged as feedback", async () => {
    const rated = await db.case.findMany({ where: { satisfaction: { not: null } }, include: { events: true } });
    expect(rated.length).toBeGreaterThan(0);
    for (const c of rated) {
      expect(["RESOLVED", "CLOSED"]).toContain(c.status);
      expect(c.feedbackAt!.getTime()).toBeGreaterThan(c.resolvedAt!.getTime());
      expect(c.events.filter((e) => e.type === "feedback").length).toBe(1);
    }
  });
});

describe("demo seed: the message box", () => {
  it("has messages at several stations in every case state, walked through the state machine, one addressed to a deputy", async () => {
    const cases = await db.case.findMany({ where: { source: "MESSAGE" }, include: { message: true, events: { orderBy: [{ at: "asc" }, { id: "asc" }] } } });
    expect(new Set(cases.map((c) => c.status))).toEqual(new Set(["OPEN", "ASSIGNED", "IN_PROGRESS", "RESOLVED", "CLOSED", "REJECTED"]));
    expect(new Set(cases.map((c) => c.venueId)).size).toBeGreaterThanOrEqual(3);
    for (const c of cases) {
      expect(c.message).toMatchObject({ consentVersion: 1, anonymizedAt: null });
      expect(c.ticketId).toBeNull();
      let status: string = "OPEN";
      for (const e of c.events.filter((e) => e.type === "status")) {
        expect(e.fromStatus).toBe(status);
        status = e.toStatus!;
      }
      expect(status).toBe(c.status);
      expect(c.updatedAt.getTime()).toBeLessThanOrEqual(NOW.getTime());
    }
    expect(cases.find((c) => c.status === "CLOSED")?.satisfaction).toBe(5);
    const deputy = await db.user.findUniqueOrThrow({ where: { username: "deputy.xiaojuan" } });
    expect(cases.filter((c) => c.message?.deputyId === deputy.id)).toHaveLength(1);
  });
});

describe("demo seed: running twice", () => {
  it("refuses a second run on a seeded database", async () => {
    expect(await demoSeedState(db)).toBe("done");
    expect(await isDatabaseEmpty(db)).toBe(false);
    await expect(seedDemoData(db, { password: PASSWORD, now: NOW })).rejects.toThrow(/already loaded/);
    expect(await db.venue.count()).toBe(15);
  });

  it("writes the present first: today's days are there and the database counts as seeded before the past year is", async () => {
    const other = tempDbFile();
    const otherDb = await openDatabase(other.url);
    try {
      const { writeHistory } = await seedDemoPresent(otherDb, { password: PASSWORD, now: NOW });
      // What a server serves from the moment it listens; a stop now must not wipe it on the next start.
      expect(await demoSeedState(otherDb)).toBe("done");
      expect(await demoHistoryCutShort(otherDb)).toBe(true);
      expect(await otherDb.receptionSession.count({ where: { status: "OPEN" } })).toBe(15);
      expect(await otherDb.receptionSession.count({ where: { status: "ENDED" } })).toBe(0);
      const rest = await writeHistory();
      expect(await demoHistoryCutShort(otherDb)).toBe(false);
      expect(rest.pastSessions).toBe(summary.pastSessions);
      expect(await otherDb.receptionSession.count({ where: { status: "ENDED" } })).toBeGreaterThanOrEqual(summary.pastSessions);
    } finally {
      await otherDb.$disconnect();
      other.remove();
    }
  }, 120_000);

  it("refuses a database holding data it did not write, and leaves it alone", async () => {
    const other = tempDbFile();
    const otherDb = await openDatabase(other.url);
    try {
      await otherDb.venue.create({ data: { name: "别处的联络站", kind: "STATION", town: "别处" } });
      expect(await demoSeedState(otherDb)).toBe("occupied");
      await expect(seedDemoData(otherDb, { password: PASSWORD, now: NOW })).rejects.toThrow(/did not write/);
      expect(await otherDb.venue.count()).toBe(1);
      expect(await otherDb.setting.count()).toBe(0);
    } finally {
      await otherDb.$disconnect();
      other.remove();
    }
  });
});

const pgUp = await postgresReachable();

/** Rows in every table, by name: a crash-recovered seed must leave what a clean one does. */
async function rowCounts(db: Db, postgres: boolean): Promise<Record<string, number>> {
  const tables = postgres
    ? await db.$queryRawUnsafe<{ name: string }[]>("SELECT tablename::text AS name FROM pg_tables WHERE schemaname = current_schema()")
    : await db.$queryRawUnsafe<{ name: string }[]>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_bigram%'");
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const [row] = await db.$queryRawUnsafe<{ n: bigint | number }[]>(`SELECT count(*) AS n FROM "${name}"`);
    counts[name] = Number(row!.n);
  }
  return counts;
}

describe("demo seed: a crash during the present, at every step", () => {
  let clean: Record<string, number>;
  beforeAll(async () => {
    const ref = tempDbFile();
    const refDb = await openDatabase(ref.url);
    try {
      await seedDemoPresent(refDb, { password: PASSWORD, now: NOW });
      clean = await rowCounts(refDb, false);
    } finally {
      await refDb.$disconnect();
      ref.remove();
    }
  }, 60_000);

  it.each(PRESENT_STEPS)("after %s: the next start clears every table it wrote and seeds the same rows again", async (step) => {
    const f = tempDbFile();
    const crashed = await openDatabase(f.url);
    try {
      await expect(seedDemoPresent(crashed, { password: PASSWORD, now: NOW, crashAfter: step })).rejects.toThrow(/stopped after/);
      expect(await demoSeedState(crashed)).toBe("started");
      await seedDemoPresent(crashed, { password: PASSWORD, now: NOW });
      expect(await demoSeedState(crashed)).toBe("done");
      expect(await rowCounts(crashed, false)).toEqual(clean);
    } finally {
      await crashed.$disconnect();
      f.remove();
    }
  }, 60_000);

  it.skipIf(!pgUp)("on PostgreSQL too: after the last step of the present", async () => {
    const schema = await tempPostgresSchema();
    const crashed = await openDatabase(schema.url);
    try {
      const migrated = await rowCounts(crashed, true);
      await expect(seedDemoPresent(crashed, { password: PASSWORD, now: NOW, crashAfter: "upcoming" })).rejects.toThrow(/stopped after/);
      await seedDemoPresent(crashed, { password: PASSWORD, now: NOW });
      const after = await rowCounts(crashed, true);
      // The migrations' own rows kept; in every other table both storages have, the SQLite seed's rows.
      const ofMigrations = (table: string) => table.startsWith("_") || ["SearchNumber", "PrivacyNotice", "AuditChainHead"].includes(table);
      for (const table of Object.keys(after).filter(ofMigrations)) expect(after[table], table).toBe(migrated[table]);
      for (const [table, n] of Object.entries(clean)) if (table in after && !ofMigrations(table)) expect(after[table], table).toBe(n);
      expect(after["PrivacyNotice"]).toBeGreaterThan(0);
    } finally {
      await crashed.$disconnect();
      await schema.drop();
    }
  }, 60_000);
});
