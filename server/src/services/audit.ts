/**
 * Who looked at or exported personal data: a phone shown in full
 * (`pii.reveal`) and every record export (`record.export`). Written by the
 * services that do it, read by admins only (GET /api/audit).
 */
import type { Prisma } from "../generated/prisma/client.ts";
import { parseAuditTarget, type AuditTargetParts } from "../domain/audit-target.ts";
import type { AuditAction, AuditEntryView, AuditSubject } from "../protocol/privacy.ts";
import type { Db, Tx } from "../store/prisma.ts";
import { requireRole } from "./auth.ts";
import type { Actor, AuthUser, ServiceDeps } from "./deps.ts";

export async function recordAudit(db: Db | Tx, at: Date, user: AuthUser, action: AuditAction, target: string): Promise<void> {
  await db.auditEntry.create({ data: { at, userId: user.id, username: user.username, action, target } });
}

export interface AuditFilter {
  from?: Date | undefined;
  to?: Date | undefined;
  action?: AuditAction | undefined;
  limit?: number | undefined;
}

export async function listAudit(deps: ServiceDeps, actor: Actor, f: AuditFilter): Promise<{ entries: AuditEntryView[] }> {
  requireRole(actor, ["ADMIN"]);
  const at: Prisma.DateTimeFilter = {};
  if (f.from) at.gte = f.from;
  if (f.to) at.lt = f.to;
  const rows = await deps.db.auditEntry.findMany({
    where: { ...(f.from || f.to ? { at } : {}), ...(f.action ? { action: f.action } : {}) },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: f.limit ?? 500,
  });
  const about = await describeTargets(deps.db, rows.map((r) => r.target));
  return { entries: rows.map((r, i) => ({ at: r.at.toISOString(), username: r.username, action: r.action, target: r.target, about: about[i]! })) };
}

/** What each target names, in one read per kind of record (the admin reads words, not ids). */
async function describeTargets(db: Db, targets: string[]): Promise<AuditSubject[]> {
  const parts = targets.map(parseAuditTarget);
  const ids = (pick: (p: AuditTargetParts) => string | undefined) => [...new Set(parts.map(pick).filter((x): x is string => !!x))];
  const [sessions, tickets, cases] = await Promise.all([
    db.receptionSession.findMany({ where: { id: { in: ids((p) => p.sessionId) } }, select: { id: true, title: true, startsAt: true, venue: { select: { name: true } } } }),
    db.ticket.findMany({ where: { id: { in: ids((p) => p.ticketId) } }, select: { id: true, label: true } }),
    db.case.findMany({ where: { id: { in: ids((p) => p.caseId) } }, select: { id: true, trackingCode: true } }),
  ]);
  const session = new Map(sessions.map((x) => [x.id, { id: x.id, title: x.title, startsAt: x.startsAt.toISOString(), venueName: x.venue.name }]));
  const ticket = new Map(tickets.map((x) => [x.id, x]));
  const kase = new Map(cases.map((x) => [x.id, x]));
  return parts.map((p) => {
    const out: AuditSubject = {};
    const s = p.sessionId ? session.get(p.sessionId) : undefined;
    const tk = p.ticketId ? ticket.get(p.ticketId) : undefined;
    const c = p.caseId ? kase.get(p.caseId) : undefined;
    if (s) out.session = s;
    if (tk) out.ticket = tk;
    if (c) out.case = c;
    if (p.export) out.export = p.export;
    return out;
  });
}
