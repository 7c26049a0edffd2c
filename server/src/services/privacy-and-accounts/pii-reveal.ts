/**
 * Showing a phone in full. Staff screens carry masked phones only; the
 * "show" action asks here, which checks the venue scope and writes an audit
 * entry (`pii.reveal`) naming the ticket and its session, or the case.
 */
import { AppError } from "../../protocol/errors.ts";
import { findTicketPlace } from "../../store/lookups.ts";
import { recordAudit } from "./audit.ts";
import { BACK_OFFICE_ROLES, requireRole, requireVenueRole } from "./auth.ts";
import { findCaseInScope } from "../records-and-cases/cases.ts";
import type { Actor, ServiceDeps } from "../deps.ts";

export async function revealTicketPhone(deps: ServiceDeps, actor: Actor, ticketId: string): Promise<{ phone: string | null }> {
  const place = await findTicketPlace(deps.db, ticketId);
  const user = requireVenueRole(actor, place.venueId);
  const row = await deps.db.ticket.findUnique({ where: { id: ticketId }, select: { phone: true } });
  if (!row) throw new AppError("NOT_FOUND", "没有这个排号 / no such ticket");
  if (row.phone) await recordAudit(deps.db, deps.now(), user, "pii.reveal", `ticket:${ticketId} session:${place.sessionId}`);
  return { phone: row.phone };
}

export async function revealCaseContact(deps: ServiceDeps, actor: Actor, caseId: string): Promise<{ name: string | null; phone: string | null }> {
  const user = requireRole(actor, BACK_OFFICE_ROLES);
  const c = await findCaseInScope(deps.db, user, caseId);
  // A case from the message box has the voter's contact on its message instead of a ticket.
  const message = c.ticket ? null : await deps.db.voterMessage.findUnique({ where: { caseId: c.id }, select: { name: true, phone: true } });
  const phone = c.ticket?.phone ?? message?.phone ?? null;
  if (phone) await recordAudit(deps.db, deps.now(), user, "pii.reveal", `case:${caseId}${c.sessionId ? ` session:${c.sessionId}` : ""}`);
  return { name: c.ticket?.name ?? message?.name ?? null, phone };
}
