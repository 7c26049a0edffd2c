/** /track/:code — a voter follows their concern: plain status history, no personal data, no internal notes. */
import { canRate } from "../domain/case-lifecycle.ts";
import { AppError } from "../protocol/errors.ts";
import type { TrackView } from "../protocol/model.ts";
import type { ServiceDeps } from "./deps.ts";

export async function trackCase(deps: ServiceDeps, code: string): Promise<TrackView> {
  const c = await deps.db.case.findUnique({
    where: { trackingCode: code.trim().toUpperCase() },
    include: {
      venue: { select: { name: true } },
      session: { select: { title: true } },
      events: { where: { internal: false }, orderBy: { at: "asc" } },
    },
  });
  if (!c) throw new AppError("NOT_FOUND", "没有这个查询码 / no case with this tracking code");
  return {
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
}
