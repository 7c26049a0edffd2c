/**
 * GET /api/answer-stats and GET /api/venues/:id/answer-stats: how each
 * station answered recently (docs/ARCHITECTURE.md §6d; rules in domain/answer-stats.ts).
 * Public: counts and a mean only — no names, no case text, no codes.
 */
import { answerNumbers, isAnsweredStatus, type AnswerCase } from "../../domain/answer-stats.ts";
import { AppError } from "../../protocol/errors.ts";
import { ANSWERED_STATUSES, type AnswerStatsRow, type AnswerStatsView } from "../../protocol/messages.ts";
import type { ServiceDeps } from "../deps.ts";

const DAY_MS = 24 * 60 * 60 * 1000;

export async function answerStats(deps: ServiceDeps, venueId?: string): Promise<AnswerStatsView> {
  const to = deps.now();
  const { answerStatsWindowDays: windowDays, answerWithinDays } = deps.config;
  const from = new Date(to.getTime() - windowDays * DAY_MS);
  const venues = await deps.db.venue.findMany({
    where: venueId ? { id: venueId } : undefined,
    select: { id: true, name: true, town: true },
    orderBy: [{ town: "asc" }, { kind: "asc" }, { name: "asc" }],
  });
  if (venueId && !venues.length) throw new AppError("NOT_FOUND", "没有这个联络站 / no such venue");
  const cases = await deps.db.case.findMany({
    where: { venueId: venueId ?? undefined, createdAt: { gte: from, lte: to } },
    select: {
      venueId: true,
      source: true,
      status: true,
      createdAt: true,
      satisfaction: true,
      events: { where: { type: "status", toStatus: { in: [...ANSWERED_STATUSES] } }, select: { toStatus: true, at: true } },
    },
  });
  const byVenue = new Map<string, AnswerCase[]>();
  for (const c of cases) {
    const list = byVenue.get(c.venueId) ?? [];
    list.push({
      source: c.source,
      status: c.status,
      createdAt: c.createdAt,
      satisfaction: c.satisfaction,
      answeredAt: c.events.filter((e) => isAnsweredStatus(e.toStatus)).map((e) => e.at),
    });
    byVenue.set(c.venueId, list);
  }
  const rows: AnswerStatsRow[] = venues.map((v) => ({ venueId: v.id, venueName: v.name, town: v.town, ...answerNumbers(byVenue.get(v.id) ?? [], answerWithinDays) }));
  return { windowDays, answerWithinDays, from: from.toISOString(), to: to.toISOString(), venues: rows };
}
