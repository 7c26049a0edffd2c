/**
 * 承办单位按期答复 (docs/ARCHITECTURE.md §6e): each department's suggestions
 * whose deadline fell in the period, answered on time or not
 * (domain/department-on-time.ts), scored with the admin's weight. Departments
 * are scored apart from venues: a station does not answer for a department's
 * delay. Aggregates only, like the rest of GET /api/stats.
 */
import type { Period } from "../../domain/cn-calendar.ts";
import { departmentScore, onTimeByDepartment, type HandlingFact } from "../../domain/department-on-time.ts";
import { rankByScore } from "../../domain/scoring.ts";
import type { DepartmentStatsRow } from "../../protocol/back-office.ts";
import type { ServiceDeps } from "../deps.ts";

export async function departmentRows(deps: ServiceDeps, period: Period, weight: number, now: Date): Promise<DepartmentStatsRow[]> {
  const [departments, suggestions] = await Promise.all([
    deps.db.department.findMany({ select: { id: true, name: true } }),
    deps.db.suggestion.findMany({
      where: { status: { in: ["ASSIGNED", "COUNTERSIGNING", "ANSWERED", "EVALUATED"] }, leadDepartmentId: { not: null }, dueAt: { gte: period.from, lt: period.to } },
      select: { leadDepartmentId: true, dueAt: true, secondRound: true, answers: { select: { round: true, at: true } } },
    }),
  ]);
  const facts: HandlingFact[] = suggestions.map((s) => {
    // The current handling's answer: the second handling's once it has begun.
    const round = s.secondRound ? 2 : 1;
    const answers = s.answers.filter((a) => a.round === round).map((a) => a.at.getTime());
    return { departmentId: s.leadDepartmentId!, dueAt: s.dueAt!, answeredAt: answers.length ? new Date(Math.min(...answers)) : null };
  });
  const counts = onTimeByDepartment(
    departments.map((d) => d.id),
    facts,
    period,
    now,
  );
  const rows = departments.map((d) => {
    const c = counts.get(d.id)!;
    return { id: d.id, name: d.name, ...c, score: departmentScore(c.rate, weight) };
  });
  const ranked = new Map(rankByScore(rows.filter((r) => r.score != null).map((r) => ({ ...r, score: r.score! }))).map(({ rank, item }) => [item.id, rank]));
  // Scored ones by rank, then the rest by name (sorted here: collations differ between storages).
  return rows
    .map((r) => ({ ...r, rank: ranked.get(r.id) ?? null }))
    .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
