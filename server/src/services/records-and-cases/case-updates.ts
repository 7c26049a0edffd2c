/**
 * Driving a follow-up case: status transitions (checked against
 * domain/case-lifecycle.ts), assignee, due date, resolution, internal notes,
 * and cases staff open by hand. Every change writes a CaseEvent; events the
 * voter may see (internal = false) carry no personal data.
 */
import { canMoveCase, nextCaseStatuses } from "../../domain/case-lifecycle.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import type { CaseCreate, CaseDetail, CaseEventView, CasePatch } from "../../protocol/back-office.ts";
import { AppError } from "../../protocol/errors.ts";
import type { CaseStatus } from "../../protocol/model.ts";
import type { Tx } from "../../store/prisma.ts";
import { toCaseView } from "../../store/views.ts";
import { BACK_OFFICE_ROLES, CLERK_ROLES, requireRole, requireVenueRole } from "../privacy-and-accounts/auth.ts";
import { caseInclude, detailOf, findCaseInScope } from "./cases.ts";
import type { Actor, AuthUser, ServiceDeps } from "../deps.ts";
import { trackingCode } from "../privacy-and-accounts/secrets.ts";


interface NewEvent {
  type: string;
  fromStatus?: CaseStatus;
  toStatus?: CaseStatus;
  note?: string | null;
  internal?: boolean;
}

const sameTime = (a: Date | null, b: Date | null | undefined): boolean => (a?.getTime() ?? null) === (b?.getTime() ?? null);

export async function updateCase(deps: ServiceDeps, actor: Actor, caseId: string, patch: CasePatch): Promise<CaseDetail> {
  const user = requireRole(actor, CLERK_ROLES);
  await findCaseInScope(deps.db, user, caseId);
  const now = deps.now();
  await deps.db.$transaction(async (tx) => {
    const c = await findCaseInScope(tx, user, caseId);
    const target = patch.status && patch.status !== c.status ? patch.status : null;
    if (target && !canMoveCase(c.status, target)) {
      throw new AppError("CONFLICT", `办理事项不能从 ${c.status} 变为 ${target} / cannot move a case from ${c.status} to ${target}`);
    }
    const assignee = patch.assignee === undefined ? c.assignee : patch.assignee || null;
    const resolution = patch.resolution === undefined ? c.resolution : patch.resolution || null;
    const dueAt = patch.dueAt === undefined ? c.dueAt : patch.dueAt;
    const category = patch.category ?? c.category;
    const summary = patch.summary ?? c.summary;
    const changes = {
      assignee: assignee !== c.assignee,
      resolution: resolution !== c.resolution,
      dueAt: !sameTime(c.dueAt, dueAt),
      edited: category !== c.category || summary !== c.summary,
    };
    if (nextCaseStatuses(c.status).length === 0 && (target || Object.values(changes).some(Boolean))) {
      throw new AppError("CONFLICT", "已归档或不予受理的事项不能再修改 / a closed or rejected case cannot be changed");
    }
    const missing: Record<string, string> = {};
    if (target === "ASSIGNED" && !assignee) missing.assignee = "required to assign";
    if (target === "RESOLVED" && !resolution) missing.resolution = "required to resolve";
    if (target === "REJECTED" && !patch.rejectReason) missing.rejectReason = "required to reject";
    if (patch.rejectReason && target !== "REJECTED") missing.rejectReason = "only with status REJECTED";
    if (Object.keys(missing).length) throw new AppError("BAD_REQUEST", "请求内容有误 / invalid request", missing);

    const data: Prisma.CaseUpdateManyMutationInput = { assignee, resolution, dueAt, category, summary, updatedAt: now };
    if (target) data.status = target;
    if (target === "REJECTED") data.rejectReason = patch.rejectReason;
    if (target === "RESOLVED") data.resolvedAt = now;
    if (c.status === "RESOLVED" && target === "IN_PROGRESS") data.resolvedAt = null;
    // Guarded by the state read above, so two people moving the same case cannot both win.
    const { count } = await tx.case.updateMany({ where: { id: c.id, status: c.status, updatedAt: c.updatedAt }, data });
    if (count === 0) throw new AppError("CONFLICT", "此事项刚被他人修改，请刷新 / the case was changed meanwhile, reload it");

    const events: NewEvent[] = [];
    if (changes.edited) {
      const what = [category !== c.category ? `类别：${c.category} → ${category}` : null, summary !== c.summary ? "摘要已修改" : null];
      events.push({ type: "edited", note: what.filter(Boolean).join("；"), internal: true });
    }
    if (changes.assignee) events.push({ type: "assigned", note: assignee });
    if (changes.dueAt) events.push({ type: "due", note: dueAt ? dueAt.toISOString() : null });
    if (changes.resolution && target !== "RESOLVED") events.push({ type: "resolution", note: resolution });
    if (target) {
      const note = patch.note || (target === "REJECTED" ? patch.rejectReason : target === "RESOLVED" ? resolution : null);
      events.push({ type: "status", fromStatus: c.status, toStatus: target, note: note ?? null });
    } else if (patch.note) {
      // A progress remark for the voter; internal notes go through POST /notes.
      events.push({ type: "progress", note: patch.note });
    }
    await writeEvents(tx, c.id, user, now, events);
  });
  return detailOf(deps, await findCaseInScope(deps.db, user, caseId));
}

async function writeEvents(tx: Tx, caseId: string, user: AuthUser, at: Date, events: NewEvent[]): Promise<void> {
  // One millisecond apart so the history keeps the order they were written in.
  for (const [i, e] of events.entries()) {
    await tx.caseEvent.create({
      data: {
        caseId,
        type: e.type,
        fromStatus: e.fromStatus ?? null,
        toStatus: e.toStatus ?? null,
        note: e.note ?? null,
        internal: e.internal ?? false,
        actorId: user.id,
        actorName: user.displayName,
        at: new Date(at.getTime() + i),
      },
    });
  }
}

export async function addCaseNote(deps: ServiceDeps, actor: Actor, caseId: string, text: string): Promise<{ event: CaseEventView }> {
  const user = requireRole(actor, BACK_OFFICE_ROLES);
  const c = await findCaseInScope(deps.db, user, caseId);
  const e = await deps.db.caseEvent.create({
    data: { caseId: c.id, type: "note", note: text, internal: true, actorId: user.id, actorName: user.displayName, at: deps.now() },
  });
  return {
    event: { id: e.id, type: e.type, fromStatus: null, toStatus: null, note: e.note, internal: true, actorName: e.actorName, at: e.at.toISOString() },
  };
}

/** Staff open a case by hand (a letter, a phone call, a concern raised after the day). */
export async function openCase(deps: ServiceDeps, actor: Actor, input: CaseCreate): Promise<CaseDetail> {
  const venue = await deps.db.venue.findUnique({ where: { id: input.venueId }, select: { id: true } });
  if (!venue) throw new AppError("NOT_FOUND", "没有这个联络站 / no such venue");
  const user = requireVenueRole(actor, venue.id, CLERK_ROLES);
  const sessionId = input.sessionId ?? null;
  if (sessionId) {
    const s = await deps.db.receptionSession.findUnique({ where: { id: sessionId }, select: { venueId: true } });
    if (!s || s.venueId !== venue.id) {
      throw new AppError("BAD_REQUEST", "请求内容有误 / invalid request", { sessionId: s ? "belongs to another venue" : "no such session" });
    }
  }
  const now = deps.now();
  const create = async (tx: Tx) => {
    const events: Prisma.CaseEventCreateWithoutCaseInput[] = [
      { type: "created", toStatus: "OPEN", actorId: user.id, actorName: user.displayName, at: now },
    ];
    if (input.assignee) events.push({ type: "assigned", note: input.assignee, actorId: user.id, actorName: user.displayName, at: new Date(now.getTime() + 1) });
    return tx.case.create({
      data: {
        trackingCode: trackingCode(),
        source: "STAFF",
        venueId: venue.id,
        sessionId,
        category: input.category,
        summary: input.summary,
        assignee: input.assignee || null,
        dueAt: input.dueAt ?? null,
        createdAt: now,
        updatedAt: now,
        events: { create: events },
      },
      include: caseInclude,
    });
  };
  // Inside the session's write lane the case joins the session's log (staff watchers see it live).
  const row = sessionId
    ? await deps.lanes.run(sessionId, async ({ tx, append }) => {
        const c = await create(tx);
        await append({ type: "case.created", data: toCaseView(c) }, now, user.id);
        return c;
      })
    : await deps.db.$transaction((tx) => create(tx));
  return detailOf(deps, row);
}
