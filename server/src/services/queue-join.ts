/**
 * queue:join (online) and desk:register (in person): one use case, two
 * channels. Labels come from the session's per-channel counter inside the
 * transaction, so they are gapless and unique under concurrent joins.
 */
import { acceptsJoins, canServe } from "../domain/session-lifecycle.ts";
import { initialRank, priorityRank } from "../domain/queue.ts";
import { ticketLabel } from "../domain/labels.ts";
import { projectTicket } from "../domain/projections.ts";
import { AppError } from "../protocol/errors.ts";
import type { Channel, TicketView } from "../protocol/model.ts";
import { toTicketView } from "../store/views.ts";
import { requireVenueRole } from "./auth.ts";
import type { Actor, ServiceDeps } from "./deps.ts";
import { findSessionOrThrow } from "./lookups.ts";
import { newToken, openWithRequestId, requestKeyOf, sealWithRequestId, tokenHash } from "./secrets.ts";

export interface JoinInput {
  sessionId: string;
  name: string;
  phone?: string | undefined;
  topic: string;
  question?: string | undefined;
  isPublic: boolean;
  requestId?: string | undefined;
  /** desk only: why this walk-in goes first (elderly, disabled, urgent) */
  priority?: string | undefined;
}

export interface JoinOutcome {
  ticket: TicketView;
  voterToken: string;
}

export function joinQueue(deps: ServiceDeps, input: JoinInput): Promise<JoinOutcome> {
  return addToQueue(deps, "ONLINE", { ...input, priority: undefined }, null);
}

export async function registerWalkIn(deps: ServiceDeps, actor: Actor, input: JoinInput): Promise<JoinOutcome> {
  const session = await findSessionOrThrow(deps.db, input.sessionId);
  const user = requireVenueRole(actor, session.venueId);
  return addToQueue(deps, "IN_PERSON", input, user.id);
}

async function addToQueue(deps: ServiceDeps, channel: Channel, input: JoinInput, actorId: string | null): Promise<JoinOutcome> {
  const requestKey = input.requestId ? requestKeyOf(input.sessionId, input.requestId) : null;
  const projection = channel === "ONLINE" ? "own" : "staff";
  return deps.lanes.run(input.sessionId, async ({ tx, append }) => {
    if (requestKey) {
      const earlier = await tx.ticket.findUnique({
        where: { sessionId_requestKey: { sessionId: input.sessionId, requestKey } },
        include: { case: { select: { trackingCode: true } } },
      });
      const token = earlier?.sealedVoterToken ? openWithRequestId(earlier.sealedVoterToken, input.requestId!) : null;
      if (earlier && token) return { ticket: projectTicket(toTicketView(earlier, earlier.case?.trackingCode), projection), voterToken: token };
    }
    const session = await findSessionOrThrow(tx, input.sessionId);
    const open = channel === "ONLINE" ? acceptsJoins(session.status, session.queueOpen) : canServe(session.status);
    if (!open) throw new AppError("CONFLICT", "排队尚未开放或已结束 / the queue is not open");

    const now = deps.now();
    const counter = channel === "ONLINE" ? "onlineCount" : "inPersonCount";
    const counted = await tx.receptionSession.update({
      where: { id: session.id },
      data: { [counter]: { increment: 1 } },
      select: { onlineCount: true, inPersonCount: true },
    });
    let rank = initialRank(channel, now.getTime(), session.walkInHeadStartMin);
    if (input.priority) {
      const head = await tx.ticket.findFirst({
        where: { sessionId: session.id, status: "WAITING" },
        orderBy: [{ rank: "asc" }, { label: "asc" }],
        select: { rank: true },
      });
      rank = priorityRank(rank, head?.rank);
    }
    const voterToken = newToken();
    const row = await tx.ticket.create({
      data: {
        sessionId: session.id,
        channel,
        label: ticketLabel(channel, counted[counter]),
        rank,
        name: input.name,
        phone: input.phone ?? null,
        topic: input.topic,
        question: input.question ?? null,
        isPublic: input.isPublic,
        priorityReason: input.priority ?? null,
        voterTokenHash: tokenHash(voterToken),
        requestKey,
        sealedVoterToken: input.requestId ? sealWithRequestId(voterToken, input.requestId) : null,
        joinedAt: now,
      },
    });
    const view = toTicketView(row);
    await append("ticket.joined", view, now, actorId ?? undefined);
    return { ticket: projectTicket(view, projection), voterToken };
  });
}
