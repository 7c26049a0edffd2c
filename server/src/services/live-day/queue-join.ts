/**
 * queue:join (online) and desk:register (in person): one use case, two
 * channels. Joins that arrive together are written together: one read of
 * the session and of earlier requestIds, one insert of all new tickets and
 * one counter update per run of joins (see store/write-lane.ts). Labels come
 * from the session's per-channel counter under the session's row lock, so
 * they are gapless and unique under concurrent joins, on any node.
 */
import { acceptsJoins, canServe } from "../../domain/session-lifecycle.ts";
import { initialRank, priorityRank } from "../../domain/queue.ts";
import { ticketLabel } from "../../domain/labels.ts";
import { projectTicket } from "../../domain/projections.ts";
import { AppError } from "../../protocol/errors.ts";
import type { Channel, Projection, TicketView } from "../../protocol/model.ts";
import { Prisma, type Invitation, type Ticket } from "../../generated/prisma/client.ts";
import { forumJoinPlanner, linkInvitation } from "../messages-and-forums/forum-joins.ts";
import { insertRows, newRowId, setSessionCounter } from "../../store/bulk-insert.ts";
import type { GroupResult, LaneContext } from "../../store/write-lane.ts";
import { headOfQueue, WITH_TRACKING_CODE } from "../../store/tickets.ts";
import { toTicketView } from "../../store/views.ts";
import { requireVenueRole } from "../privacy-and-accounts/auth.ts";
import type { ServiceDeps, Actor } from "../deps.ts";
import { findSessionOrThrow } from "../../store/lookups.ts";
import { requestKey as requestKeyOf } from "../request-once.ts";
import { newToken, openWithRequestId, sealWithRequestId, tokenHash } from "../privacy-and-accounts/secrets.ts";
import { consentVersionKnown } from "../../domain/privacy.ts";
import { currentNoticeVersion } from "../privacy-and-accounts/privacy-notice.ts";

export interface JoinInput {
  sessionId: string;
  /** optional only for an invitee of a forum: the invitation's name is used (§5e) */
  name?: string | undefined;
  phone?: string | undefined;
  topic: string;
  question?: string | undefined;
  isPublic: boolean;
  requestId?: string | undefined;
  /** desk only: why this walk-in goes first (elderly, disabled, urgent) */
  priority?: string | undefined;
  /** the privacy notice version the voter saw (or the desk showed) */
  consentVersion?: number | undefined;
  /** §5e: an online join to a forum needs its invitation's token */
  invitationToken?: string | undefined;
  /** §5e: the desk checks an invitee in */
  invitationId?: string | undefined;
  /** §5e: the forum's item to speak on */
  agendaItemId?: string | undefined;
}

export interface JoinOutcome {
  ticket: TicketView;
  voterToken: string;
}

interface Pending extends JoinInput {
  actorId: string | null;
}

export function joinQueue(deps: ServiceDeps, input: JoinInput): Promise<JoinOutcome> {
  return addToQueue(deps, "ONLINE", { ...input, priority: undefined, invitationId: undefined, actorId: null });
}

export async function registerWalkIn(deps: ServiceDeps, actor: Actor, input: JoinInput): Promise<JoinOutcome> {
  const session = await findSessionOrThrow(deps.db, input.sessionId);
  const user = requireVenueRole(actor, session.venueId);
  return addToQueue(deps, "IN_PERSON", { ...input, actorId: user.id });
}

function addToQueue(deps: ServiceDeps, channel: Channel, input: Pending): Promise<JoinOutcome> {
  return deps.lanes.runGrouped(input.sessionId, `join:${channel}`, input, (ctx, inputs) => addMany(deps, channel, ctx, inputs));
}

/** Every column of a new ticket, in the raw INSERT's order. */
const TICKET_COLUMNS = [
  "id", "sessionId", "channel", "label", "status", "rank", "name", "phone", "topic", "question", "isPublic", "priorityReason",
  "summary", "voterTokenHash", "requestKey", "sealedVoterToken", "joinedAt", "calledAt", "startedAt", "finishedAt", "updatedAt",
  "consentVersion", "consentAt", "anonymizedAt", "supportCount", "agendaItemId",
] as const satisfies readonly (keyof Ticket)[];

/**
 * Tickets already made for some of these requestKeys (retries). A storm's run
 * of a few hundred fresh keys finds none: asked first with one raw query over
 * the unique index (the ORM's query compiler spends ~40 ms on an IN list of
 * 200 keys), and the ORM reads the full rows only for keys that were found.
 */
async function ticketsOfRequestKeys(tx: LaneContext["tx"], sessionId: string, keys: string[]) {
  const found = await tx.$queryRaw<Array<{ requestKey: string }>>`
    SELECT "requestKey" FROM "Ticket" WHERE "sessionId" = ${sessionId} AND "requestKey" IN (${Prisma.join(keys)})`;
  if (found.length === 0) return [];
  return tx.ticket.findMany({ where: { sessionId, requestKey: { in: found.map((f) => f.requestKey) } }, include: WITH_TRACKING_CODE });
}

/** Online voters see their own projection; the desk sees the staff one. */
const projectionOf = (channel: Channel): Projection => (channel === "ONLINE" ? "own" : "staff");

async function addMany(deps: ServiceDeps, channel: Channel, ctx: LaneContext, inputs: Pending[]): Promise<GroupResult<JoinOutcome>[]> {
  const { tx, sessionId } = ctx;
  const projection = projectionOf(channel);
  const session = await findSessionOrThrow(tx, sessionId);
  const open = channel === "ONLINE" ? acceptsJoins(session.status, session.queueOpen) : canServe(session.status);
  if (!open) return inputs.map(() => ({ ok: false, error: new AppError("CONFLICT", "排队尚未开放或已结束 / the queue is not open") }));

  // Retries: a requestId seen before (earlier, or earlier in this very run) gets the first answer.
  const keyOf = (i: Pending) => (i.requestId ? requestKeyOf("ticket", sessionId, i.requestId) : null);
  const keys = inputs.map(keyOf).filter((k): k is string => k !== null);
  const earlier = keys.length ? await ticketsOfRequestKeys(tx, sessionId, keys) : [];
  const answered = new Map<string, { view: TicketView; token: string | null; sealed: string | null }>(
    earlier.map((t) => [t.requestKey!, { view: toTicketView(t, t.case?.trackingCode), token: null, sealed: t.sealedVoterToken }]),
  );

  const counter = channel === "ONLINE" ? "onlineCount" : "inPersonCount";
  let issued = session[counter];
  const now = deps.now();
  const head = inputs.some((i) => i.priority)
    ? await headOfQueue(tx, sessionId)
    : null;
  let headRank = head?.rank;
  // One read of the notice's version for the whole run, and only when someone gave consent.
  const noticeVersion = inputs.some((i) => i.consentVersion !== undefined) ? await currentNoticeVersion(tx) : 0;
  const unknownConsent = (i: Pending) => i.consentVersion !== undefined && !consentVersionKnown(i.consentVersion, noticeVersion);
  // §5e: who may join a forum, on which item's list (a reception: the name is required, nothing else).
  const planForum = await forumJoinPlanner(tx, session, channel, inputs);

  const fresh: { input: Pending; key: string | null; label: string; token: string; row: Ticket; invitation: Invitation | null }[] = [];
  const plan: Array<{ kind: "earlier"; key: string; input: Pending } | { kind: "fresh"; index: number } | { kind: "rejected"; error: AppError }> = [];
  for (const input of inputs) {
    if (unknownConsent(input)) {
      plan.push({ kind: "rejected", error: new AppError("BAD_REQUEST", "没有这个版本的告知 / no such notice version", { consentVersion: "unknown notice version" }) });
      continue;
    }
    const key = keyOf(input);
    if (key && (answered.has(key) || fresh.some((f) => f.key === key))) {
      plan.push({ kind: "earlier", key, input });
      continue;
    }
    const forum = planForum(input);
    if (forum instanceof AppError) {
      plan.push({ kind: "rejected", error: forum });
      continue;
    }
    let rank = initialRank(channel, now.getTime(), session.walkInHeadStartMin);
    if (input.priority) rank = priorityRank(rank, headRank);
    headRank = headRank === undefined ? rank : Math.min(headRank, rank);
    const token = newToken();
    const label = ticketLabel(channel, ++issued);
    plan.push({ kind: "fresh", index: fresh.length });
    fresh.push({
      input,
      key,
      label,
      token,
      invitation: forum.invitation,
      row: {
        id: newRowId(),
        sessionId,
        channel,
        label,
        status: "WAITING",
        rank,
        name: forum.name,
        phone: input.phone ?? null,
        topic: input.topic,
        question: input.question ?? null,
        isPublic: input.isPublic,
        priorityReason: input.priority ?? null,
        summary: null,
        voterTokenHash: tokenHash(token),
        requestKey: key,
        sealedVoterToken: input.requestId ? sealWithRequestId(token, input.requestId) : null,
        joinedAt: now,
        consentVersion: input.consentVersion ?? null,
        consentAt: input.consentVersion !== undefined ? now : null,
        calledAt: null,
        startedAt: null,
        finishedAt: null,
        updatedAt: now,
        anonymizedAt: null,
        supportCount: 0,
        agendaItemId: forum.agendaItemId,
      },
    });
  }

  const views: TicketView[] = [];
  if (fresh.length) {
    // One raw multi-row INSERT instead of createManyAndReturn (store/bulk-insert.ts);
    // the rows are fully known here, so nothing needs reading back.
    await insertRows(tx, "Ticket", TICKET_COLUMNS, fresh.map((f) => TICKET_COLUMNS.map((c) => f.row[c])));
    await setSessionCounter(tx, sessionId, counter, issued);
    for (const f of fresh) {
      if (f.invitation) await linkInvitation(tx, f.invitation, f.row.id, channel, now);
      const view = toTicketView(f.row);
      views.push(view);
      await ctx.append({ type: "ticket.joined", data: view }, now, f.input.actorId ?? undefined);
      if (f.key) answered.set(f.key, { view, token: f.token, sealed: null });
    }
  }

  return plan.map((p): GroupResult<JoinOutcome> => {
    if (p.kind === "rejected") return { ok: false, error: p.error };
    if (p.kind === "fresh") {
      return { ok: true, value: { ticket: projectTicket(views[p.index]!, projection), voterToken: fresh[p.index]!.token } };
    }
    const first = answered.get(p.key)!;
    const token = first.token ?? (first.sealed ? openWithRequestId(first.sealed, p.input.requestId!) : null);
    if (!token) return { ok: false, error: new AppError("CONFLICT", "重复的请求编号 / this requestId was used for another request") };
    return { ok: true, value: { ticket: projectTicket(first.view, projection), voterToken: token } };
  });
}
