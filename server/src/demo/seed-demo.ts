/**
 * The demo seed (docs/ARCHITECTURE.md §4), driven through the REAL services.
 *
 * It fills an empty database with the article's towns and venues (demo-data.ts),
 * the demo accounts, one OPEN session per venue for today, next month's
 * reception days, and past months' sessions with their records. The past is
 * not written row by row: voters join (queue-join), the hall calls, starts and
 * finishes turns (hall-turns), the recorder appends and amends the transcript,
 * staff open, pause and end the day (session-control) and drive the follow-up
 * cases (case-updates, case-feedback). Labels, ranks, the running mean, the
 * event log, tracking codes and case histories are therefore whatever the
 * write path produces — the seed cannot drift from the rules.
 *
 * Only the wall clock is faked: the services read `deps.now()`, and the seed
 * moves that clock through each simulated day. Content is deterministic (a
 * seeded PRNG); ids, tokens and tracking codes are not.
 *
 * Crash safety: the services commit one transaction each, so a crash can leave
 * a half-written demo. A `demo.seed` Setting is written FIRST (value
 * "started") and set to "done" once the present is written. `demoSeedState`
 * reads it: a "started" database holds only what a crashed seed wrote (the
 * server writes the present before it listens), so `seedDemoData` clears it
 * and starts again; "done" or data the seed did not write makes it refuse,
 * with a message saying why. The past year is written after (seedDemoPresent).
 */
import { readConfig, type Config } from "../config.ts";
import { CN_OFFSET_MS } from "../domain/cn-calendar.ts";
import type { Channel, SessionView, TicketView, Visibility } from "../protocol/model.ts";
import { hashPassword } from "../services/privacy-and-accounts/passwords.ts";
import { rateCase } from "../services/records-and-cases/case-feedback.ts";
import { addCaseNote, updateCase } from "../services/records-and-cases/case-updates.ts";
import type { Actor, AuthUser, ServiceDeps } from "../services/deps.ts";
import { callNext, finishTurn, markNoShow, startTurn } from "../services/live-day/hall-turns.ts";
import { joinQueue, registerWalkIn } from "../services/live-day/queue-join.ts";
import { updateSession } from "../services/live-day/session-control.ts";
import { createSession } from "../services/live-day/sessions.ts";
import { amendTranscript, appendTranscript } from "../services/live-day/transcript.ts";
import { leaveQueue } from "../services/live-day/voter-ticket.ts";
import { createWatchCache } from "../services/live-day/watch.ts";
import { createDeputyGroup, createVenue } from "../services/privacy-and-accounts/venues-admin.ts";
import { createDepartment } from "../services/suggestions/departments.ts";
import type { Db } from "../store/prisma.ts";
import { WriteLanes } from "../store/write-lane.ts";
import { writeDemoBookings, writeDutyRecords } from "./demo-bookings.ts";
import { writeDemoMessages } from "./demo-messages.ts";
import { writeDemoForums } from "./demo-forum.ts";
import { writeDemoSuggestions } from "./demo-suggestions.ts";
import {
  CONCERNS,
  DEPARTMENTS,
  FEEDBACK,
  GIVEN_NAMES,
  GROUPS,
  INTERNAL_NOTES,
  PRIORITY_REASONS,
  SURNAMES,
  TOWN_STAFF,
  USERS,
  VENUES,
  type Concern,
  type Town,
  type VenueSeed,
} from "./demo-data.ts";

export interface SeedSummary {
  deputyGroups: number;
  venues: number;
  users: number;
  /** ids of today's OPEN sessions, one per venue */
  sessionsToday: string[];
  upcomingSessions: number;
  pastSessions: number;
  tickets: number;
  transcriptEntries: number;
  events: number;
  cases: number;
}

export interface SeedOptions {
  /** the password of every demo account */
  password: string;
  /** the real "now": "today" is its calendar day in Asia/Shanghai (UTC+8) */
  now: Date;
  /** the services' configuration (defaults to readConfig({})) */
  config?: Config;
  /** fault injection for the crash tests: throw right after this step of the present, as a kill would stop it */
  crashAfter?: PresentStep;
}

/** The steps of the present, in order (seedDemoPresent). */
export const PRESENT_STEPS = ["accounts", "today", "upcoming"] as const;
export type PresentStep = (typeof PRESENT_STEPS)[number];

/** empty: nothing there; started: a seed crashed part-way; done: seeded; occupied: data the seed did not write. */
export type DemoSeedState = "empty" | "started" | "done" | "occupied";

export const DEMO_SEED_MARKER = "demo.seed";

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const SLOT_MIN = 8;
const HEAD_START_MIN = 10;
const CASE_DUE_DAYS = 20;
const PRNG_SEED = 20_201_126;

export async function demoSeedState(db: Db): Promise<DemoSeedState> {
  const marker = await db.setting.findUnique({ where: { key: DEMO_SEED_MARKER } });
  if (marker) return (JSON.parse(marker.value) as Marker).state;
  const [users, venues] = await Promise.all([db.user.count(), db.venue.count()]);
  return users === 0 && venues === 0 ? "empty" : "occupied";
}

/** True when a stop during the first start cut the demo's history short: the past is partly there. */
export async function demoHistoryCutShort(db: Db): Promise<boolean> {
  const marker = await db.setting.findUnique({ where: { key: DEMO_SEED_MARKER } });
  return marker !== null && (JSON.parse(marker.value) as Marker).history === "pending";
}

/** True when the seed may run: nothing there, or only what a crashed seed left. */
export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const state = await demoSeedState(db);
  return state === "empty" || state === "started";
}

/** Fills an empty database with the demo data through the services; refuses a seeded or used one. */
export async function seedDemoData(db: Db, opts: SeedOptions): Promise<SeedSummary> {
  const { writeHistory } = await seedDemoPresent(db, opts);
  return writeHistory();
}

/**
 * The demo in two parts, so that a first start serves within seconds: what a
 * visitor meets first (accounts, venues, today's and next month's days) is
 * written here and the marker set "done"; `writeHistory` then writes the year
 * behind it (past days and their cases, forums, duty records, messages), which
 * the server runs while it already serves. A stop during the history leaves
 * it short (`history: "pending"`, see demoHistoryCutShort), never wipes a
 * database that has served.
 */
export async function seedDemoPresent(db: Db, opts: SeedOptions): Promise<{ writeHistory: () => Promise<SeedSummary> }> {
  const state = await demoSeedState(db);
  if (state === "done") throw new Error("seedDemoData: the database is not empty: the demo data is already loaded");
  if (state === "occupied") {
    throw new Error("seedDemoData: the database is not empty: it holds users or venues the demo seed did not write; use a fresh database");
  }
  if (state === "started") await clearCrashedSeed(db);
  await setMarker(db, "started");

  const clock = new Clock(opts.now.getTime() - 365 * DAY);
  const deps: ServiceDeps = {
    db,
    // Nobody listens while the seed runs: committed events need no broadcast.
    lanes: new WriteLanes(db, () => {}),
    config: opts.config ?? readConfig({}),
    now: () => clock.date(),
    watchCache: createWatchCache(),
  };
  const stepDone = (step: PresentStep) => {
    if (opts.crashAfter === step) throw new Error(`seedDemoData: stopped after ${step} (crashAfter)`);
  };
  const base = await writeBase(deps, opts.password);
  stepDone("accounts");
  const sessionsToday = await writeTodaySessions(deps, clock, base, opts.now.getTime());
  stepDone("today");
  const upcoming = await writeUpcomingSessions(deps, clock, base, opts.now.getTime());
  stepDone("upcoming");
  await setMarker(db, "done", "pending");
  return { writeHistory: () => writeDemoHistory(deps, clock, base, opts, { sessionsToday, upcoming }) };
}

async function writeDemoHistory(
  deps: ServiceDeps,
  clock: Clock,
  base: Base,
  opts: SeedOptions,
  present: { sessionsToday: string[]; upcoming: number },
): Promise<SeedSummary> {
  const { db } = deps;
  const past = await writePastSessions(deps, clock, base, opts.now.getTime());
  await writeDemoForums(deps, { setClock: (ms) => clock.set(ms), staff: staffOf(base, "盛泽镇"), chair: hallOf(base, "盛泽镇"), venueId: base.venueIds.get("sz-home")!, deputies: VENUES.find((v) => v.key === "sz-home")!.deputies, now: opts.now.getTime() });
  clock.set(opts.now.getTime() - DAY);
  await writeDutyRecords(
    deps,
    (key) => {
      const v = VENUES.find((x) => x.key === key)!;
      return { actor: staffOf(base, v.town), venueId: base.venueIds.get(key)! };
    },
    opts.now.getTime(),
  );
  await writeDemoMessages(deps, (ms) => clock.set(ms), (key) => ({ actor: staffOf(base, VENUES.find((x) => x.key === key)!.town), venueId: base.venueIds.get(key)! }), base.actors, opts.now.getTime());
  await writeDemoSuggestions(deps, (ms) => clock.set(ms), {
    actors: base.actors,
    departmentIds: base.departmentIds,
    venueIdsOf: (town) => VENUES.filter((v) => v.town === town).map((v) => base.venueIds.get(v.key)!),
    now: opts.now.getTime(),
  });
  await setMarker(db, "done", "done");

  const [tickets, transcriptEntries, events, cases] = await Promise.all([
    db.ticket.count(),
    db.transcriptEntry.count(),
    db.sessionEvent.count(),
    db.case.count(),
  ]);
  return {
    deputyGroups: GROUPS.length,
    venues: base.venueIds.size,
    users: base.actors.size,
    sessionsToday: present.sessionsToday,
    upcomingSessions: present.upcoming,
    pastSessions: past,
    tickets,
    transcriptEntries,
    events,
    cases,
  };
}

type Marker = { state: "started" | "done"; history?: "pending" | "done" };

async function setMarker(db: Db, state: Marker["state"], history?: Marker["history"]): Promise<void> {
  const value = JSON.stringify({ state, history } satisfies Marker);
  await db.setting.upsert({ where: { key: DEMO_SEED_MARKER }, create: { key: DEMO_SEED_MARKER, value }, update: { value } });
}

/** Tables whose rows the migrations write (reference rows, the audit chain's anchor): a crashed seed leaves them be. */
const MIGRATION_ROWS = ["_prisma_migrations", "_tongxin_migrations", "SearchNumber", "PrivacyNotice", "AuditChainHead"];

/**
 * Removes everything a crashed seed wrote. A "started" marker means the seed
 * began on an empty database and the server never served it, so every table
 * the application writes is emptied, whatever the seed's steps wrote: foreign
 * keys are checked at commit, when nothing is left to point at.
 */
async function clearCrashedSeed(db: Db): Promise<void> {
  const kept = MIGRATION_ROWS.map((t) => `'${t}'`).join(", ");
  if ((db as unknown as { _activeProvider?: string })._activeProvider === "sqlite") {
    const tables = await db.$queryRawUnsafe<{ name: string; sql: string | null }[]>(
      `SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT IN (${kept})`,
    );
    // A full-text index and its shadow tables follow their base table through its triggers.
    const virtual = tables.filter((t) => /^CREATE VIRTUAL TABLE/i.test(t.sql ?? "")).map((t) => t.name);
    const plain = tables.filter((t) => !virtual.some((v) => t.name === v || t.name.startsWith(`${v}_`)));
    await db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe("PRAGMA defer_foreign_keys = ON");
      for (const t of plain) await tx.$executeRawUnsafe(`DELETE FROM "${t.name.replace(/"/g, '""')}"`);
    });
    return;
  }
  const tables = await db.$queryRawUnsafe<{ name: string }[]>(
    `SELECT tablename::text AS name FROM pg_tables WHERE schemaname = current_schema() AND tablename NOT IN (${kept})`,
  );
  if (tables.length > 0) await db.$executeRawUnsafe(`TRUNCATE TABLE ${tables.map((t) => `"${t.name.replace(/"/g, '""')}"`).join(", ")} CASCADE`);
}

// ---------------------------------------------------------------- the clock

/** The only fake: a wall clock the seed sets; it never runs by itself. */
class Clock {
  constructor(private ms: number) {}
  set(ms: number): void {
    this.ms = ms;
  }
  get(): number {
    return this.ms;
  }
  date(): Date {
    return new Date(this.ms);
  }
}

/** The calendar date of an instant in UTC+8 (month 0-based). */
function localDate(ms: number): { y: number; m: number; d: number } {
  const t = new Date(ms + CN_OFFSET_MS);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth(), d: t.getUTCDate() };
}

/** An instant from a UTC+8 wall-clock time; months and days may overflow (Date.UTC normalises). */
function localInstant(y: number, m: number, d: number, hh: number, mm: number): number {
  return Date.UTC(y, m, d, hh, mm) - CN_OFFSET_MS;
}

// The venue is shown beside every title already: a title that repeats it reads twice.
function sessionTitle(_venueName: string, startsAt: number): string {
  return `${localDate(startsAt).m + 1}月代表接待日`;
}

// ---------------------------------------------------------------- groups, venues, accounts

interface Base {
  /** by VenueSeed.key */
  venueIds: Map<string, string>;
  /** by username */
  actors: Map<string, Actor & { user: AuthUser }>;
  admin: Actor;
  /** 承办单位 by name */
  departmentIds: Map<string, string>;
}

const asActor = (u: { id: string; username: string; displayName: string; role: AuthUser["role"] }, venueIds: string[]): Actor & { user: AuthUser } => ({
  user: { id: u.id, username: u.username, displayName: u.displayName, role: u.role, venueIds, departmentId: null, tokenHash: "" },
});

/**
 * The first admin cannot be created by a service (only an admin creates
 * accounts), so it is the one row inserted directly; everything else goes
 * through venues-admin and admin-accounts as that admin.
 */
async function writeBase(deps: ServiceDeps, password: string): Promise<Base> {
  const [adminSeed, ...others] = USERS;
  if (adminSeed?.role !== "ADMIN") throw new Error("demo data: the first account must be the admin");
  // Every demo account shares the published demo password, so one scrypt hash serves them all:
  // hashing once per account was a quarter of the first start.
  const passwordHash = await hashPassword(password);
  const adminRow = await deps.db.user.create({
    data: { username: adminSeed.username, displayName: adminSeed.displayName, role: "ADMIN", passwordHash, createdAt: deps.now() },
  });
  const admin = asActor(adminRow, []);

  const groupIds = new Map<string, string>();
  for (const g of GROUPS) {
    const { deputyGroup } = await createDeputyGroup(deps, admin, { name: g.name, town: g.town });
    groupIds.set(g.key, deputyGroup.id);
  }
  const venueIds = new Map<string, string>();
  for (const v of VENUES) {
    const parentId = v.parent ? venueIds.get(v.parent) : undefined;
    if (v.parent && !parentId) throw new Error(`demo data: parent ${v.parent} must precede ${v.key}`);
    const { venue } = await createVenue(deps, admin, {
      name: v.name,
      kind: v.kind,
      town: v.town,
      address: v.address,
      parentId: parentId ?? null,
      deputyGroupId: groupIds.get(v.group) ?? null,
    });
    venueIds.set(v.key, venue.id);
  }

  const created: (Actor & { user: AuthUser })[] = [];
  for (const u of others) {
    const venueIdsOfUser = VENUES.filter((v) => u.towns.includes(v.town)).map((v) => venueIds.get(v.key)!);
    const user = await deps.db.user.create({
      data: {
        username: u.username,
        displayName: u.displayName,
        role: u.role,
        passwordHash,
        createdAt: deps.now(),
        venues: { create: venueIdsOfUser.map((venueId) => ({ venueId })) },
      },
    });
    created.push(asActor(user, venueIdsOfUser));
  }
  const departmentIds = new Map<string, string>();
  for (const d of DEPARTMENTS) {
    const { department } = await createDepartment(deps, admin, { name: d.name, contact: d.contact ?? undefined });
    departmentIds.set(d.name, department.id);
    const row = await deps.db.user.create({
      data: { username: d.username, displayName: d.displayName, role: "DEPARTMENT", passwordHash, departmentId: department.id, createdAt: deps.now() },
    });
    created.push({ user: { ...asActor(row, []).user, departmentId: department.id } });
  }
  const actors = new Map([admin, ...created].map((a) => [a.user.username, a]));
  return { venueIds, actors, admin, departmentIds };
}

/** The town's staff account: records transcripts, runs the day and drives cases. */
const staffOf = (base: Base, town: Town) => base.actors.get(TOWN_STAFF[town])!;

/** Who works the hall console: the town's deputy account if it has one, else its staff. */
function hallOf(base: Base, town: Town): Actor {
  const deputy = USERS.find((u) => u.role === "DEPUTY" && u.towns.includes(town));
  return (deputy && base.actors.get(deputy.username)) ?? staffOf(base, town);
}

function newSessionInput(base: Base, v: VenueSeed, theme: string, startsAt: number, endsAt: number) {
  return {
    venueId: base.venueIds.get(v.key)!,
    title: sessionTitle(v.name, startsAt),
    theme,
    startsAt: new Date(startsAt),
    endsAt: new Date(endsAt),
    deputies: v.deputies,
    slotMin: SLOT_MIN,
    walkInHeadStartMin: HEAD_START_MIN,
  };
}

// ---------------------------------------------------------------- today and next month

async function writeTodaySessions(deps: ServiceDeps, clock: Clock, base: Base, now: number): Promise<string[]> {
  const { y, m, d } = localDate(now);
  const startsAt = localInstant(y, m, d, 9, 0);
  const endsAt = localInstant(y, m, d, 11, 30);
  clock.set(Math.min(now, startsAt) - 7 * DAY);
  const ids: string[] = [];
  for (const v of VENUES) {
    const s = await createSession(deps, staffOf(base, v.town), { ...newSessionInput(base, v, v.theme, startsAt, endsAt), status: "OPEN" });
    ids.push(s.id);
  }
  return ids;
}

/** Next month's reception day at every 代表之家, so the home page has something upcoming. */
async function writeUpcomingSessions(deps: ServiceDeps, clock: Clock, base: Base, now: number): Promise<number> {
  const { y, m } = localDate(now);
  const startsAt = localInstant(y, m + 1, 15, 9, 0);
  const endsAt = localInstant(y, m + 1, 15, 11, 30);
  clock.set(now - DAY);
  const homes = VENUES.filter((v) => v.kind === "HOME");
  const ids: string[] = [];
  const staffBySession = new Map<string, Actor>();
  for (const v of homes) {
    const s = await createSession(deps, staffOf(base, v.town), newSessionInput(base, v, v.theme, startsAt, endsAt));
    ids.push(s.id);
    staffBySession.set(s.id, staffOf(base, v.town));
  }
  // 预约: next month's days take bookings, and a few voters have booked already.
  await writeDemoBookings(deps, (id) => staffBySession.get(id)!, ids);
  return homes.length;
}

// ---------------------------------------------------------------- past sessions

/** mulberry32: a small seeded PRNG so the demo content is the same on every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rng: () => number, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;
const between = (rng: () => number, lo: number, hi: number): number => lo + Math.floor(rng() * (hi - lo + 1));

/** What the voter will do; the services decide everything else (label, rank, order, codes). */
type Intent = "SPEAK" | "NO_SHOW" | "LEAVE";

interface Arrival {
  channel: Channel;
  joinAt: number;
  name: string;
  phone: string | undefined;
  concern: Concern;
  isPublic: boolean;
  priority: string | undefined;
  intent: Intent;
  /** LEAVE: when the voter gives up waiting (called before then, they stay and speak) */
  leaveAt: number | null;
}

interface Joined extends Arrival {
  ticketId: string;
  voterToken: string;
}

/** A case born from a finished turn, to be driven through its life afterwards. */
interface Born {
  caseId: string;
  trackingCode: string;
  concern: Concern;
  bornAt: number;
  monthsAgo: number;
  staff: Actor;
}

interface PastContext {
  deps: ServiceDeps;
  clock: Clock;
  base: Base;
  now: number;
  rng: () => number;
  decks: Map<Town, Concern[]>;
  born: Born[];
}

async function writePastSessions(deps: ServiceDeps, clock: Clock, base: Base, now: number): Promise<number> {
  const ctx: PastContext = { deps, clock, base, now, rng: prng(PRNG_SEED), decks: new Map(), born: [] };
  const { y, m } = localDate(now);
  let count = 0;
  for (const venue of VENUES) {
    if (!venue.past) continue;
    // oldest first, so the cases' status mix follows their age
    for (let monthsAgo = venue.past.themes.length; monthsAgo >= 1; monthsAgo--) {
      const startsAt = localInstant(y, m - monthsAgo, venue.past.day, 9, 0);
      await runPastSession(ctx, venue, venue.past.themes[monthsAgo - 1]!, startsAt, monthsAgo);
      count += 1;
    }
  }
  await driveCases(ctx);
  return count;
}

/** Draws a concern of the town, not already raised in this session; reshuffles when the deck runs out. */
function drawConcern(ctx: PastContext, town: Town, taken: Set<Concern>): Concern {
  let deck = ctx.decks.get(town);
  for (let tries = 0; ; tries++) {
    if (!deck || deck.length === 0) {
      deck = [...CONCERNS[town]];
      for (let i = deck.length - 1; i > 0; i--) {
        const j = Math.floor(ctx.rng() * (i + 1));
        [deck[i], deck[j]] = [deck[j]!, deck[i]!];
      }
      ctx.decks.set(town, deck);
    }
    const c = deck.shift()!;
    if (!taken.has(c) || tries > CONCERNS[town].length) return c;
    deck.push(c);
  }
}

/** Who comes: 3–8 voters, a mix of online and walk-in, most of them heard; the first two always are. */
function planArrivals(ctx: PastContext, venue: VenueSeed, openedAt: number, startsAt: number): Arrival[] {
  const { rng } = ctx;
  const taken = new Set<Concern>();
  const arrivals: Arrival[] = [];
  const count = between(rng, 3, 8);
  for (let i = 0; i < count; i++) {
    const channel: Channel = rng() < 0.55 ? "ONLINE" : "IN_PERSON";
    const joinAt =
      channel === "ONLINE" ? openedAt + Math.round(rng() * 90 * 60) * 1000 : startsAt - 15 * MIN + Math.round(rng() * 75 * 60) * 1000;
    const concern = drawConcern(ctx, venue.town, taken);
    taken.add(concern);
    const r = rng();
    const intent: Intent = i < 2 ? "SPEAK" : r < 0.1 ? "NO_SHOW" : r < 0.18 ? "LEAVE" : "SPEAK";
    arrivals.push({
      channel,
      joinAt,
      name: pick(rng, SURNAMES) + pick(rng, GIVEN_NAMES),
      phone: rng() < 0.6 ? `139${String(Math.floor(rng() * 1e8)).padStart(8, "0")}` : undefined,
      concern,
      isPublic: rng() < 0.7,
      priority: channel === "IN_PERSON" && rng() < 0.15 ? pick(rng, PRIORITY_REASONS) : undefined,
      intent,
      leaveAt: intent === "LEAVE" ? joinAt + between(rng, 5, 25) * MIN : null,
    });
  }
  return arrivals.sort((a, b) => a.joinAt - b.joinAt);
}

/** One past reception day, from opening to the end, as the hall and the desk would have run it. */
async function runPastSession(ctx: PastContext, venue: VenueSeed, theme: string, startsAt: number, monthsAgo: number): Promise<void> {
  const { deps, clock, base } = ctx;
  const staff = staffOf(base, venue.town);
  const hall = hallOf(base, venue.town);
  const openedAt = startsAt - 30 * MIN;

  clock.set(startsAt - 14 * DAY);
  const session: SessionView = await createSession(deps, staff, newSessionInput(base, venue, theme, startsAt, startsAt + 150 * MIN));
  const arrivals = planArrivals(ctx, venue, openedAt, startsAt);
  const pending = [...arrivals];
  const waiting = new Map<string, Joined>();

  const join = async (a: Arrival) => {
    clock.set(a.joinAt);
    const input = { sessionId: session.id, name: a.name, phone: a.phone, topic: a.concern.topic, question: a.concern.question, isPublic: a.isPublic };
    const { ticket, voterToken } =
      a.channel === "ONLINE" ? await joinQueue(deps, input) : await registerWalkIn(deps, staff, { ...input, priority: a.priority });
    waiting.set(ticket.id, { ...a, ticketId: ticket.id, voterToken });
  };
  /** Joins and departures up to `time`, in the order they happen. */
  const happenUntil = async (time: number) => {
    for (;;) {
      const nextJoin = pending[0];
      const nextLeave = [...waiting.values()].filter((w) => w.leaveAt != null && w.leaveAt <= time).sort((a, b) => a.leaveAt! - b.leaveAt!)[0];
      if (nextJoin && nextJoin.joinAt <= time && (!nextLeave || nextJoin.joinAt <= nextLeave.leaveAt!)) {
        await join(pending.shift()!);
      } else if (nextLeave) {
        clock.set(nextLeave.leaveAt!);
        await leaveQueue(deps, nextLeave.voterToken);
        waiting.delete(nextLeave.ticketId);
      } else {
        return;
      }
    }
  };

  /** Moves the clock to `time`, letting voters come and go on the way, so the log stays in time order. */
  const at = async (time: number) => {
    await happenUntil(time);
    clock.set(Math.max(clock.get(), time));
  };

  clock.set(openedAt);
  await updateSession(deps, staff, session.id, { status: "OPEN" });
  await at(startsAt);
  await updateSession(deps, staff, session.id, { status: "LIVE" });

  let time = startsAt;
  let turnNo = 0;
  for (;;) {
    await at(time);
    if (waiting.size === 0) {
      const next = pending[0];
      if (!next) break;
      time = next.joinAt;
      continue;
    }
    // The queue rule picks who is next; the seed only plays that voter's part.
    const { ticket } = await callNext(deps, hall, session.id);
    const voter = waiting.get(ticket.id)!;
    waiting.delete(ticket.id);

    if (voter.intent === "NO_SHOW") {
      await at(clock.get() + 3 * MIN);
      await markNoShow(deps, hall, ticket.id);
      time = clock.get() + 30_000;
      continue;
    }
    const deputy = venue.deputies[turnNo++ % venue.deputies.length]!;
    time = await hearTurn(ctx, { staff, hall, ticket, voter, deputy, monthsAgo, at });
  }

  await at(Math.max(time + 2 * MIN, startsAt + 60 * MIN));
  await updateSession(deps, staff, session.id, { status: "ENDED" });
}

interface Turn {
  staff: Actor;
  hall: Actor;
  ticket: TicketView;
  voter: Joined;
  deputy: string;
  monthsAgo: number;
  /** moves the clock forward, letting the queue live meanwhile */
  at: (time: number) => Promise<void>;
}

/** A heard turn: start (the question opens the record), the answer, a note, finish, a correction. Returns when the hall is free. */
async function hearTurn(ctx: PastContext, t: Turn): Promise<number> {
  const { deps, clock, rng } = ctx;
  const c = t.voter.concern;
  const turnSec = Math.round(SLOT_MIN * 60 * (0.6 + rng() * 0.9));
  const startedAt = clock.get() + between(rng, 40, 120) * 1000;
  await t.at(startedAt);
  await startTurn(deps, t.hall, t.ticket.id);

  const visibility: Visibility = t.voter.isPublic ? "PUBLIC" : "STAFF";
  const line = { sessionId: t.ticket.sessionId, ticketId: t.ticket.id };
  await t.at(startedAt + Math.round(turnSec * 0.55) * 1000);
  const { entry: answer } = await appendTranscript(deps, t.staff, {
    ...line,
    kind: "ANSWER",
    speakerRole: "DEPUTY",
    speakerName: `${t.deputy}代表`,
    text: c.draft ?? c.answer,
    visibility,
  });
  const note = c.note ?? (c.followUp && !c.followUp.reject && rng() < 0.5 ? `已登记，会后转交${c.followUp.assignee}办理` : null);
  if (note) {
    await t.at(startedAt + Math.round(turnSec * 0.8) * 1000);
    await appendTranscript(deps, t.staff, { ...line, kind: "NOTE", speakerRole: "STAFF", text: note, visibility: "STAFF" });
  }

  const finishedAt = startedAt + turnSec * 1000;
  await t.at(finishedAt);
  const { ticket } = await finishTurn(deps, t.hall, {
    ticketId: t.ticket.id,
    summary: c.summary,
    followUp: c.followUp ? { category: c.followUp.category, summary: c.summary } : undefined,
  });
  if (c.followUp && ticket.trackingCode) {
    const row = await deps.db.case.findUniqueOrThrow({ where: { trackingCode: ticket.trackingCode }, select: { id: true } });
    ctx.born.push({ caseId: row.id, trackingCode: ticket.trackingCode, concern: c, bornAt: finishedAt, monthsAgo: t.monthsAgo, staff: t.staff });
  }
  if (c.draft) {
    // the recorder corrects the answer after the turn: a new entry, never an edit
    await t.at(finishedAt + 30_000);
    await amendTranscript(deps, t.staff, answer.id, c.answer);
  }
  return finishedAt + 60_000;
}

// ---------------------------------------------------------------- follow-up cases

const CASE_CYCLES: Record<"old" | "mid" | "recent", readonly Target[]> = {
  old: ["CLOSED", "CLOSED", "RESOLVED", "CLOSED", "IN_PROGRESS"],
  mid: ["RESOLVED", "CLOSED", "IN_PROGRESS", "ASSIGNED"],
  recent: ["OPEN", "ASSIGNED", "IN_PROGRESS", "OPEN", "RESOLVED"],
};
type Target = "OPEN" | "ASSIGNED" | "IN_PROGRESS" | "RESOLVED" | "CLOSED";
const LEVEL: Record<Target, number> = { OPEN: 0, ASSIGNED: 1, IN_PROGRESS: 2, RESOLVED: 3, CLOSED: 4 };

/** A step of a case's life: when, and which service call makes it. */
interface Step {
  at: number;
  run: () => Promise<unknown>;
}

/**
 * Each case goes as far as its age allows: the older the session, the further
 * along (the cycles above), never past an hour ago. Two closed cases in three
 * were rated by the voter before closing.
 */
async function driveCases(ctx: PastContext): Promise<void> {
  const { deps, clock, rng, now } = ctx;
  const counters = { old: 0, mid: 0, recent: 0 };
  let closed = 0;
  let notes = 0;
  for (const b of ctx.born) {
    const f = b.concern.followUp!;
    const t0 = b.bornAt;
    const steps: Step[] = [];
    const patch = (p: Parameters<typeof updateCase>[3]) => () => updateCase(deps, b.staff, b.caseId, p);
    if (f.reject) {
      steps.push({ at: t0 + 2 * DAY, run: patch({ status: "REJECTED", rejectReason: f.reject }) });
    } else {
      const bucket = b.monthsAgo >= 3 ? "old" : b.monthsAgo === 2 ? "mid" : "recent";
      const cycle = CASE_CYCLES[bucket];
      const target = LEVEL[cycle[counters[bucket]++ % cycle.length]!];
      const resolvedAt = t0 + between(rng, 12, 20) * DAY + 3 * HOUR;
      const feedback = target === LEVEL.CLOSED && closed++ % 3 !== 2 ? FEEDBACK[closed % FEEDBACK.length]! : null;
      const note = INTERNAL_NOTES[notes++ % INTERNAL_NOTES.length]!;
      const all: (Step & { level: number })[] = [
        {
          level: 1,
          at: t0 + DAY + 2 * HOUR,
          run: patch({ status: "ASSIGNED", assignee: f.assignee, dueAt: new Date(t0 + CASE_DUE_DAYS * DAY), note: `交办：${f.assignee}` }),
        },
        { level: 1, at: t0 + 2 * DAY + 4 * HOUR, run: () => addCaseNote(deps, b.staff, b.caseId, note) },
        { level: 2, at: t0 + 5 * DAY, run: patch({ status: "IN_PROGRESS", note: `${f.assignee}：${f.progress}` }) },
        { level: 3, at: resolvedAt, run: patch({ status: "RESOLVED", resolution: f.resolution }) },
      ];
      if (feedback) {
        all.push({ level: 4, at: resolvedAt + 3 * DAY, run: () => rateCase(deps, b.trackingCode, feedback) });
      }
      all.push({ level: 4, at: resolvedAt + (feedback ? 4 : 7) * DAY, run: patch({ status: "CLOSED", note: "选民已收到答复，办结归档" }) });
      steps.push(...all.filter((s) => s.level <= target));
    }
    // nothing happens after now: recent cases stop where the clock is
    for (const s of steps) {
      if (s.at > now - HOUR) break;
      clock.set(s.at);
      await s.run();
    }
  }
}
