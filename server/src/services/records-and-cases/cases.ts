/** Reading follow-up cases (意见建议办理): the list with filters and one case with its history. */
import { effectiveDueAt, isOverdue, PENDING_CASE_STATUSES } from "../../domain/case-due.ts";
import { nextCaseStatuses } from "../../domain/case-lifecycle.ts";
import { maskPhone } from "../../domain/privacy.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import type { CaseDetail, CaseEventView, CaseListItem, CaseQuery } from "../../protocol/back-office.ts";
import { AppError } from "../../protocol/errors.ts";
import type { Db, Tx } from "../../store/prisma.ts";
import { toCaseView } from "../../store/views.ts";
import { BACK_OFFICE_ROLES, requireRole } from "../privacy-and-accounts/auth.ts";
import type { Actor, AuthUser, ServiceDeps } from "../deps.ts";
import { messageStaffView } from "../messages-and-forums/message-box.ts";
import { currentWeights } from "../duty-and-scoring/scoring-weights.ts";
import { venueFilter } from "../privacy-and-accounts/venue-scope.ts";

const DAY_MS = 24 * 60 * 60 * 1000;

export const caseInclude = {
  venue: { select: { name: true, town: true } },
  session: { select: { title: true, startsAt: true } },
  ticket: { select: { label: true, name: true, phone: true, channel: true, topic: true, question: true } },
} satisfies Prisma.CaseInclude;

export type CaseRow = Prisma.CaseGetPayload<{ include: typeof caseInclude }>;

export function toCaseListItem(c: CaseRow, now: Date, defaultDueDays: number): CaseListItem {
  return {
    ...toCaseView(c),
    venueName: c.venue.name,
    town: c.venue.town,
    sessionTitle: c.session?.title ?? null,
    sessionStartsAt: c.session?.startsAt.toISOString() ?? null,
    ticketLabel: c.ticket?.label ?? null,
    resolvedAt: c.resolvedAt?.toISOString() ?? null,
    feedbackAt: c.feedbackAt?.toISOString() ?? null,
    effectiveDueAt: effectiveDueAt(c, defaultDueDays).toISOString(),
    overdue: isOverdue(c, now, defaultDueDays),
  };
}

export async function listCases(deps: ServiceDeps, actor: Actor, f: CaseQuery): Promise<{ cases: CaseListItem[]; total: number }> {
  const user = requireRole(actor, BACK_OFFICE_ROLES);
  const { weights } = await currentWeights(deps);
  const now = deps.now();
  const and: Prisma.CaseWhereInput[] = [];
  if (f.q) {
    and.push({
      OR: [
        { summary: { contains: f.q } },
        { category: { contains: f.q } },
        { trackingCode: { contains: f.q.toUpperCase() } },
        { assignee: { contains: f.q } },
        { resolution: { contains: f.q } },
        { message: { is: { text: { contains: f.q } } } },
      ],
    });
  }
  if (f.overdue !== undefined) {
    const cutoff = new Date(now.getTime() - weights.defaultDueDays * DAY_MS);
    // Spelled out both ways: NOT(…) over a NULL dueAt would drop rows (SQL's three-valued logic).
    const late: Prisma.CaseWhereInput = {
      status: { in: [...PENDING_CASE_STATUSES] },
      OR: [{ dueAt: { lt: now } }, { dueAt: null, createdAt: { lt: cutoff } }],
    };
    const onTime: Prisma.CaseWhereInput = {
      OR: [{ status: { notIn: [...PENDING_CASE_STATUSES] } }, { dueAt: { gte: now } }, { dueAt: null, createdAt: { gte: cutoff } }],
    };
    and.push(f.overdue ? late : onTime);
  }
  const where: Prisma.CaseWhereInput = {
    venueId: venueFilter(user, f.venueId),
    sessionId: f.sessionId,
    status: f.status ? { in: f.status } : undefined,
    source: f.source ? { in: f.source } : undefined,
    createdAt: f.from || f.to ? { gte: f.from, lt: f.to } : undefined,
    AND: and.length ? and : undefined,
  };
  const [rows, total] = await Promise.all([
    deps.db.case.findMany({
      where,
      include: caseInclude,
      orderBy: f.sort === "support" ? [{ supportCount: "desc" }, { createdAt: "desc" }, { id: "asc" }] : [{ createdAt: "desc" }, { id: "asc" }],
      take: f.limit ?? 200,
      skip: f.offset ?? 0,
    }),
    deps.db.case.count({ where }),
  ]);
  return { cases: rows.map((c) => toCaseListItem(c, now, weights.defaultDueDays)), total };
}

/** Loads a case and checks the caller may see it (404 before 403 would reveal nothing: both need the row). */
export async function findCaseInScope(db: Db | Tx, user: AuthUser, caseId: string): Promise<CaseRow> {
  const c = await db.case.findUnique({ where: { id: caseId }, include: caseInclude });
  if (!c) throw new AppError("NOT_FOUND", "没有这个办理事项 / no such case");
  if (user.role !== "ADMIN" && !user.venueIds.includes(c.venueId)) {
    throw new AppError("FORBIDDEN", "无权查看此联络站的办理事项 / not allowed for this venue");
  }
  return c;
}

export async function caseDetail(deps: ServiceDeps, actor: Actor, caseId: string): Promise<CaseDetail> {
  const user = requireRole(actor, BACK_OFFICE_ROLES);
  return detailOf(deps, await findCaseInScope(deps.db, user, caseId));
}

export async function detailOf(deps: ServiceDeps, c: CaseRow): Promise<CaseDetail> {
  const [{ weights }, events, message] = await Promise.all([
    currentWeights(deps),
    deps.db.caseEvent.findMany({ where: { caseId: c.id }, orderBy: [{ at: "asc" }, { id: "asc" }] }),
    deps.db.voterMessage.findUnique({ where: { caseId: c.id } }),
  ]);
  return {
    case: toCaseListItem(c, deps.now(), weights.defaultDueDays),
    voter: c.ticket
      ? { label: c.ticket.label, name: c.ticket.name, phone: maskPhone(c.ticket.phone), channel: c.ticket.channel, topic: c.ticket.topic, question: c.ticket.question }
      : null,
    message: await messageStaffView(deps.db, message),
    history: events.map(
      (e): CaseEventView => ({
        id: e.id,
        type: e.type,
        fromStatus: e.fromStatus,
        toStatus: e.toStatus,
        note: e.note,
        internal: e.internal,
        actorName: e.actorName,
        at: e.at.toISOString(),
      }),
    ),
    nextStatuses: [...nextCaseStatuses(c.status)],
  };
}
