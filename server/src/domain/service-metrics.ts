/**
 * Facts of a period (sessions, tickets, cases) → the ServiceMetrics of each
 * venue or deputy group, and a month-by-month trend. Pure: the stats service
 * loads the facts, this file counts them.
 */
import type { CaseStatus, Channel, SessionStatus, TicketStatus } from "../protocol/model.ts";
import { resolvedOnTime, wasOverdueAt } from "./case-due.ts";
import type { ServiceMetrics } from "./scoring.ts";
import { CN_OFFSET_MS, type Period } from "./cn-calendar.ts";

export interface SessionFact {
  group: string;
  startsAt: Date;
  status: SessionStatus;
}

export interface TicketFact {
  group: string;
  /** when its session started: the ticket counts in that session's month */
  sessionStartsAt: Date;
  channel: Channel;
  status: TicketStatus;
  joinedAt: Date;
  calledAt: Date | null;
  startedAt: Date | null;
  finishedAt: Date | null;
}

export interface CaseFact {
  group: string;
  status: CaseStatus;
  createdAt: Date;
  dueAt: Date | null;
  resolvedAt: Date | null;
  satisfaction: number | null;
  feedbackAt: Date | null;
}

export interface Facts {
  sessions: readonly SessionFact[];
  tickets: readonly TicketFact[];
  cases: readonly CaseFact[];
}

export type { Period };

export interface MetricRules {
  waitTargetMin: number;
  defaultDueDays: number;
  /** overdue is judged at min(now, period end) */
  now: Date;
}

const within = (d: Date | null, p: Period): boolean => d != null && d >= p.from && d < p.to;
const mean = (xs: number[]): number | null => (xs.length ? Math.round(xs.reduce((a, b) => a + b, 0) / xs.length) : null);
const seconds = (a: Date, b: Date): number => Math.max(0, (b.getTime() - a.getTime()) / 1000);

export function emptyMetrics(): ServiceMetrics {
  return {
    sessionsHeld: 0,
    sessionsScheduled: 0,
    votersOnline: 0,
    votersInPerson: 0,
    avgWaitSec: null,
    avgSpeakSec: null,
    longWaits: 0,
    casesOpened: 0,
    casesResolved: 0,
    casesResolvedOnTime: 0,
    casesOverdue: 0,
    ratedCases: 0,
    avgSatisfaction: null,
  };
}

/** The metrics of one set of facts (already narrowed to one group, or all). */
export function metricsOf(facts: Facts, period: Period, rules: MetricRules): ServiceMetrics {
  const m = emptyMetrics();
  for (const s of facts.sessions) {
    if (!within(s.startsAt, period)) continue;
    m.sessionsScheduled++;
    if (s.status !== "SCHEDULED") m.sessionsHeld++;
  }
  const waits: number[] = [];
  const speaks: number[] = [];
  for (const t of facts.tickets) {
    if (!within(t.sessionStartsAt, period)) continue;
    if (t.status === "DONE") {
      if (t.channel === "ONLINE") m.votersOnline++;
      else m.votersInPerson++;
      if (t.startedAt && t.finishedAt) speaks.push(seconds(t.startedAt, t.finishedAt));
    }
    if (t.calledAt) {
      const wait = seconds(t.joinedAt, t.calledAt);
      waits.push(wait);
      if (wait > rules.waitTargetMin * 60) m.longWaits++;
    }
  }
  m.avgWaitSec = mean(waits);
  m.avgSpeakSec = mean(speaks);

  const end = period.to < rules.now ? period.to : rules.now;
  const ratings: number[] = [];
  for (const c of facts.cases) {
    if (within(c.createdAt, period)) m.casesOpened++;
    if (within(c.resolvedAt, period)) {
      m.casesResolved++;
      if (resolvedOnTime(c, rules.defaultDueDays)) m.casesResolvedOnTime++;
    }
    if (c.satisfaction != null && within(c.feedbackAt, period)) ratings.push(c.satisfaction);
    if (wasOverdueAt(c, end, rules.defaultDueDays)) m.casesOverdue++;
  }
  m.ratedCases = ratings.length;
  m.avgSatisfaction = ratings.length ? Math.round((ratings.reduce((a, b) => a + b, 0) / ratings.length) * 100) / 100 : null;
  return m;
}

/** The metrics of every group key, including groups with no facts at all. */
export function metricsByGroup(groups: readonly string[], facts: Facts, period: Period, rules: MetricRules): Map<string, ServiceMetrics> {
  const split = new Map<string, { sessions: SessionFact[]; tickets: TicketFact[]; cases: CaseFact[] }>(
    groups.map((g) => [g, { sessions: [], tickets: [], cases: [] }]),
  );
  const bucket = (g: string) => {
    let b = split.get(g);
    if (!b) split.set(g, (b = { sessions: [], tickets: [], cases: [] }));
    return b;
  };
  for (const s of facts.sessions) bucket(s.group).sessions.push(s);
  for (const t of facts.tickets) bucket(t.group).tickets.push(t);
  for (const c of facts.cases) bucket(c.group).cases.push(c);
  return new Map([...split].map(([g, f]) => [g, metricsOf(f, period, rules)]));
}


/** The months a period touches, each clipped to the period. */
export function monthsOf(period: Period, maxMonths = 36): { month: string; period: Period }[] {
  const out: { month: string; period: Period }[] = [];
  const local = new Date(period.from.getTime() + CN_OFFSET_MS);
  let y = local.getUTCFullYear();
  let mo = local.getUTCMonth();
  while (out.length < maxMonths) {
    const start = new Date(Date.UTC(y, mo, 1) - CN_OFFSET_MS);
    if (start >= period.to) break;
    const next = new Date(Date.UTC(y, mo + 1, 1) - CN_OFFSET_MS);
    out.push({
      month: `${y}-${String(mo + 1).padStart(2, "0")}`,
      period: { from: start < period.from ? period.from : start, to: next > period.to ? period.to : next },
    });
    mo++;
    if (mo === 12) {
      mo = 0;
      y++;
    }
  }
  return out;
}
