/**
 * Who looked at or exported personal data: a phone shown in full
 * (`pii.reveal`) and every record export (`record.export`). Written by the
 * services that do it, read by admins only (GET /api/audit).
 */
import type { Prisma } from "../generated/prisma/client.ts";
import type { AuditAction, AuditEntryView } from "../protocol/privacy.ts";
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
  return { entries: rows.map((r) => ({ at: r.at.toISOString(), username: r.username, action: r.action, target: r.target })) };
}
