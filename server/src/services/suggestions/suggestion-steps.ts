/**
 * Driving a deputy's suggestion (docs/ARCHITECTURE.md §6e): the lead deputy
 * drafts it from cases and submits it, the office (staff of a venue of its
 * cases, or an admin) assigns it to departments with a deadline, the lead
 * department answers — with helper departments, they countersign (会签) the
 * answer before it goes out — the lead deputy evaluates. Each step is checked against
 * domain/suggestion-lifecycle.ts, guarded against a concurrent step, and
 * written with a history entry in one transaction.
 */
import {
  afterAnswer,
  afterCountersign,
  afterEvaluation,
  afterWorkingDays,
  canTakeStep,
  RETURN_WORKING_DAYS,
  suggestionNumber,
  suggestionYear,
  type Countersign,
  type SuggestionStep,
} from "../../domain/suggestion-lifecycle.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import { AppError } from "../../protocol/errors.ts";
import { EVALUATION_RESULT_ZH } from "../../protocol/labels-zh.ts";
import type {
  SuggestionAnswerInput,
  SuggestionAssign,
  SuggestionClassifyInput,
  SuggestionCountersignInput,
  SuggestionCreate,
  SuggestionDetail,
  SuggestionEvaluateInput,
  SuggestionPatch,
  SuggestionReturnInput,
  SuggestionStatus,
} from "../../protocol/suggestions.ts";
import type { Tx } from "../../store/prisma.ts";
import { requireUser } from "../privacy-and-accounts/auth.ts";
import type { Actor, AuthUser, ServiceDeps } from "../deps.ts";
import { detailOf, findSuggestionInScope, suggestionInclude, type SuggestionRow } from "./suggestions.ts";

const invalid = (details: Record<string, string>) => new AppError("BAD_REQUEST", "请求内容有误 / invalid request", details);
const STEP_WORDS: Record<SuggestionStep, string> = {
  edit: "修改",
  submit: "提交",
  assign: "交办",
  answer: "答复",
  evaluate: "评价",
  return: "退办",
  countersign: "会签",
};

function requireStep(s: { status: SuggestionStatus }, step: SuggestionStep): void {
  if (!canTakeStep(s.status, step)) {
    throw new AppError("CONFLICT", `此建议当前状态（${s.status}）不能${STEP_WORDS[step]} / cannot ${step} a suggestion that is ${s.status}`);
  }
}

function requireLeadDeputy(user: AuthUser, s: SuggestionRow): void {
  if (user.role !== "DEPUTY" || s.leadDeputyId !== user.id) {
    throw new AppError("FORBIDDEN", "只有领衔代表可以这样做 / only the lead deputy may do this");
  }
}

/** The cases must exist (400) and be of the deputy's venues (403); co-signers must be other deputies (400). */
async function checkLinks(tx: Tx, user: AuthUser, caseIds: string[] | undefined, coSignerIds: string[] | undefined): Promise<void> {
  if (caseIds?.length) {
    const cases = await tx.case.findMany({ where: { id: { in: caseIds } }, select: { venueId: true } });
    if (cases.length !== new Set(caseIds).size) throw invalid({ caseIds: "unknown case" });
    if (cases.some((c) => !user.venueIds.includes(c.venueId))) {
      throw new AppError("FORBIDDEN", "只能引用本联络站的办理事项 / only cases of your own venues");
    }
  }
  if (coSignerIds?.length) {
    if (coSignerIds.includes(user.id)) throw invalid({ coSignerIds: "the lead deputy cannot co-sign" });
    const found = await tx.user.count({ where: { id: { in: coSignerIds }, role: "DEPUTY", disabled: false } });
    if (found !== new Set(coSignerIds).size) throw invalid({ coSignerIds: "not a deputy" });
  }
}

interface NewEvent {
  type: string;
  fromStatus?: SuggestionStatus;
  toStatus?: SuggestionStatus;
  note?: string | null;
  /** whom the history names, when not the caller (the answer 会签 sent out is the lead department's) */
  actorName?: string;
}

async function writeEvent(tx: Tx, suggestionId: string, user: AuthUser, at: Date, e: NewEvent): Promise<void> {
  await tx.suggestionEvent.create({
    data: {
      suggestionId,
      type: e.type,
      fromStatus: e.fromStatus ?? null,
      toStatus: e.toStatus ?? null,
      note: e.note ?? null,
      actorId: e.actorName === undefined ? user.id : null,
      actorName: e.actorName ?? user.displayName,
      at,
    },
  });
}

/**
 * Moves the suggestion if nobody moved it since it was read (status and
 * updatedAt), so two people acting at once cannot both win.
 */
async function guardedUpdate(tx: Tx, s: SuggestionRow, data: Prisma.SuggestionUncheckedUpdateManyInput): Promise<void> {
  const { count } = await tx.suggestion.updateMany({ where: { id: s.id, status: s.status, updatedAt: s.updatedAt }, data });
  if (count === 0) throw new AppError("CONFLICT", "此建议刚被他人修改，请刷新 / the suggestion was changed meanwhile, reload it");
}

/** Reads, checks and writes one step in a transaction, then answers the caller's view. */
async function step(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
  run: (tx: Tx, user: AuthUser, s: SuggestionRow, now: Date) => Promise<void>,
): Promise<{ suggestion: SuggestionDetail }> {
  const user = requireUser(actor);
  const now = deps.now();
  await deps.db.$transaction(async (tx) => run(tx, user, await findSuggestionInScope(tx, user, id), now));
  // Read back without the scope check: the caller answers with what its own step made,
  // even when the step took the suggestion off its desk (退办).
  const after = await deps.db.suggestion.findUniqueOrThrow({ where: { id }, include: suggestionInclude });
  return { suggestion: await detailOf(deps, after, user) };
}

export async function createSuggestion(deps: ServiceDeps, actor: Actor, input: SuggestionCreate): Promise<{ suggestion: SuggestionDetail }> {
  const user = requireUser(actor);
  if (user.role !== "DEPUTY") throw new AppError("FORBIDDEN", "只有代表可以起草建议 / only deputies draft suggestions");
  const now = deps.now();
  const year = suggestionYear(now);
  // The year's next number; two drafts at once may pick the same one: the loser (unique year+seq) tries again.
  for (let attempt = 0; ; attempt++) {
    try {
      const id = await deps.db.$transaction(async (tx) => {
        await checkLinks(tx, user, input.caseIds, input.coSignerIds);
        const last = await tx.suggestion.findFirst({ where: { year }, orderBy: { seq: "desc" }, select: { seq: true } });
        const seq = (last?.seq ?? 0) + 1;
        const s = await tx.suggestion.create({
          data: {
            number: suggestionNumber(year, seq),
            year,
            seq,
            title: input.title,
            body: input.body,
            category: input.category,
            leadDeputyId: user.id,
            createdAt: now,
            updatedAt: now,
            cases: { create: [...new Set(input.caseIds)].map((caseId) => ({ caseId })) },
            coSigners: { create: [...new Set(input.coSignerIds)].map((userId) => ({ userId })) },
          },
        });
        await writeEvent(tx, s.id, user, now, { type: "created", toStatus: "DRAFT" });
        return s.id;
      });
      return { suggestion: await detailOf(deps, await findSuggestionInScope(deps.db, user, id), user) };
    } catch (e) {
      if ((e as { code?: string }).code === "P2002" && attempt < 5) continue;
      throw e;
    }
  }
}

export function updateSuggestion(deps: ServiceDeps, actor: Actor, id: string, patch: SuggestionPatch): Promise<{ suggestion: SuggestionDetail }> {
  return step(deps, actor, id, async (tx, user, s, now) => {
    requireLeadDeputy(user, s);
    requireStep(s, "edit");
    await checkLinks(tx, user, patch.caseIds, patch.coSignerIds);
    await guardedUpdate(tx, s, { title: patch.title, body: patch.body, category: patch.category, updatedAt: now });
    if (patch.caseIds) {
      await tx.suggestionCase.deleteMany({ where: { suggestionId: s.id } });
      await tx.suggestionCase.createMany({ data: [...new Set(patch.caseIds)].map((caseId) => ({ suggestionId: s.id, caseId })) });
    }
    if (patch.coSignerIds) {
      await tx.suggestionCoSigner.deleteMany({ where: { suggestionId: s.id } });
      await tx.suggestionCoSigner.createMany({ data: [...new Set(patch.coSignerIds)].map((userId) => ({ suggestionId: s.id, userId })) });
    }
    await writeEvent(tx, s.id, user, now, { type: "edited" });
  });
}

export function submitSuggestion(deps: ServiceDeps, actor: Actor, id: string): Promise<{ suggestion: SuggestionDetail }> {
  return step(deps, actor, id, async (tx, user, s, now) => {
    requireLeadDeputy(user, s);
    requireStep(s, "submit");
    await guardedUpdate(tx, s, { status: "SUBMITTED", submittedAt: now, updatedAt: now });
    await writeEvent(tx, s.id, user, now, { type: "status", fromStatus: s.status, toStatus: "SUBMITTED" });
  });
}

export function assignSuggestion(deps: ServiceDeps, actor: Actor, id: string, input: SuggestionAssign): Promise<{ suggestion: SuggestionDetail }> {
  return step(deps, actor, id, async (tx, user, s, now) => {
    // The office: an admin, or staff of a venue one of its cases came from (maySee already says so for staff).
    if (user.role !== "ADMIN" && user.role !== "STAFF") throw new AppError("FORBIDDEN", "只有人大工作人员可以交办 / only the office assigns suggestions");
    const co = [...new Set(input.coDepartmentIds)];
    const details: Record<string, string> = {};
    if (co.includes(input.leadDepartmentId)) details.coDepartmentIds = "the lead department cannot also help";
    if (input.dueAt.getTime() <= now.getTime()) details.dueAt = "must be in the future";
    const known = await tx.department.findMany({ where: { id: { in: [input.leadDepartmentId, ...co] } }, select: { id: true, name: true } });
    const name = new Map(known.map((d) => [d.id, d.name]));
    if (!name.has(input.leadDepartmentId)) details.leadDepartmentId = "unknown department";
    if (co.some((d) => !name.has(d))) details.coDepartmentIds ??= "unknown department";
    if (Object.keys(details).length) throw invalid(details);
    requireStep(s, "assign");
    // Another department, another draft: a draft answer (and its countersigns) of the earlier assignment goes.
    await guardedUpdate(tx, s, {
      status: "ASSIGNED",
      leadDepartmentId: input.leadDepartmentId,
      dueAt: input.dueAt,
      draftKind: null,
      draftText: null,
      draftAt: null,
      updatedAt: now,
    });
    await tx.suggestionCoDepartment.deleteMany({ where: { suggestionId: s.id } });
    if (co.length) await tx.suggestionCoDepartment.createMany({ data: co.map((departmentId) => ({ suggestionId: s.id, departmentId })) });
    const helpers = co.map((d) => name.get(d)).join("、");
    await writeEvent(tx, s.id, user, now, {
      type: s.status === "ASSIGNED" ? "reassigned" : "status",
      fromStatus: s.status,
      toStatus: "ASSIGNED",
      note: `主办：${name.get(input.leadDepartmentId)}${helpers ? `；协办：${helpers}` : ""}；办理期限：${input.dueAt.toISOString()}`,
    });
  });
}

function requireLeadDepartment(user: AuthUser, s: SuggestionRow): string {
  if (user.role !== "DEPARTMENT" || !user.departmentId || user.departmentId !== s.leadDepartmentId) {
    throw new AppError("FORBIDDEN", "只有主办单位可以这样做 / only the lead department may do this");
  }
  return user.departmentId;
}

/**
 * 退办: the lead department gives a suggestion outside its responsibility back
 * to the office, with a reason, within 7 working days of being assigned it and
 * before any answer; the office assigns it again.
 */
export function returnSuggestion(deps: ServiceDeps, actor: Actor, id: string, input: SuggestionReturnInput): Promise<{ suggestion: SuggestionDetail }> {
  return step(deps, actor, id, async (tx, user, s, now) => {
    requireLeadDepartment(user, s);
    requireStep(s, "return");
    if (s.secondRound) throw new AppError("CONFLICT", "重新办理中的建议不能退办 / a suggestion in its second handling cannot be returned");
    if (s.draftAt) throw new AppError("CONFLICT", "已拟答复的建议不能退办 / a suggestion already answered cannot be returned");
    const assigned = await tx.suggestionEvent.findFirst({
      where: { suggestionId: s.id, toStatus: "ASSIGNED", type: { in: ["status", "reassigned"] } },
      orderBy: [{ at: "desc" }, { id: "desc" }],
      select: { at: true },
    });
    if (!assigned || now.getTime() > afterWorkingDays(assigned.at, RETURN_WORKING_DAYS).getTime()) {
      throw new AppError("CONFLICT", `交办已超过${RETURN_WORKING_DAYS}个工作日，不能退办 / more than ${RETURN_WORKING_DAYS} working days since it was assigned`);
    }
    await guardedUpdate(tx, s, { status: "SUBMITTED", leadDepartmentId: null, dueAt: null, updatedAt: now });
    await tx.suggestionCoDepartment.deleteMany({ where: { suggestionId: s.id } });
    await writeEvent(tx, s.id, user, now, { type: "returned", fromStatus: s.status, toStatus: "SUBMITTED", note: `${s.leadDepartment?.name ?? ""}：${input.reason}` });
  });
}

export function answerSuggestion(deps: ServiceDeps, actor: Actor, id: string, input: SuggestionAnswerInput): Promise<{ suggestion: SuggestionDetail }> {
  return step(deps, actor, id, async (tx, user, s, now) => {
    const departmentId = requireLeadDepartment(user, s);
    requireStep(s, "answer");
    const next = afterAnswer(s.coDepartments.length);
    if (next === "COUNTERSIGNING") {
      // 会签: the answer waits as a draft; every helper signs this version afresh.
      await guardedUpdate(tx, s, { status: next, draftKind: input.kind, draftText: input.text, draftAt: now, updatedAt: now });
      await tx.suggestionCoDepartment.updateMany({ where: { suggestionId: s.id }, data: { countersign: null, countersignNote: null, countersignedAt: null } });
      const helpers = s.coDepartments.map((c) => c.department.name).join("、");
      await writeEvent(tx, s.id, user, now, { type: "countersignRequested", fromStatus: s.status, toStatus: next, note: `${input.kind}；会签：${helpers}` });
      return;
    }
    await guardedUpdate(tx, s, { status: "ANSWERED", updatedAt: now });
    await tx.suggestionAnswer.create({
      data: { suggestionId: s.id, departmentId, round: s.secondRound ? 2 : 1, kind: input.kind, text: input.text, at: now },
    });
    await writeEvent(tx, s.id, user, now, { type: "answered", fromStatus: s.status, toStatus: "ANSWERED", note: input.kind });
  });
}

/**
 * 会签: a helper department agrees to the lead department's draft answer, or
 * returns it to the lead with a reason (back to ASSIGNED, to revise and answer
 * again). When the last helper agrees, the answer goes out: it becomes the
 * suggestion's answer (dated then, as the deadline counts) and the deputy may
 * evaluate it.
 */
export function countersignSuggestion(deps: ServiceDeps, actor: Actor, id: string, input: SuggestionCountersignInput): Promise<{ suggestion: SuggestionDetail }> {
  return step(deps, actor, id, async (tx, user, s, now) => {
    const mine = s.coDepartments.find((c) => user.role === "DEPARTMENT" && !!user.departmentId && c.departmentId === user.departmentId);
    if (!mine) throw new AppError("FORBIDDEN", "只有协办单位可以会签 / only a helper department countersigns");
    requireStep(s, "countersign");
    if (mine.countersign) throw new AppError("CONFLICT", "本单位已会签 / your department has countersigned this answer already");
    const decision: Countersign = input.agree ? "AGREED" : "RETURNED";
    const decisions = s.coDepartments.map((c) => (c.departmentId === mine.departmentId ? decision : (c.countersign as Countersign | null)));
    const next = afterCountersign(decisions);
    const note = input.note || null;
    if (next === "ANSWERED") {
      await guardedUpdate(tx, s, { status: next, draftKind: null, draftText: null, draftAt: null, updatedAt: now });
      await tx.suggestionAnswer.create({
        data: { suggestionId: s.id, departmentId: s.leadDepartmentId!, round: s.secondRound ? 2 : 1, kind: s.draftKind!, text: s.draftText!, at: now },
      });
    } else {
      // Still waiting, the guard serialises two helpers signing at once, so the last one sends it out.
      await guardedUpdate(tx, s, { status: next, updatedAt: now });
    }
    const signed = await tx.suggestionCoDepartment.updateMany({
      where: { suggestionId: s.id, departmentId: mine.departmentId, countersign: null },
      data: { countersign: decision, countersignNote: note, countersignedAt: now },
    });
    if (signed.count === 0) throw new AppError("CONFLICT", "本单位已会签 / your department has countersigned this answer already");
    const who = mine.department.name;
    await writeEvent(tx, s.id, user, now, {
      type: input.agree ? "countersigned" : "countersignReturned",
      fromStatus: s.status,
      toStatus: next,
      note: input.agree ? `${who}：同意${note ? `（${note}）` : ""}` : `${who}：${note}`,
    });
    if (next === "ANSWERED") {
      await writeEvent(tx, s.id, user, now, { type: "answered", fromStatus: s.status, toStatus: next, note: s.draftKind, actorName: s.leadDepartment?.name ?? "" });
    }
  });
}

export function evaluateSuggestion(deps: ServiceDeps, actor: Actor, id: string, input: SuggestionEvaluateInput): Promise<{ suggestion: SuggestionDetail }> {
  return step(deps, actor, id, async (tx, user, s, now) => {
    requireLeadDeputy(user, s);
    requireStep(s, "evaluate");
    const next = afterEvaluation(input.result, s.secondRound, now);
    const data: Prisma.SuggestionUncheckedUpdateManyInput = { status: next.status, secondRound: next.secondRound, updatedAt: now };
    if (next.dueAt) data.dueAt = next.dueAt;
    await guardedUpdate(tx, s, data);
    await tx.suggestionEvaluation.create({
      data: { suggestionId: s.id, round: s.secondRound ? 2 : 1, result: input.result, comment: input.comment || null, at: now },
    });
    await writeEvent(tx, s.id, user, now, {
      type: next.status === "ASSIGNED" ? "reopened" : "evaluated",
      fromStatus: s.status,
      toStatus: next.status,
      note: EVALUATION_RESULT_ZH[input.result] + (input.comment ? `：${input.comment}` : ""),
    });
  });
}

/**
 * The office reviews the class (A/B/C) the department gave its latest answer
 * and adjusts it, with a reason, once answered; the history keeps both.
 */
export function classifyAnswer(deps: ServiceDeps, actor: Actor, id: string, input: SuggestionClassifyInput): Promise<{ suggestion: SuggestionDetail }> {
  return step(deps, actor, id, async (tx, user, s, now) => {
    if (user.role !== "ADMIN" && user.role !== "STAFF") throw new AppError("FORBIDDEN", "只有人大工作人员可以调整答复类别 / only the office adjusts the class");
    const latest = s.answers.at(-1);
    if (!latest || (s.status !== "ANSWERED" && s.status !== "EVALUATED")) {
      throw new AppError("CONFLICT", "尚未答复，不能调整类别 / not answered yet");
    }
    if (latest.kind === input.kind) return;
    await guardedUpdate(tx, s, { updatedAt: now });
    await tx.suggestionAnswer.update({ where: { id: latest.id }, data: { kind: input.kind } });
    await writeEvent(tx, s.id, user, now, { type: "reclassified", note: `${latest.kind} → ${input.kind}：${input.reason}` });
  });
}
