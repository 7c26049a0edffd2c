/**
 * The demo seed (docs/ARCHITECTURE.md §4): fills an EMPTY database with the
 * article's towns and venues (demo-data.ts), the demo accounts, one OPEN session
 * per venue for today, and past months' sessions with their records — tickets,
 * transcripts, the SessionEvent log and follow-up cases in several states.
 *
 * Past sessions are simulated, not hand-written: voters join, the hall calls them
 * by the queue rule, turns finish, and every step is logged as the event the live
 * server would have written (staff views, seq 1..N without gaps). Content is
 * deterministic (a seeded PRNG); ids, tracking codes and voter-token hashes are not.
 */
import { createHash, randomBytes, randomInt } from "node:crypto";
import type { Case, Ticket, TranscriptEntry, User, Venue } from "../generated/prisma/client.ts";
import type {
  CaseStatus,
  Channel,
  SessionStatus,
  SpeakerRole,
  TicketStatus,
  TranscriptKind,
  Visibility,
} from "../protocol/model.ts";
import { nextAverageServiceSec } from "../domain/eta.ts";
import { ticketLabel } from "../domain/labels.ts";
import { initialRank, nextToCall, priorityRank } from "../domain/queue.ts";
import { hashPassword } from "../services/passwords.ts";
import {
  CONCERNS,
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
import type { Db, Tx } from "./prisma.ts";
import { toCaseView, toSessionView, toTicketView, toTranscriptView } from "./views.ts";

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
  /** the password of every demo account (each hashed separately) */
  password: string;
  /** the clock: "today" is now's calendar day in Asia/Shanghai (UTC+8) */
  now: Date;
}

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const TZ_OFFSET = 8 * HOUR; // Asia/Shanghai, no DST
const SLOT_MIN = 8;
const HEAD_START_MIN = 10;
const CASE_DUE_DAYS = 20;
const TRACKING_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
const PRNG_SEED = 20_201_126;
const TX_OPTS = { timeout: 120_000, maxWait: 10_000 };

/** No users and no venues: the only state the seed writes into. */
export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  return isEmpty(db);
}

async function isEmpty(db: Db | Tx): Promise<boolean> {
  const [users, venues] = await Promise.all([db.user.count(), db.venue.count()]);
  return users === 0 && venues === 0;
}

/** Fills an empty database with the demo data; throws if it is not empty. */
export async function seedDemoData(db: Db, opts: SeedOptions): Promise<SeedSummary> {
  const now = opts.now.getTime();
  if (!(await isEmpty(db))) throw new Error("seedDemoData: the database is not empty");
  const createdAt = new Date(now - 365 * DAY);
  // scrypt is slow on purpose: hash every account separately, in parallel, on
  // libuv's thread pool, before the one transaction that writes everything —
  // so a crash part-way leaves the database empty and the seed runs again.
  const hashes = await Promise.all(USERS.map(() => hashPassword(opts.password)));

  const { venues, users, sessionsToday, upcoming, plans, totals } = await db.$transaction(async (tx) => {
    if (!(await isEmpty(tx))) throw new Error("seedDemoData: the database is not empty");
    const venues = await writeVenues(tx, createdAt);
    const sessionsToday = await writeTodaySessions(tx, venues, now);
    const upcoming = await writeUpcomingSessions(tx, venues, now);
    const users = await writeUsers(tx, venues, hashes, createdAt);
    const plans = planPastSessions(now, { venues, users });
    const totals = { tickets: 0, transcriptEntries: 0, events: 0, cases: 0 };
    for (const plan of plans) {
      await writePastSession(tx, plan, { venues, users });
      totals.tickets += plan.tickets.length;
      totals.transcriptEntries += plan.entries.length;
      totals.events += plan.events.length;
      totals.cases += plan.cases.length;
    }
    return { venues, users, sessionsToday, upcoming, plans, totals };
  }, TX_OPTS);
  const base: Base = { venues, users };

  return {
    deputyGroups: GROUPS.length,
    venues: base.venues.size,
    users: base.users.size,
    sessionsToday,
    upcomingSessions: upcoming,
    pastSessions: plans.length,
    ...totals,
  };
}

// ---------------------------------------------------------------- base rows

interface Base {
  /** by VenueSeed.key */
  venues: Map<string, Venue>;
  /** by username */
  users: Map<string, User>;
}

/** Deputy groups and the 家→站→室 tree, by VenueSeed.key. */
async function writeVenues(tx: Tx, createdAt: Date): Promise<Map<string, Venue>> {
  const groupIds = new Map<string, string>();
  for (const g of GROUPS) {
    const row = await tx.deputyGroup.create({ data: { name: g.name, town: g.town, createdAt } });
    groupIds.set(g.key, row.id);
  }
  const venues = new Map<string, Venue>();
  for (const v of VENUES) {
    const parentId = v.parent ? venues.get(v.parent)?.id : undefined;
    if (v.parent && !parentId) throw new Error(`demo data: parent ${v.parent} must precede ${v.key}`);
    const row = await tx.venue.create({
      data: {
        name: v.name,
        kind: v.kind,
        town: v.town,
        address: v.address,
        parentId: parentId ?? null,
        deputyGroupId: groupIds.get(v.group) ?? null,
        createdAt,
      },
    });
    venues.set(v.key, row);
  }
  return venues;
}

/** The demo accounts, each scoped to every venue of its towns (UserVenue rows). */
async function writeUsers(tx: Tx, venues: Map<string, Venue>, hashes: string[], createdAt: Date): Promise<Map<string, User>> {
  const users = new Map<string, User>();
  for (const [i, u] of USERS.entries()) {
    const row = await tx.user.create({
      data: { username: u.username, displayName: u.displayName, role: u.role, passwordHash: hashes[i]!, createdAt },
    });
    users.set(u.username, row);
    const scoped = VENUES.filter((v) => u.towns.includes(v.town)).map((v) => venues.get(v.key)!.id);
    if (scoped.length > 0) {
      await tx.userVenue.createMany({ data: scoped.map((venueId) => ({ userId: row.id, venueId })) });
    }
  }
  return users;
}

// ---------------------------------------------------------------- time

/** The calendar date of an instant in UTC+8 (month 0-based). */
function localDate(ms: number): { y: number; m: number; d: number } {
  const t = new Date(ms + TZ_OFFSET);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth(), d: t.getUTCDate() };
}

/** An instant from a UTC+8 wall-clock time; months and days may overflow (Date.UTC normalises). */
function localInstant(y: number, m: number, d: number, hh: number, mm: number): number {
  return Date.UTC(y, m, d, hh, mm) - TZ_OFFSET;
}

function sessionTitle(venueName: string, startsAt: number): string {
  return `${venueName} · ${localDate(startsAt).m + 1}月代表接待日`;
}

// ---------------------------------------------------------------- today

async function writeTodaySessions(tx: Tx, venues: Map<string, Venue>, now: number): Promise<string[]> {
  const { y, m, d } = localDate(now);
  const startsAt = localInstant(y, m, d, 9, 0);
  const endsAt = localInstant(y, m, d, 11, 30);
  const createdAt = new Date(Math.min(now, startsAt) - 7 * DAY);
  const ids: string[] = [];
  for (const v of VENUES) {
    const row = await tx.receptionSession.create({
      data: {
        venueId: venues.get(v.key)!.id,
        title: sessionTitle(v.name, startsAt),
        theme: v.theme,
        startsAt: new Date(startsAt),
        endsAt: new Date(endsAt),
        deputies: JSON.stringify(v.deputies),
        streamUrl: null,
        slotMin: SLOT_MIN,
        walkInHeadStartMin: HEAD_START_MIN,
        status: "OPEN",
        queueOpen: true,
        avgServiceSec: SLOT_MIN * 60,
        finishedTurns: 0,
        lastSeq: 0,
        onlineCount: 0,
        inPersonCount: 0,
        createdAt,
        updatedAt: createdAt,
      },
    });
    ids.push(row.id);
  }
  return ids;
}

/** Next month's reception day at every 代表之家, so the home page has something upcoming. */
async function writeUpcomingSessions(tx: Tx, venues: Map<string, Venue>, now: number): Promise<number> {
  const { y, m } = localDate(now);
  const [ny, nm] = m === 12 ? [y + 1, 1] : [y, m + 1];
  const startsAt = localInstant(ny, nm, 15, 9, 0);
  const endsAt = localInstant(ny, nm, 15, 11, 30);
  const homes = VENUES.filter((v) => v.kind === "HOME");
  for (const v of homes) {
    await tx.receptionSession.create({
      data: {
        venueId: venues.get(v.key)!.id,
        title: sessionTitle(v.name, startsAt),
        theme: v.theme,
        startsAt: new Date(startsAt),
        endsAt: new Date(endsAt),
        deputies: JSON.stringify(v.deputies),
        slotMin: SLOT_MIN,
        walkInHeadStartMin: HEAD_START_MIN,
        status: "SCHEDULED",
        queueOpen: false,
        avgServiceSec: SLOT_MIN * 60,
      },
    });
  }
  return homes.length;
}

// ---------------------------------------------------------------- past sessions: plan (pure)

type Outcome = "DONE" | "NO_SHOW" | "LEFT";

interface PlannedTicket {
  key: number;
  /** Rankable id (plan-local) */
  id: string;
  channel: Channel;
  label: string;
  name: string;
  phone: string | null;
  concern: Concern;
  isPublic: boolean;
  priorityReason: string | null;
  outcome: Outcome;
  leaveAt: number | null;
  joinedAt: number;
  rank: number;
  status: TicketStatus;
  calledAt: number | null;
  startedAt: number | null;
  finishedAt: number | null;
  summary: string | null;
  trackingCode: string | null;
}

/** The ticket fields that change over a turn: what each ticket event shows. */
type TicketSnap = Pick<PlannedTicket, "status" | "rank" | "calledAt" | "startedAt" | "finishedAt" | "summary"> & {
  withCode: boolean;
};

interface PlannedEntry {
  key: number;
  ticketKey: number | null;
  kind: TranscriptKind;
  speakerRole: SpeakerRole;
  speakerName: string;
  text: string;
  visibility: Visibility;
  amendsKey: number | null;
  byStaff: boolean;
  at: number;
}

interface PlannedCaseStep {
  type: "created" | "status" | "note" | "feedback";
  from: CaseStatus | null;
  to: CaseStatus | null;
  note: string | null;
  internal: boolean;
  actor: "deputy" | "staff" | "voter";
  at: number;
}

interface PlannedCase {
  ticketKey: number;
  trackingCode: string;
  category: string;
  summary: string;
  status: CaseStatus;
  assignee: string | null;
  dueAt: number | null;
  resolution: string | null;
  rejectReason: string | null;
  satisfaction: number | null;
  feedbackComment: string | null;
  feedbackAt: number | null;
  resolvedAt: number | null;
  createdAt: number;
  updatedAt: number;
  deputyName: string;
  steps: PlannedCaseStep[];
}

/** One SessionEvent to write: what happened, when, and which row's view it carries. */
type EventBody =
  | { type: "session.updated"; at: number; status: SessionStatus; queueOpen: boolean; avgServiceSec: number }
  | { type: "ticket.joined" | "ticket.updated"; at: number; ticketKey: number; snap: TicketSnap }
  | { type: "transcript.appended" | "transcript.amended"; at: number; entryKey: number }
  | { type: "case.created"; at: number; ticketKey: number };
/** `order` breaks ties between events of the same instant: the order they were planned in. */
type PlannedEvent = EventBody & { order: number };

interface PlannedSession {
  venue: VenueSeed;
  title: string;
  theme: string;
  startsAt: number;
  endsAt: number;
  endedAt: number;
  tickets: PlannedTicket[];
  entries: PlannedEntry[];
  cases: PlannedCase[];
  events: PlannedEvent[];
  avgServiceSec: number;
  finishedTurns: number;
  onlineCount: number;
  inPersonCount: number;
}

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

interface PlanContext {
  now: number;
  rng: () => number;
  staffName: Record<Town, string>;
  decks: Map<Town, Concern[]>;
  usedCodes: Set<string>;
  caseCounters: Record<"old" | "mid" | "recent", number>;
  feedbackCounter: number;
  noteCounter: number;
}

const pick = <T>(rng: () => number, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;
const between = (rng: () => number, lo: number, hi: number): number => lo + Math.floor(rng() * (hi - lo + 1));

function planPastSessions(now: number, base: Base): PlannedSession[] {
  const staffName = {} as Record<Town, string>;
  for (const [town, username] of Object.entries(TOWN_STAFF) as [Town, string][]) {
    staffName[town] = base.users.get(username)?.displayName ?? "工作人员";
  }
  const ctx: PlanContext = {
    now,
    rng: prng(PRNG_SEED),
    staffName,
    decks: new Map(),
    usedCodes: new Set(),
    caseCounters: { old: 0, mid: 0, recent: 0 },
    feedbackCounter: 0,
    noteCounter: 0,
  };
  const { y, m } = localDate(now);
  const plans: PlannedSession[] = [];
  for (const venue of VENUES) {
    if (!venue.past) continue;
    // oldest first, so the cases' status mix follows their age
    for (let monthsAgo = venue.past.themes.length; monthsAgo >= 1; monthsAgo--) {
      const startsAt = localInstant(y, m - monthsAgo, venue.past.day, 9, 0);
      const theme = venue.past.themes[monthsAgo - 1]!;
      plans.push(planSession(ctx, venue, theme, startsAt, monthsAgo));
    }
  }
  return plans;
}

/** Draws a concern of the town, not already raised in this session; reshuffles when the deck runs out. */
function drawConcern(ctx: PlanContext, town: Town, taken: Set<Concern>): Concern {
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

function trackingCode(used: Set<string>): string {
  for (;;) {
    let code = "";
    for (let i = 0; i < 8; i++) code += TRACKING_ALPHABET[randomInt(TRACKING_ALPHABET.length)];
    if (!used.has(code)) {
      used.add(code);
      return code;
    }
  }
}

function planSession(ctx: PlanContext, venue: VenueSeed, theme: string, startsAt: number, monthsAgo: number): PlannedSession {
  const { rng } = ctx;
  const openedAt = startsAt - 30 * MIN;
  const endsAt = startsAt + 150 * MIN;
  const staff = ctx.staffName[venue.town];

  // who comes: 3–8 voters, a mix of online and walk-in, most of them served
  const count = between(rng, 3, 8);
  const taken = new Set<Concern>();
  const arrivals: PlannedTicket[] = [];
  for (let i = 0; i < count; i++) {
    const channel: Channel = rng() < 0.55 ? "ONLINE" : "IN_PERSON";
    const joinedAt =
      channel === "ONLINE"
        ? openedAt + Math.round(rng() * 90 * 60) * 1000
        : startsAt - 15 * MIN + Math.round(rng() * 75 * 60) * 1000;
    const concern = drawConcern(ctx, venue.town, taken);
    taken.add(concern);
    const r = rng();
    const outcome: Outcome = r < 0.1 ? "NO_SHOW" : r < 0.18 ? "LEFT" : "DONE";
    arrivals.push({
      key: i,
      id: `t${i}`,
      channel,
      label: "",
      name: pick(rng, SURNAMES) + pick(rng, GIVEN_NAMES),
      phone: rng() < 0.6 ? `139${String(Math.floor(rng() * 1e8)).padStart(8, "0")}` : null,
      concern,
      isPublic: rng() < 0.7,
      priorityReason: channel === "IN_PERSON" && rng() < 0.15 ? pick(rng, PRIORITY_REASONS) : null,
      outcome,
      leaveAt: outcome === "LEFT" ? joinedAt + between(rng, 5, 25) * MIN : null,
      joinedAt,
      rank: 0,
      status: "WAITING",
      calledAt: null,
      startedAt: null,
      finishedAt: null,
      summary: null,
      trackingCode: null,
    });
  }
  // at least two turns are heard
  for (const t of arrivals.slice(0, 2)) {
    t.outcome = "DONE";
    t.leaveAt = null;
  }
  arrivals.sort((a, b) => a.joinedAt - b.joinedAt || a.key - b.key);

  const events: PlannedEvent[] = [];
  const emit = (e: EventBody) => events.push({ ...e, order: events.length });
  const snap = (t: PlannedTicket): TicketSnap => ({
    status: t.status,
    rank: t.rank,
    calledAt: t.calledAt,
    startedAt: t.startedAt,
    finishedAt: t.finishedAt,
    summary: t.summary,
    withCode: t.trackingCode != null,
  });
  const entries: PlannedEntry[] = [];
  const append = (e: Omit<PlannedEntry, "key">, amended = false): PlannedEntry => {
    const entry = { ...e, key: entries.length };
    entries.push(entry);
    emit({ type: amended ? "transcript.amended" : "transcript.appended", at: e.at, entryKey: entry.key });
    return entry;
  };
  const cases: PlannedCase[] = [];

  let avg = SLOT_MIN * 60;
  let finishedTurns = 0;
  const issued: Record<Channel, number> = { ONLINE: 0, IN_PERSON: 0 };
  const tickets: PlannedTicket[] = [];
  const waiting: PlannedTicket[] = [];
  const pending = [...arrivals];

  const join = (t: PlannedTicket) => {
    issued[t.channel] += 1;
    t.label = ticketLabel(t.channel, issued[t.channel]);
    t.rank = initialRank(t.channel, t.joinedAt, HEAD_START_MIN);
    if (t.priorityReason) t.rank = priorityRank(t.rank, nextToCall(waiting)?.rank);
    tickets.push(t);
    waiting.push(t);
    emit({ type: "ticket.joined", at: t.joinedAt, ticketKey: t.key, snap: snap(t) });
  };
  const leave = (t: PlannedTicket, at: number) => {
    waiting.splice(waiting.indexOf(t), 1);
    t.status = "LEFT";
    t.finishedAt = at;
    emit({ type: "ticket.updated", at, ticketKey: t.key, snap: snap(t) });
  };
  /** Joins and departures up to `time`, in the order they happened. */
  const happenUntil = (time: number) => {
    for (;;) {
      const nextJoin = pending[0];
      const nextLeave = waiting
        .filter((t) => t.leaveAt != null && t.leaveAt <= time)
        .sort((a, b) => a.leaveAt! - b.leaveAt!)[0];
      if (nextJoin && nextJoin.joinedAt <= time && (!nextLeave || nextJoin.joinedAt <= nextLeave.leaveAt!)) {
        join(pending.shift()!);
      } else if (nextLeave) {
        leave(nextLeave, nextLeave.leaveAt!);
      } else {
        return;
      }
    }
  };

  emit({ type: "session.updated", at: openedAt, status: "OPEN", queueOpen: true, avgServiceSec: avg });
  happenUntil(startsAt);
  emit({ type: "session.updated", at: startsAt, status: "LIVE", queueOpen: true, avgServiceSec: avg });

  let clock = startsAt;
  let turnNo = 0;
  for (;;) {
    happenUntil(clock);
    const head = nextToCall(waiting);
    if (!head) {
      const next = pending[0];
      if (!next) break;
      clock = next.joinedAt;
      continue;
    }
    if (head.outcome === "LEFT") {
      leave(head, clock); // gave up just before their turn
      continue;
    }
    waiting.splice(waiting.indexOf(head), 1);
    head.status = "CALLED";
    head.calledAt = clock;
    emit({ type: "ticket.updated", at: clock, ticketKey: head.key, snap: snap(head) });

    if (head.outcome === "NO_SHOW") {
      head.status = "NO_SHOW";
      head.finishedAt = clock + 3 * MIN;
      emit({ type: "ticket.updated", at: head.finishedAt, ticketKey: head.key, snap: snap(head) });
      clock = head.finishedAt + 30_000;
      continue;
    }

    const c = head.concern;
    const deputy = venue.deputies[turnNo++ % venue.deputies.length]!;
    const turnSec = Math.round(SLOT_MIN * 60 * (0.6 + rng() * 0.9));
    const startedAt = clock + between(rng, 40, 120) * 1000;
    const finishedAt = startedAt + turnSec * 1000;
    const visibility: Visibility = head.isPublic ? "PUBLIC" : "STAFF";
    head.status = "SPEAKING";
    head.startedAt = startedAt;
    emit({ type: "ticket.updated", at: startedAt, ticketKey: head.key, snap: snap(head) });
    append({
      ticketKey: head.key,
      kind: "QUESTION",
      speakerRole: "VOTER",
      speakerName: head.label,
      text: `${c.topic}：${c.question}`,
      visibility,
      amendsKey: null,
      byStaff: false,
      at: startedAt,
    });
    const answer = append({
      ticketKey: head.key,
      kind: "ANSWER",
      speakerRole: "DEPUTY",
      speakerName: `${deputy}代表`,
      text: c.draft ?? c.answer,
      visibility,
      amendsKey: null,
      byStaff: false,
      at: startedAt + Math.round(turnSec * 0.55) * 1000,
    });
    const noteText = c.note ?? (c.followUp && !c.followUp.reject && rng() < 0.5 ? `已登记，会后转交${c.followUp.assignee}办理` : null);
    if (noteText) {
      append({
        ticketKey: head.key,
        kind: "NOTE",
        speakerRole: "STAFF",
        speakerName: staff,
        text: noteText,
        visibility: "STAFF",
        amendsKey: null,
        byStaff: true,
        at: startedAt + Math.round(turnSec * 0.8) * 1000,
      });
    }

    // finishing a turn (as hall:finish does): the case, the ticket, the session's running mean
    head.status = "DONE";
    head.finishedAt = finishedAt;
    head.summary = c.summary;
    if (c.followUp) {
      head.trackingCode = trackingCode(ctx.usedCodes);
      cases.push(planCase(ctx, head, c, deputy, staff, monthsAgo));
      emit({ type: "case.created", at: finishedAt, ticketKey: head.key });
    }
    emit({ type: "ticket.updated", at: finishedAt, ticketKey: head.key, snap: snap(head) });
    avg = nextAverageServiceSec(avg, finishedTurns, turnSec);
    finishedTurns += 1;
    emit({ type: "session.updated", at: finishedAt, status: "LIVE", queueOpen: true, avgServiceSec: avg });
    if (c.draft) {
      // the recorder corrects the answer after the turn: a new entry, never an edit
      append({ ...answer, text: c.answer, amendsKey: answer.key, byStaff: true, at: finishedAt + 30_000 }, true);
    }
    clock = finishedAt + 60_000;
  }

  const endedAt = Math.max(clock + 2 * MIN, startsAt + 60 * MIN);
  emit({ type: "session.updated", at: endedAt, status: "ENDED", queueOpen: false, avgServiceSec: avg });
  events.sort((a, b) => a.at - b.at || a.order - b.order);
  entries.sort((a, b) => a.at - b.at || a.key - b.key);

  return {
    venue,
    title: sessionTitle(venue.name, startsAt),
    theme,
    startsAt,
    endsAt,
    endedAt,
    tickets,
    entries,
    cases,
    events,
    avgServiceSec: avg,
    finishedTurns,
    onlineCount: issued.ONLINE,
    inPersonCount: issued.IN_PERSON,
  };
}

const CASE_CYCLES: Record<"old" | "mid" | "recent", CaseStatus[]> = {
  old: ["CLOSED", "CLOSED", "RESOLVED", "CLOSED", "IN_PROGRESS"],
  mid: ["RESOLVED", "CLOSED", "IN_PROGRESS", "ASSIGNED"],
  recent: ["OPEN", "ASSIGNED", "IN_PROGRESS", "OPEN", "RESOLVED"],
};
const STATUS_ORDER: CaseStatus[] = ["OPEN", "ASSIGNED", "IN_PROGRESS", "RESOLVED", "CLOSED"];

/** A follow-up case and its history; the older the session, the further along (never past now). */
function planCase(ctx: PlanContext, t: PlannedTicket, c: Concern, deputy: string, staff: string, monthsAgo: number): PlannedCase {
  const f = c.followUp!;
  const t0 = t.finishedAt!;
  const bucket = monthsAgo >= 3 ? "old" : monthsAgo === 2 ? "mid" : "recent";
  const cycle = CASE_CYCLES[bucket];
  const target: CaseStatus = f.reject ? "REJECTED" : cycle[ctx.caseCounters[bucket]++ % cycle.length]!;
  let rated: { satisfaction: number; comment: string } | null = null;
  const steps: PlannedCaseStep[] = [
    { type: "created", from: null, to: "OPEN", note: null, internal: false, actor: "deputy", at: t0 },
  ];
  if (target === "REJECTED") {
    steps.push({ type: "status", from: "OPEN", to: "REJECTED", note: f.reject!, internal: false, actor: "staff", at: t0 + 2 * DAY });
  } else {
    const upTo = STATUS_ORDER.indexOf(target);
    const resolvedAt = t0 + between(ctx.rng, 12, 20) * DAY + 3 * HOUR;
    // two closed cases in three were rated by the voter before closing
    const fb = target === "CLOSED" && ctx.feedbackCounter++ % 3 !== 2 ? FEEDBACK[ctx.feedbackCounter % FEEDBACK.length]! : null;
    if (fb) rated = fb;
    const all: (PlannedCaseStep & { level: number })[] = [
      { level: 1, type: "status", from: "OPEN", to: "ASSIGNED", note: `交办：${f.assignee}`, internal: false, actor: "staff", at: t0 + DAY + 2 * HOUR },
      {
        level: 1,
        type: "note",
        from: null,
        to: null,
        note: INTERNAL_NOTES[ctx.noteCounter++ % INTERNAL_NOTES.length]!,
        internal: true,
        actor: "staff",
        at: t0 + 2 * DAY + 4 * HOUR,
      },
      { level: 2, type: "status", from: "ASSIGNED", to: "IN_PROGRESS", note: `${f.assignee}：${f.progress}`, internal: false, actor: "staff", at: t0 + 5 * DAY },
      { level: 3, type: "status", from: "IN_PROGRESS", to: "RESOLVED", note: f.resolution, internal: false, actor: "staff", at: resolvedAt },
    ];
    if (fb) {
      all.push({ level: 4, type: "feedback", from: null, to: null, note: `满意度 ${fb.satisfaction}/5：${fb.comment}`, internal: false, actor: "voter", at: resolvedAt + 3 * DAY });
    }
    all.push({ level: 4, type: "status", from: "RESOLVED", to: "CLOSED", note: "选民已收到答复，办结归档", internal: false, actor: "staff", at: resolvedAt + (fb ? 4 : 7) * DAY });
    steps.push(...all.filter((s) => s.level <= upTo).map(({ level: _level, ...s }) => s));
  }
  // nothing happens after now: recent cases stop where the clock is
  const kept = steps.filter((s, i) => i === 0 || s.at <= ctx.now - HOUR);
  const reached = (to: CaseStatus) => kept.find((s) => s.to === to);
  const last = kept[kept.length - 1]!;
  const status = [...kept].reverse().find((s) => s.to != null)!.to!;
  const feedback = kept.find((s) => s.type === "feedback");
  const fb = feedback ? rated : null;
  return {
    ticketKey: t.key,
    trackingCode: t.trackingCode!,
    category: f.category,
    summary: c.summary,
    status,
    assignee: reached("ASSIGNED") ? f.assignee : null,
    // the deadline is set when the case is handed to a department
    dueAt: reached("ASSIGNED") ? t0 + CASE_DUE_DAYS * DAY : null,
    resolution: reached("RESOLVED") ? f.resolution : null,
    rejectReason: reached("REJECTED") ? f.reject! : null,
    satisfaction: fb?.satisfaction ?? null,
    feedbackComment: fb?.comment ?? null,
    feedbackAt: feedback?.at ?? null,
    resolvedAt: reached("RESOLVED")?.at ?? null,
    createdAt: t0,
    updatedAt: last.at,
    deputyName: `${deputy}代表`,
    steps: kept,
  };
}

// ---------------------------------------------------------------- past sessions: write

const date = (ms: number | null): Date | null => (ms == null ? null : new Date(ms));
const voterTokenHash = (): string => createHash("sha256").update(randomBytes(32)).digest("hex");

async function writePastSession(tx: Tx, plan: PlannedSession, base: Base): Promise<void> {
  const venue = base.venues.get(plan.venue.key)!;
  const staffUser = base.users.get(TOWN_STAFF[plan.venue.town])!;
  const session = await tx.receptionSession.create({
    data: {
      venueId: venue.id,
      title: plan.title,
      theme: plan.theme,
      startsAt: new Date(plan.startsAt),
      endsAt: new Date(plan.endsAt),
      deputies: JSON.stringify(plan.venue.deputies),
      streamUrl: null,
      slotMin: SLOT_MIN,
      walkInHeadStartMin: HEAD_START_MIN,
      status: "ENDED",
      queueOpen: false,
      avgServiceSec: plan.avgServiceSec,
      finishedTurns: plan.finishedTurns,
      lastSeq: plan.events.length,
      onlineCount: plan.onlineCount,
      inPersonCount: plan.inPersonCount,
      createdAt: new Date(plan.startsAt - 14 * DAY),
      updatedAt: new Date(plan.endedAt),
    },
    include: { venue: true },
  });

  const tickets = new Map<number, Ticket>();
  for (const t of plan.tickets) {
    const row = await tx.ticket.create({
      data: {
        sessionId: session.id,
        channel: t.channel,
        label: t.label,
        status: t.status,
        rank: t.rank,
        name: t.name,
        phone: t.phone,
        topic: t.concern.topic,
        question: t.concern.question,
        isPublic: t.isPublic,
        priorityReason: t.priorityReason,
        summary: t.summary,
        voterTokenHash: voterTokenHash(),
        joinedAt: new Date(t.joinedAt),
        calledAt: date(t.calledAt),
        startedAt: date(t.startedAt),
        finishedAt: date(t.finishedAt),
        updatedAt: new Date(t.finishedAt ?? t.joinedAt),
      },
    });
    tickets.set(t.key, row);
  }
  const codes = new Map(plan.tickets.map((t) => [t.key, t.trackingCode]));

  const entries = new Map<number, TranscriptEntry>();
  for (const e of plan.entries) {
    const row = await tx.transcriptEntry.create({
      data: {
        sessionId: session.id,
        ticketId: e.ticketKey == null ? null : tickets.get(e.ticketKey)!.id,
        kind: e.kind,
        speakerRole: e.speakerRole,
        speakerName: e.speakerName,
        text: e.text,
        visibility: e.visibility,
        amendsId: e.amendsKey == null ? null : entries.get(e.amendsKey)!.id,
        authorId: e.byStaff ? staffUser.id : null,
        createdAt: new Date(e.at),
      },
    });
    entries.set(e.key, row);
  }

  const cases = new Map<number, Case>();
  for (const c of plan.cases) {
    const row = await tx.case.create({
      data: {
        trackingCode: c.trackingCode,
        sessionId: session.id,
        ticketId: tickets.get(c.ticketKey)!.id,
        venueId: venue.id,
        category: c.category,
        summary: c.summary,
        status: c.status,
        assignee: c.assignee,
        dueAt: date(c.dueAt),
        resolution: c.resolution,
        rejectReason: c.rejectReason,
        satisfaction: c.satisfaction,
        feedbackComment: c.feedbackComment,
        feedbackAt: date(c.feedbackAt),
        resolvedAt: date(c.resolvedAt),
        createdAt: new Date(c.createdAt),
        updatedAt: new Date(c.updatedAt),
      },
    });
    await tx.caseEvent.createMany({
      data: c.steps.map((s) => ({
        caseId: row.id,
        type: s.type,
        fromStatus: s.from,
        toStatus: s.to,
        note: s.note,
        internal: s.internal,
        actorId: s.actor === "staff" ? staffUser.id : null,
        actorName: s.actor === "staff" ? staffUser.displayName : s.actor === "deputy" ? c.deputyName : "选民",
        at: new Date(s.at),
      })),
    });
    cases.set(c.ticketKey, row);
  }

  await tx.sessionEvent.createMany({
    data: plan.events.map((e, i) => ({
      sessionId: session.id,
      seq: i + 1,
      type: e.type,
      data: JSON.stringify(eventData(e, session, tickets, codes, entries, cases)),
      at: new Date(e.at),
    })),
  });
}

/** The staff view of the thing an event is about, as it was at that moment. */
function eventData(
  e: PlannedEvent,
  session: Parameters<typeof toSessionView>[0],
  tickets: Map<number, Ticket>,
  codes: Map<number, string | null>,
  entries: Map<number, TranscriptEntry>,
  cases: Map<number, Case>,
): unknown {
  switch (e.type) {
    case "session.updated":
      return toSessionView({ ...session, status: e.status, queueOpen: e.queueOpen, avgServiceSec: e.avgServiceSec }, null);
    case "ticket.joined":
    case "ticket.updated": {
      const row = tickets.get(e.ticketKey)!;
      const { snap } = e;
      return toTicketView(
        {
          ...row,
          status: snap.status,
          rank: snap.rank,
          calledAt: date(snap.calledAt),
          startedAt: date(snap.startedAt),
          finishedAt: date(snap.finishedAt),
          summary: snap.summary,
          updatedAt: new Date(e.at),
        },
        snap.withCode ? codes.get(e.ticketKey) : null,
      );
    }
    case "transcript.appended":
    case "transcript.amended":
      return toTranscriptView(entries.get(e.entryKey)!);
    case "case.created": {
      const row = cases.get(e.ticketKey)!;
      return toCaseView({
        ...row,
        status: "OPEN",
        assignee: null,
        resolution: null,
        rejectReason: null,
        dueAt: null,
        satisfaction: null,
        feedbackComment: null,
        feedbackAt: null,
        resolvedAt: null,
        updatedAt: row.createdAt,
      });
    }
  }
}
