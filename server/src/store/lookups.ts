/** Finders shared by several services; each throws NOT_FOUND with a clear message. */
import { AppError } from "../protocol/errors.ts";
import type { Db, Tx } from "./prisma.ts";
import { WITH_TRACKING_CODE } from "./tickets.ts";
import { SESSION_VIEW_INCLUDE } from "./views.ts";

export async function findSessionOrThrow(db: Db | Tx, sessionId: string) {
  const s = await db.receptionSession.findUnique({ where: { id: sessionId }, include: SESSION_VIEW_INCLUDE });
  if (!s) throw new AppError("NOT_FOUND", "没有这个接待日 / no such reception session");
  return s;
}

/** Where a ticket lives: enough to check the caller's scope before entering the session's write lane. */
export async function findTicketPlace(db: Db | Tx, ticketId: string): Promise<{ sessionId: string; venueId: string }> {
  const t = await db.ticket.findUnique({ where: { id: ticketId }, select: { sessionId: true, session: { select: { venueId: true } } } });
  if (!t) throw new AppError("NOT_FOUND", "没有这个排号 / no such ticket");
  return { sessionId: t.sessionId, venueId: t.session.venueId };
}

export async function findTicketOrThrow(db: Db | Tx, ticketId: string) {
  const t = await db.ticket.findUnique({ where: { id: ticketId }, include: WITH_TRACKING_CODE });
  if (!t) throw new AppError("NOT_FOUND", "没有这个排号 / no such ticket");
  return t;
}
