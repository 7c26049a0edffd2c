/** The voter rates how their concern was handled, once, after it is resolved (/track/:code). */
import { canRate } from "../../domain/case-lifecycle.ts";
import { AppError } from "../../protocol/errors.ts";
import type { TrackView } from "../../protocol/model.ts";
import type { ServiceDeps } from "../deps.ts";
import { trackCase } from "./tracking.ts";

export async function rateCase(deps: ServiceDeps, code: string, input: { satisfaction: number; comment?: string | null | undefined }): Promise<TrackView> {
  const trackingCode = code.trim().toUpperCase();
  const now = deps.now();
  await deps.db.$transaction(async (tx) => {
    const c = await tx.case.findUnique({ where: { trackingCode }, select: { id: true, status: true, satisfaction: true } });
    if (!c) throw new AppError("NOT_FOUND", "没有这个查询码 / no case with this tracking code");
    if (!canRate(c.status, c.satisfaction != null)) {
      throw new AppError(
        "CONFLICT",
        c.satisfaction != null ? "已经评价过了 / already rated" : "办结后才能评价 / you can rate once the case is resolved",
      );
    }
    // The guard repeats the check in the write, so two taps cannot both rate.
    const { count } = await tx.case.updateMany({
      where: { id: c.id, satisfaction: null, status: { in: ["RESOLVED", "CLOSED"] } },
      data: { satisfaction: input.satisfaction, feedbackComment: input.comment || null, feedbackAt: now, updatedAt: now },
    });
    if (count === 0) throw new AppError("CONFLICT", "已经评价过了 / already rated");
    await tx.caseEvent.create({ data: { caseId: c.id, type: "feedback", note: null, internal: false, at: now } });
  });
  return trackCase(deps, trackingCode);
}
