/** The voter's side of a ticket: resume it after a reload, or leave the queue. */
import { projectTicket } from "../../domain/projections.ts";
import { canApply, RESULT_OF } from "../../domain/ticket-lifecycle.ts";
import { AppError } from "../../protocol/errors.ts";
import type { TicketView } from "../../protocol/model.ts";
import { WITH_TRACKING_CODE } from "../../store/tickets.ts";
import { toTicketView } from "../../store/views.ts";
import { endCallsWhenTurnEnds } from "../calls-and-stream/calls.ts";
import type { ServiceDeps } from "../deps.ts";
import { tokenHash } from "../privacy-and-accounts/secrets.ts";

async function ticketOfToken(deps: ServiceDeps, voterToken: string) {
  const row = await deps.db.ticket.findUnique({
    where: { voterTokenHash: tokenHash(voterToken) },
    include: WITH_TRACKING_CODE,
  });
  if (!row) throw new AppError("NOT_FOUND", "找不到您的排号 / ticket not found");
  return row;
}

export async function resumeTicket(deps: ServiceDeps, voterToken: string): Promise<{ ticket: TicketView }> {
  const row = await ticketOfToken(deps, voterToken);
  return { ticket: projectTicket(toTicketView(row, row.case?.trackingCode), "own") };
}

export async function leaveQueue(deps: ServiceDeps, voterToken: string): Promise<{ ticket: TicketView }> {
  const { id, sessionId } = await ticketOfToken(deps, voterToken);
  return deps.lanes.run(sessionId, async (ctx) => {
    const { tx, append } = ctx;
    const current = await tx.ticket.findUniqueOrThrow({ where: { id } });
    if (!canApply("leave", current.status)) throw new AppError("CONFLICT", "当前状态不能取消排号 / cannot leave now");
    const now = deps.now();
    const row = await tx.ticket.update({ where: { id }, data: { status: RESULT_OF.leave, finishedAt: now } });
    const view = toTicketView(row);
    await append({ type: "ticket.updated", data: view }, now);
    // §5b: a live call ends with its turn, in this same transaction.
    await endCallsWhenTurnEnds(ctx, row, now);
    return { ticket: projectTicket(view, "own") };
  });
}

/** The ticket ids a voter token opens, for re-subscribing a socket. */
export async function ticketIdOfToken(deps: ServiceDeps, voterToken: string): Promise<string | null> {
  const row = await deps.db.ticket.findUnique({ where: { voterTokenHash: tokenHash(voterToken) }, select: { id: true } });
  return row?.id ?? null;
}
