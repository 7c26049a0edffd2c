/** /track/:code — a voter follows their concern: plain status history, no personal data, no internal notes. */
import { canRate } from "../../domain/case-lifecycle.ts";
import { AppError } from "../../protocol/errors.ts";
import type { TrackSuggestionView, TrackView } from "../../protocol/model.ts";
import type { ServiceDeps } from "../deps.ts";
import { trackSuggestion } from "../suggestions/suggestions.ts";

export async function trackCase(deps: ServiceDeps, code: string): Promise<TrackView> {
  return (await loadTracked(deps, code)).view;
}

/** GET /api/track/:code: the case, and the deputy's suggestion it became (§6e; null if none). */
export async function trackPage(deps: ServiceDeps, code: string): Promise<{ case: TrackView; suggestion: TrackSuggestionView | null }> {
  const { id, view } = await loadTracked(deps, code);
  return { case: view, suggestion: await trackSuggestion(deps.db, id) };
}

async function loadTracked(deps: ServiceDeps, code: string): Promise<{ id: string; view: TrackView }> {
  const c = await deps.db.case.findUnique({
    where: { trackingCode: code.trim().toUpperCase() },
    include: {
      venue: { select: { name: true } },
      session: { select: { title: true } },
      events: { where: { internal: false }, orderBy: { at: "asc" } },
    },
  });
  if (!c) throw new AppError("NOT_FOUND", "没有这个查询码 / no case with this tracking code");
  const view: TrackView = {
    trackingCode: c.trackingCode,
    status: c.status,
    source: c.source,
    category: c.category,
    summary: c.summary,
    venueName: c.venue.name,
    sessionTitle: c.session?.title ?? null,
    resolution: c.resolution,
    rejectReason: c.rejectReason,
    dueAt: c.dueAt?.toISOString() ?? null,
    satisfaction: c.satisfaction,
    feedbackComment: c.feedbackComment,
    canRate: canRate(c.status, c.satisfaction != null),
    history: c.events.map((e) => ({ type: e.type, status: e.toStatus, note: e.type === "note" ? null : e.note, at: e.at.toISOString() })),
    createdAt: c.createdAt.toISOString(),
  };
  return { id: c.id, view };
}
