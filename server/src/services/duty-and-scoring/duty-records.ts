/**
 * 履职 records (deputies' duty): receptions attended, turns handled, cases
 * followed and voters' satisfaction are derived from the sessions' records;
 * staff add the other activities (training, visits, surveys) with date and
 * hours. A deputy reads their own record; staff their venues' deputies; an
 * admin everyone. The per-deputy score uses the admin's duty weights.
 */
import { DEFAULT_DUTY_WEIGHTS, dutyFormula, dutyScore, emptyFacts, type DutyFacts, type DutyWeights } from "../../domain/duty-score.ts";
import { AppError } from "../../protocol/errors.ts";
import { dutyWeightsSchema, type DeputyRecord, type DutyActivityView, type DutyRow, type DutyTable, type DutyWeightsView } from "../../protocol/duty.ts";
import { parseDeputies } from "../../store/views.ts";
import { BACK_OFFICE_ROLES, CLERK_ROLES, requireRole, requireVenueRole } from "../privacy-and-accounts/auth.ts";
import type { Actor, AuthUser, ServiceDeps } from "../deps.ts";
import { venueFilter } from "../privacy-and-accounts/venue-scope.ts";

export interface DutyRange {
  from?: Date | undefined;
  to?: Date | undefined;
  venueId?: string | undefined;
}

const WEIGHTS_KEY = "duty.weights";

export async function dutyWeights(deps: ServiceDeps): Promise<DutyWeights> {
  const row = await deps.db.setting.findUnique({ where: { key: WEIGHTS_KEY } });
  if (!row) return { ...DEFAULT_DUTY_WEIGHTS };
  try {
    const parsed = dutyWeightsSchema.partial().strip().safeParse(JSON.parse(row.value));
    return { ...DEFAULT_DUTY_WEIGHTS, ...(parsed.success ? Object.fromEntries(Object.entries(parsed.data).filter(([, v]) => v !== undefined)) : {}) };
  } catch {
    return { ...DEFAULT_DUTY_WEIGHTS };
  }
}

export async function saveDutyWeights(deps: ServiceDeps, actor: Actor, weights: DutyWeights): Promise<DutyWeightsView> {
  const admin = requireRole(actor, ["ADMIN"]);
  await deps.db.setting.upsert({
    where: { key: WEIGHTS_KEY },
    create: { key: WEIGHTS_KEY, value: JSON.stringify(weights), updatedBy: admin.displayName },
    update: { value: JSON.stringify(weights), updatedBy: admin.displayName },
  });
  return { weights, formula: { zh: dutyFormula(weights, "zh"), en: dutyFormula(weights, "en") } };
}

/**
 * A deputy sees only their own record: their account's display name, without a
 * trailing 代表 ("沈晓鹃代表" → "沈晓鹃"), is the name sessions list them on duty by.
 */
export const deputyNameOf = (user: Pick<AuthUser, "displayName">): string => user.displayName.trim().replace(/\s*代表$/, "");
const onlyName = (user: AuthUser): string | null => (user.role === "DEPUTY" ? deputyNameOf(user) : null);

interface Gathered {
  facts: Map<string, DutyFacts>;
  days: Map<string, DeputyRecord["days"]>;
  activities: DutyActivityView[];
}

async function gather(deps: ServiceDeps, user: AuthUser, range: DutyRange, name: string | null): Promise<Gathered> {
  const venueId = venueFilter(user, range.venueId);
  const when = { gte: range.from, lte: range.to };
  const sessions = await deps.db.receptionSession.findMany({
    where: { venueId, status: "ENDED", startsAt: when },
    select: { id: true, title: true, startsAt: true, deputies: true, venue: { select: { name: true } } },
    orderBy: { startsAt: "asc" },
    take: 5000,
  });
  const ids = sessions.map((s) => s.id);
  const [turns, cases, activities] = await Promise.all([
    ids.length ? deps.db.ticket.groupBy({ by: ["sessionId"], where: { sessionId: { in: ids }, status: "DONE" }, _count: { _all: true } }) : [],
    ids.length ? deps.db.case.findMany({ where: { sessionId: { in: ids } }, select: { sessionId: true, status: true, satisfaction: true } }) : [],
    deps.db.dutyActivity.findMany({ where: { venueId, date: when, ...(name ? { deputyName: name } : {}) }, include: { venue: { select: { name: true } } }, orderBy: { date: "asc" } }),
  ]);
  const turnsBy = new Map(turns.map((g) => [g.sessionId, g._count._all]));
  const casesBy = new Map<string, { status: string; satisfaction: number | null }[]>();
  for (const c of cases) if (c.sessionId) casesBy.set(c.sessionId, [...(casesBy.get(c.sessionId) ?? []), c]);

  const facts = new Map<string, DutyFacts>();
  const ratings = new Map<string, number[]>();
  const days = new Map<string, DeputyRecord["days"]>();
  const factsOf = (n: string) => facts.get(n) ?? (facts.set(n, emptyFacts()), facts.get(n)!);
  for (const s of sessions) {
    const dayCases = casesBy.get(s.id) ?? [];
    for (const deputy of parseDeputies(s.deputies)) {
      if (name && deputy !== name) continue;
      const f = factsOf(deputy);
      f.attendance += 1;
      f.turns += turnsBy.get(s.id) ?? 0;
      f.cases += dayCases.length;
      f.casesResolved += dayCases.filter((c) => c.status === "RESOLVED" || c.status === "CLOSED").length;
      const rated = dayCases.map((c) => c.satisfaction).filter((x): x is number => x !== null);
      ratings.set(deputy, [...(ratings.get(deputy) ?? []), ...rated]);
      days.set(deputy, [...(days.get(deputy) ?? []), { sessionId: s.id, title: s.title, venueName: s.venue.name, startsAt: s.startsAt.toISOString(), turns: turnsBy.get(s.id) ?? 0, cases: dayCases.length }]);
    }
  }
  const views: DutyActivityView[] = [];
  for (const a of activities) {
    const kind = (["TRAINING", "VISIT", "SURVEY"].includes(a.kind) ? a.kind : "OTHER") as DutyActivityView["kind"];
    factsOf(a.deputyName).hours[kind] += a.hours;
    views.push({ id: a.id, deputyName: a.deputyName, venueId: a.venueId, venueName: a.venue.name, kind, title: a.title, date: a.date.toISOString(), hours: a.hours, note: a.note });
  }
  for (const [deputy, list] of ratings) if (list.length) factsOf(deputy).satisfaction = Math.round((list.reduce((a, b) => a + b, 0) / list.length) * 100) / 100;
  return { facts, days, activities: views };
}

function rowsOf(facts: Map<string, DutyFacts>, weights: DutyWeights): DutyRow[] {
  return [...facts.entries()]
    .map(([deputyName, f]) => ({ deputyName, ...f, ...dutyScore(f, weights) }))
    .sort((a, b) => b.score - a.score || a.deputyName.localeCompare(b.deputyName, "zh"));
}

/**
 * Suggestions (§6e) each deputy submitted in the range, as lead and as
 * co-signer, by the name sessions list them under (deputyNameOf).
 */
async function suggestionCounts(deps: ServiceDeps, range: DutyRange): Promise<Map<string, { led: number; coSigned: number }>> {
  const rows = await deps.db.suggestion.findMany({
    where: { status: { not: "DRAFT" }, submittedAt: { gte: range.from, lte: range.to } },
    select: { leadDeputy: { select: { displayName: true } }, coSigners: { select: { user: { select: { displayName: true } } } } },
  });
  const counts = new Map<string, { led: number; coSigned: number }>();
  const of = (n: string) => counts.get(n) ?? (counts.set(n, { led: 0, coSigned: 0 }), counts.get(n)!);
  for (const r of rows) {
    of(deputyNameOf(r.leadDeputy)).led++;
    for (const c of r.coSigners) of(deputyNameOf(c.user)).coSigned++;
  }
  return counts;
}

export async function dutyTable(deps: ServiceDeps, actor: Actor, range: DutyRange): Promise<DutyTable> {
  const user = requireRole(actor, BACK_OFFICE_ROLES);
  const weights = await dutyWeights(deps);
  const [{ facts }, suggestions] = await Promise.all([gather(deps, user, range, onlyName(user)), suggestionCounts(deps, range)]);
  const rows = rowsOf(facts, weights).map((r) => ({ ...r, suggestions: suggestions.get(r.deputyName) ?? { led: 0, coSigned: 0 } }));
  return { rows, weights, formula: { zh: dutyFormula(weights, "zh"), en: dutyFormula(weights, "en") } };
}

export async function deputyRecord(deps: ServiceDeps, actor: Actor, name: string, range: DutyRange): Promise<DeputyRecord> {
  const user = requireRole(actor, BACK_OFFICE_ROLES);
  const own = onlyName(user);
  if (own && own !== name) throw new AppError("FORBIDDEN", "只能查看本人的履职记录 / deputies see their own record only");
  const weights = await dutyWeights(deps);
  const [g, suggestions] = await Promise.all([gather(deps, user, range, name), suggestionCounts(deps, range)]);
  const facts = g.facts.get(name) ?? emptyFacts();
  return {
    row: { deputyName: name, ...facts, ...dutyScore(facts, weights), suggestions: suggestions.get(name) ?? { led: 0, coSigned: 0 } },
    days: g.days.get(name) ?? [],
    activities: g.activities,
    formula: { zh: dutyFormula(weights, "zh"), en: dutyFormula(weights, "en") },
  };
}

export interface NewDutyActivity {
  deputyName: string;
  venueId: string;
  kind: DutyActivityView["kind"];
  title: string;
  date: Date;
  hours: number;
  note?: string | undefined;
}

/** Staff (or an admin) record a training, visit or survey for a deputy of their venue. */
export async function addDutyActivity(deps: ServiceDeps, actor: Actor, input: NewDutyActivity): Promise<{ activity: DutyActivityView }> {
  const user = requireVenueRole(actor, input.venueId, CLERK_ROLES);
  const venue = await deps.db.venue.findUnique({ where: { id: input.venueId }, select: { name: true } });
  if (!venue) throw new AppError("NOT_FOUND", "没有这个联络站 / no such venue");
  const a = await deps.db.dutyActivity.create({
    data: { deputyName: input.deputyName, venueId: input.venueId, kind: input.kind, title: input.title, date: input.date, hours: input.hours, note: input.note ?? null, createdById: user.id, createdAt: deps.now() },
  });
  return { activity: { id: a.id, deputyName: a.deputyName, venueId: a.venueId, venueName: venue.name, kind: input.kind, title: a.title, date: a.date.toISOString(), hours: a.hours, note: a.note } };
}
