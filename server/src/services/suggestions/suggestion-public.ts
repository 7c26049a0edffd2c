/**
 * Public accountability for deputies' suggestions (docs/ARCHITECTURE.md §6e):
 * what each station's page shows of the suggestions born from its concerns —
 * how many, how they were answered (A/B/C), on time, and whether the deputies
 * were satisfied. Drafts are the deputy's own until submitted: not counted.
 */
import { AppError } from "../../protocol/errors.ts";
import type { AnswerKind, VenueSuggestionsView } from "../../protocol/suggestions.ts";
import type { ServiceDeps } from "../deps.ts";

const RECENT = 5;

export async function venueSuggestions(deps: ServiceDeps, venueId: string): Promise<VenueSuggestionsView> {
  const venue = await deps.db.venue.findUnique({ where: { id: venueId }, select: { id: true } });
  if (!venue) throw new AppError("NOT_FOUND", "没有这个联络站 / no such venue");
  const rows = await deps.db.suggestion.findMany({
    where: { status: { not: "DRAFT" }, cases: { some: { case: { venueId } } } },
    orderBy: [{ submittedAt: "desc" }, { id: "asc" }],
    select: {
      number: true,
      title: true,
      status: true,
      dueAt: true,
      leadDepartment: { select: { name: true } },
      answers: { orderBy: [{ at: "desc" }, { id: "desc" }], take: 1, select: { kind: true, at: true } },
      evaluations: { orderBy: [{ at: "desc" }, { id: "desc" }], take: 1, select: { result: true } },
    },
  });
  const byKind: Record<AnswerKind, number> = { A: 0, B: 0, C: 0 };
  let answered = 0;
  let onTime = 0;
  let satisfied = 0;
  let evaluated = 0;
  for (const r of rows) {
    const a = r.answers[0];
    if (a) {
      answered++;
      byKind[a.kind as AnswerKind]++;
      if (r.dueAt && a.at.getTime() <= r.dueAt.getTime()) onTime++;
    }
    const e = r.evaluations[0];
    if (e && r.status === "EVALUATED") {
      evaluated++;
      if (e.result !== "UNSATISFIED") satisfied++;
    }
  }
  return {
    counts: { total: rows.length, answered, byKind, onTime, satisfied, evaluated },
    recent: rows.slice(0, RECENT).map((r) => ({
      number: r.number,
      title: r.title,
      status: r.status,
      departmentName: r.leadDepartment?.name ?? null,
      answerKind: (r.answers[0]?.kind as AnswerKind | undefined) ?? null,
      answeredAt: r.answers[0]?.at.toISOString() ?? null,
    })),
  };
}
