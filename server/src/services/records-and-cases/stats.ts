/**
 * 量化积分 over a period, per venue or per deputy group (GET /api/stats):
 * loads the period's facts, counts them (domain/service-metrics.ts) and
 * scores them (domain/scoring.ts) with the admin's weights. Aggregates only:
 * every logged-in user may compare stations.
 */
import { toCsv, type CsvCell } from "../../domain/csv.ts";
import { formulaText, rankByScore, scoreOf, SCORE_PART_KEYS, type ScoringWeights } from "../../domain/scoring.ts";
import { metricsByGroup, metricsOf, monthsOf, type Facts, type Period } from "../../domain/service-metrics.ts";
import type { StatsQuery, StatsReport, StatsRow } from "../../protocol/back-office.ts";
import { AppError } from "../../protocol/errors.ts";
import { BACK_OFFICE_ROLES, requireRole } from "../privacy-and-accounts/auth.ts";
import type { Actor, ServiceDeps } from "../deps.ts";
import { currentWeights } from "../duty-and-scoring/scoring-weights.ts";
import { CN_OFFSET_MS } from "../../domain/cn-calendar.ts";
import { departmentFormulaText } from "../../domain/department-on-time.ts";
import { departmentRows } from "../duty-and-scoring/department-scores.ts";

const MAX_SPAN_MS = 5 * 366 * 24 * 60 * 60 * 1000;
export const NO_GROUP = "none";

/** Default period: the last twelve months in China time, this month included. */
export function defaultPeriod(now: Date): Period {
  const local = new Date(now.getTime() + CN_OFFSET_MS);
  const from = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth() - 11, 1) - CN_OFFSET_MS);
  return { from, to: new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth() + 1, 1) - CN_OFFSET_MS) };
}

function periodOf(q: StatsQuery, now: Date): Period {
  const d = defaultPeriod(now);
  const period = { from: q.from ?? d.from, to: q.to ?? d.to };
  if (period.to <= period.from) throw new AppError("BAD_REQUEST", "请求内容有误 / invalid request", { to: "must be after from" });
  if (period.to.getTime() - period.from.getTime() > MAX_SPAN_MS) throw new AppError("BAD_REQUEST", "请求内容有误 / invalid request", { from: "at most 5 years" });
  return period;
}

export async function statsReport(deps: ServiceDeps, actor: Actor, q: StatsQuery): Promise<StatsReport> {
  requireRole(actor, BACK_OFFICE_ROLES);
  const now = deps.now();
  const period = periodOf(q, now);
  const { weights } = await currentWeights(deps);
  const [venues, groups] = await Promise.all([
    deps.db.venue.findMany({ where: q.town ? { town: q.town } : undefined, select: { id: true, name: true, town: true, deputyGroupId: true } }),
    deps.db.deputyGroup.findMany({ select: { id: true, name: true, town: true } }),
  ]);
  const venueIds = venues.map((v) => v.id);
  const groupOfVenue = new Map(
    venues.map((v) => [v.id, q.groupBy === "venue" ? v.id : (v.deputyGroupId ?? NO_GROUP)]),
  );
  const group = (venueId: string) => groupOfVenue.get(venueId) ?? NO_GROUP;

  const [sessions, cases] = await Promise.all([
    deps.db.receptionSession.findMany({
      where: { venueId: { in: venueIds }, startsAt: { gte: period.from, lt: period.to } },
      select: {
        venueId: true,
        startsAt: true,
        status: true,
        tickets: { select: { channel: true, status: true, joinedAt: true, calledAt: true, startedAt: true, finishedAt: true } },
      },
    }),
    deps.db.case.findMany({
      where: { venueId: { in: venueIds }, createdAt: { lt: period.to } },
      select: { venueId: true, status: true, createdAt: true, dueAt: true, resolvedAt: true, satisfaction: true, feedbackAt: true },
    }),
  ]);
  const facts: Facts = {
    sessions: sessions.map((s) => ({ group: group(s.venueId), startsAt: s.startsAt, status: s.status })),
    tickets: sessions.flatMap((s) => s.tickets.map((t) => ({ group: group(s.venueId), sessionStartsAt: s.startsAt, ...t }))),
    cases: cases.map((c) => ({ group: group(c.venueId), ...c })),
  };
  const rules = { waitTargetMin: weights.waitTargetMin, defaultDueDays: weights.defaultDueDays, now };

  const named =
    q.groupBy === "venue"
      ? venues.map((v) => ({ id: v.id, name: v.name, town: v.town as string | null }))
      : [
          ...groups.filter((g) => venues.some((v) => v.deputyGroupId === g.id)).map((g) => ({ id: g.id, name: g.name, town: g.town as string | null })),
          ...(venues.some((v) => !v.deputyGroupId) ? [{ id: NO_GROUP, name: "未分组 / no group", town: null }] : []),
        ];
  const byGroup = metricsByGroup(named.map((n) => n.id), facts, period, rules);
  const scored = named.map((n) => {
    const metrics = byGroup.get(n.id)!;
    return { ...n, metrics, ...scoreOf(metrics, weights) };
  });
  const rows: StatsRow[] = rankByScore(scored).map(({ rank, item }) => ({ ...item, rank }));
  const totalMetrics = metricsOf(facts, period, rules);
  const departments = await departmentRows(deps, period, weights.departmentOnTime, now);
  return {
    from: period.from.toISOString(),
    to: period.to.toISOString(),
    groupBy: q.groupBy,
    weights,
    formula: { zh: formulaText(weights, "zh"), en: formulaText(weights, "en") },
    rows,
    total: { metrics: totalMetrics, ...scoreOf(totalMetrics, weights) },
    trend: monthsOf(period).map(({ month, period: p }) => {
      const metrics = metricsOf(facts, p, { ...rules });
      return { month, metrics, score: scoreOf(metrics, weights).score };
    }),
    departments,
    departmentFormula: { zh: departmentFormulaText(weights.departmentOnTime, "zh"), en: departmentFormulaText(weights.departmentOnTime, "en") },
  };
}

const PART_ZH: Record<(typeof SCORE_PART_KEYS)[number], string> = {
  sessionHeld: "接待日积分",
  voterReceived: "接待选民积分",
  caseResolved: "办结积分",
  resolvedOnTime: "按期办结积分",
  satisfaction: "满意度积分",
  caseOverdue: "逾期扣分",
  longWait: "超时等候扣分",
};

const toMin = (sec: number | null): number | null => (sec == null ? null : Math.round(sec / 6) / 10);

export function statsCsvRows(report: StatsReport, weights: ScoringWeights): CsvCell[][] {
  const header = [
    "排名",
    report.groupBy === "venue" ? "联络站" : "代表小组",
    "镇",
    "举办接待日",
    "计划接待日",
    "线上接待",
    "现场接待",
    "平均等候(分钟)",
    "平均发言(分钟)",
    "超时等候",
    "新增办理",
    "办结",
    "按期办结",
    "逾期",
    "评价数",
    "平均满意度",
    "积分",
    ...SCORE_PART_KEYS.map((k) => PART_ZH[k]),
  ];
  const line = (rank: number | string, name: string, town: string | null, r: { metrics: StatsRow["metrics"]; score: number; parts: StatsRow["parts"] }): CsvCell[] => [
    rank,
    name,
    town ?? "",
    r.metrics.sessionsHeld,
    r.metrics.sessionsScheduled,
    r.metrics.votersOnline,
    r.metrics.votersInPerson,
    toMin(r.metrics.avgWaitSec),
    toMin(r.metrics.avgSpeakSec),
    r.metrics.longWaits,
    r.metrics.casesOpened,
    r.metrics.casesResolved,
    r.metrics.casesResolvedOnTime,
    r.metrics.casesOverdue,
    r.metrics.ratedCases,
    r.metrics.avgSatisfaction,
    r.score,
    ...SCORE_PART_KEYS.map((k) => r.parts.find((p) => p.key === k)?.points ?? 0),
  ];
  return [
    header,
    ...report.rows.map((r) => line(r.rank, r.name, r.town, r)),
    line("合计", "", null, report.total),
    [],
    ["积分公式", formulaText(weights, "zh")],
    ["统计期间", report.from, report.to],
    [],
    ["承办单位", "按期答复率(%)", "应答复", "按期答复", "逾期答复", "超期未答复", "尚未到期", "得分", "排名"],
    ...report.departments.map((d): CsvCell[] => [d.name, d.rate == null ? null : Math.round(d.rate * 1000) / 10, d.due, d.onTime, d.late, d.overdue, d.pending, d.score, d.rank]),
    ["承办单位得分公式", report.departmentFormula.zh],
  ];
}

export async function statsCsv(deps: ServiceDeps, actor: Actor, q: StatsQuery): Promise<{ filename: string; body: string }> {
  const report = await statsReport(deps, actor, q);
  const day = (iso: string) => new Date(Date.parse(iso) + CN_OFFSET_MS).toISOString().slice(0, 10);
  return {
    filename: `量化积分-${report.groupBy === "venue" ? "联络站" : "代表小组"}-${day(report.from)}-${day(new Date(Date.parse(report.to) - 1).toISOString())}.csv`,
    body: toCsv(statsCsvRows(report, report.weights)),
  };
}
