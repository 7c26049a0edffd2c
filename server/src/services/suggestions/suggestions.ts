/**
 * Reading deputies' suggestions (docs/ARCHITECTURE.md §6e): who may see which
 * (lead and co-signing deputies, the assigned departments, staff of the venues
 * of its cases, admins), the list with filters, one with its history, and what
 * a voter's tracking page shows of the suggestion their concern became.
 */
import { SUPERVISED_STATUSES, supervisionOf, supervisionWindow } from "../../domain/suggestion-lifecycle.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import { AppError } from "../../protocol/errors.ts";
import type { TrackSuggestionView } from "../../protocol/model.ts";
import type {
  AnswerKind,
  CountersignDecision,
  EvaluationResult,
  SuggestionDetail,
  SuggestionEventView,
  SuggestionQuery,
  SuggestionStatus,
  SuggestionView,
} from "../../protocol/suggestions.ts";
import type { Db, Tx } from "../../store/prisma.ts";
import { requireUser } from "../privacy-and-accounts/auth.ts";
import type { Actor, AuthUser, ServiceDeps } from "../deps.ts";

export const suggestionInclude = {
  leadDeputy: { select: { displayName: true } },
  leadDepartment: { select: { name: true } },
  coSigners: { include: { user: { select: { displayName: true } } } },
  coDepartments: { include: { department: { select: { name: true } } } },
  cases: { include: { case: { select: { id: true, trackingCode: true, category: true, summary: true, venueId: true, venue: { select: { name: true } } } } } },
  answers: { include: { department: { select: { name: true } } }, orderBy: [{ at: "asc" }, { id: "asc" }] },
  evaluations: { orderBy: [{ at: "asc" }, { id: "asc" }] },
} satisfies Prisma.SuggestionInclude;

export type SuggestionRow = Prisma.SuggestionGetPayload<{ include: typeof suggestionInclude }>;

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The view for `viewer`: a department reads the suggestion, never the voters'
 * cases behind it (their summaries are personal, their tracking codes open the
 * voter's page), so it gets the case ids only.
 */
export function toSuggestionView(s: SuggestionRow, now: Date, viewer: AuthUser): SuggestionView {
  const coSigners = [...s.coSigners].sort((a, b) => byText(a.userId, b.userId));
  const coDepartments = [...s.coDepartments].sort((a, b) => byText(a.department.name, b.department.name));
  const cases = [...s.cases].sort((a, b) => byText(a.case.trackingCode, b.case.trackingCode));
  const evaluations = s.evaluations.map((e) => ({ round: e.round, result: e.result as EvaluationResult, comment: e.comment, at: e.at.toISOString() }));
  // 会签 is between the departments and the office: a deputy reads the answer once it goes out.
  const seesCountersign = viewer.role !== "DEPUTY";
  return {
    id: s.id,
    number: s.number,
    title: s.title,
    body: s.body,
    category: s.category,
    status: s.status,
    leadDeputyId: s.leadDeputyId,
    coSignerIds: coSigners.map((c) => c.userId),
    caseIds: cases.map((c) => c.caseId),
    leadDepartmentId: s.leadDepartmentId,
    coDepartmentIds: coDepartments.map((c) => c.departmentId),
    dueAt: s.dueAt?.toISOString() ?? null,
    answers: s.answers.map((a) => ({
      id: a.id,
      round: a.round,
      kind: a.kind as AnswerKind,
      text: a.text,
      departmentId: a.departmentId,
      departmentName: a.department.name,
      at: a.at.toISOString(),
    })),
    evaluation: evaluations.at(-1) ?? null,
    supervision: supervisionOf(s, now),
    secondRound: s.secondRound,
    leadDeputyName: s.leadDeputy.displayName,
    coSignerNames: coSigners.map((c) => c.user.displayName),
    leadDepartmentName: s.leadDepartment?.name ?? null,
    coDepartmentNames: coDepartments.map((c) => c.department.name),
    cases: viewer.role === "DEPARTMENT" ? [] : cases.map((c) => ({ id: c.case.id, trackingCode: c.case.trackingCode, category: c.case.category, summary: c.case.summary, venueName: c.case.venue.name })),
    evaluations,
    draftAnswer:
      seesCountersign && s.draftKind && s.draftText && s.draftAt ? { kind: s.draftKind as AnswerKind, text: s.draftText, at: s.draftAt.toISOString() } : null,
    countersigns: seesCountersign
      ? coDepartments.map((c) => ({
          departmentId: c.departmentId,
          departmentName: c.department.name,
          decision: c.countersign as CountersignDecision | null,
          note: c.countersignNote,
          at: c.countersignedAt?.toISOString() ?? null,
        }))
      : [],
    submittedAt: s.submittedAt?.toISOString() ?? null,
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
  };
}

/** The suggestions a user may see, as a where clause. */
export function visibleTo(user: AuthUser): Prisma.SuggestionWhereInput {
  switch (user.role) {
    case "ADMIN":
      return {};
    case "DEPUTY":
      return { OR: [{ leadDeputyId: user.id }, { coSigners: { some: { userId: user.id } } }] };
    case "DEPARTMENT": {
      const d = user.departmentId ?? "-";
      return { OR: [{ leadDepartmentId: d }, { coDepartments: { some: { departmentId: d } } }] };
    }
    case "STAFF":
      return { cases: { some: { case: { venueId: { in: user.venueIds } } } } };
    default: {
      const never: never = user.role;
      return never;
    }
  }
}

/** The same rule on a loaded row. */
export function maySee(user: AuthUser, s: SuggestionRow): boolean {
  switch (user.role) {
    case "ADMIN":
      return true;
    case "DEPUTY":
      return s.leadDeputyId === user.id || s.coSigners.some((c) => c.userId === user.id);
    case "DEPARTMENT":
      return !!user.departmentId && (s.leadDepartmentId === user.departmentId || s.coDepartments.some((c) => c.departmentId === user.departmentId));
    case "STAFF":
      return s.cases.some((c) => user.venueIds.includes(c.case.venueId));
    default: {
      const never: never = user.role;
      return never;
    }
  }
}

/** Loads a suggestion (404) the caller may see (403). */
export async function findSuggestionInScope(db: Db | Tx, user: AuthUser, id: string): Promise<SuggestionRow> {
  const s = await db.suggestion.findUnique({ where: { id }, include: suggestionInclude });
  if (!s) throw new AppError("NOT_FOUND", "没有这条代表建议 / no such suggestion");
  if (!maySee(user, s)) throw new AppError("FORBIDDEN", "无权查看这条代表建议 / not allowed to see this suggestion");
  return s;
}

const SUPERVISION_ORDER = { RED: 0, YELLOW: 1, GREEN: 2 } as const;

export async function listSuggestions(deps: ServiceDeps, actor: Actor, f: SuggestionQuery): Promise<{ suggestions: SuggestionView[]; total: number }> {
  const user = requireUser(actor);
  const now = deps.now();
  const and: Prisma.SuggestionWhereInput[] = [visibleTo(user)];
  if (f.status) and.push({ status: f.status });
  if (f.departmentId) and.push({ OR: [{ leadDepartmentId: f.departmentId }, { coDepartments: { some: { departmentId: f.departmentId } } }] });
  if (f.supervision) and.push({ status: { in: [...SUPERVISED_STATUSES] }, dueAt: supervisionWindow(f.supervision, now) });
  const rows = await deps.db.suggestion.findMany({ where: { AND: and }, include: suggestionInclude, orderBy: [{ updatedAt: "desc" }, { id: "asc" }], take: 500 });
  const views = rows.map((r) => toSuggestionView(r, now, user));
  // The office reads overdue first, then by how soon; the rest as they last moved.
  const rank = (v: SuggestionView) => (v.supervision ? SUPERVISION_ORDER[v.supervision] : 3);
  views.sort((a, b) => rank(a) - rank(b) || (a.supervision && b.supervision ? byText(a.dueAt ?? "", b.dueAt ?? "") : 0));
  return { suggestions: views, total: views.length };
}

export async function suggestionDetail(deps: ServiceDeps, actor: Actor, id: string): Promise<{ suggestion: SuggestionDetail }> {
  const user = requireUser(actor);
  return { suggestion: await detailOf(deps, await findSuggestionInScope(deps.db, user, id), user) };
}

export async function detailOf(deps: ServiceDeps, s: SuggestionRow, viewer: AuthUser): Promise<SuggestionDetail> {
  const events = await deps.db.suggestionEvent.findMany({ where: { suggestionId: s.id }, orderBy: [{ at: "asc" }, { id: "asc" }] });
  return {
    ...toSuggestionView(s, deps.now(), viewer),
    history: events.map(
      (e): SuggestionEventView => ({
        id: e.id,
        type: e.type,
        fromStatus: e.fromStatus as SuggestionStatus | null,
        toStatus: e.toStatus as SuggestionStatus | null,
        note: e.note,
        actorName: e.actorName,
        at: e.at.toISOString(),
      }),
    ),
  };
}

/**
 * What the voter's tracking page shows (§6e): the latest suggestion the case
 * was drawn into, its number, status, title, department and latest answer —
 * public text the deputy and the department wrote; no voter's name.
 */
export async function trackSuggestion(db: Db, caseId: string): Promise<TrackSuggestionView | null> {
  const link = await db.suggestionCase.findFirst({
    where: { caseId },
    orderBy: [{ suggestion: { createdAt: "desc" } }, { suggestionId: "desc" }],
    include: {
      suggestion: {
        select: {
          number: true,
          status: true,
          title: true,
          leadDepartment: { select: { name: true } },
          answers: { orderBy: [{ at: "desc" }, { id: "desc" }], take: 1, select: { kind: true, text: true, at: true } },
        },
      },
    },
  });
  if (!link) return null;
  const s = link.suggestion;
  const answer = s.answers[0];
  return {
    number: s.number,
    status: s.status,
    title: s.title,
    departmentName: s.leadDepartment?.name ?? null,
    ...(answer ? { answer: { kind: answer.kind as AnswerKind, text: answer.text, at: answer.at.toISOString() } } : {}),
  };
}
