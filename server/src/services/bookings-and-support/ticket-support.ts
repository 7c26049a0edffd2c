/**
 * 附议 (docs/ARCHITECTURE.md §6b): any watcher may support a public topic in the queue, once
 * per device. The device is a random `supporterToken` the client keeps; only a
 * hash of (ticket, token) is stored, so nothing links one device's supports
 * across tickets and nothing identifies the supporter. The count travels in
 * a ticket.updated event, so every projection sees it live.
 */
import { AppError } from "../../protocol/errors.ts";
import type { SupportResult } from "../../protocol/events.ts";
import type { TicketStatus } from "../../protocol/model.ts";
import { findTicketPlace } from "../../store/lookups.ts";
import { toTicketView } from "../../store/views.ts";
import type { ServiceDeps } from "../deps.ts";
import { newToken, sha256 } from "../privacy-and-accounts/secrets.ts";

/** Topics still in the queue can be supported; a finished turn's count is final. */
const SUPPORTABLE: readonly TicketStatus[] = ["WAITING", "CALLED", "SPEAKING"];

export async function supportTicket(deps: ServiceDeps, ticketId: string, supporterToken: string | undefined): Promise<SupportResult> {
  const { sessionId } = await findTicketPlace(deps.db, ticketId);
  const token = supporterToken ?? newToken();
  const supporterHash = sha256(`support:${ticketId}:${token}`);
  return deps.lanes.run(sessionId, async ({ tx, append }) => {
    const ticket = await tx.ticket.findUniqueOrThrow({ where: { id: ticketId } });
    if (!ticket.isPublic) throw new AppError("CONFLICT", "这个议题未公开 / this topic is not public");
    if (!SUPPORTABLE.includes(ticket.status)) throw new AppError("CONFLICT", "这个议题已不在排队中 / this topic has left the queue");
    const seen = await tx.ticketSupport.findUnique({ where: { ticketId_supporterHash: { ticketId, supporterHash } }, select: { at: true } });
    if (seen) throw new AppError("CONFLICT", "您已附议过 / you already support this topic");
    const now = deps.now();
    await tx.ticketSupport.create({ data: { ticketId, supporterHash, at: now } });
    const row = await tx.ticket.update({ where: { id: ticketId }, data: { supportCount: { increment: 1 } } });
    await append({ type: "ticket.updated", data: toTicketView(row) }, now);
    return { supportCount: row.supportCount, supporterToken: token };
  });
}
