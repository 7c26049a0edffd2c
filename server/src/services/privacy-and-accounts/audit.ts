/**
 * The audit (docs/ARCHITECTURE.md §6f): who looked at or exported
 * personal data (`pii.reveal`, `record.export`, written by the services that
 * do it), every staff/deputy/department/admin write, failed login and refusal
 * (written by transport/audit-hooks.ts after the answer), read by admins
 * only (GET /api/audit). Append-only and hash-chained: nothing here updates
 * or deletes an entry; `verifyAudit` recomputes the chain.
 */
import type { Prisma } from "../../generated/prisma/client.ts";
import { parseAuditTarget, type AuditTargetParts } from "../../domain/audit-target.ts";
import { ChainWalker, entryHash } from "../../domain/audit-chain.ts";
import type { AuditAction, AuditEntryView, AuditSubject, AuditVerifyView } from "../../protocol/privacy.ts";
import type { Db } from "../../store/prisma.ts";
import { requireRole } from "./auth.ts";
import type { Actor, AuthUser, ServiceDeps } from "../deps.ts";

export interface AuditRecord {
  at: Date;
  /** the account, when one is known (a failed login has none) */
  userId: string | null;
  username: string;
  action: AuditAction;
  /** ids and labels only, never personal data: "session:<id>", "ticket:<id> session:<id>"… */
  target: string;
  /** "ok" or the error code answered */
  result: string;
}

/**
 * Appends are serialized: one at a time in this process (a promise chain per
 * database), and across processes by the head row, which each append's
 * transaction updates first — a row lock on PostgreSQL until commit, the
 * write lock on SQLite — before reading the last hash.
 */
const appendQueues = new WeakMap<object, Promise<unknown>>();

export function appendAudit(db: Db, entry: AuditRecord): Promise<void> {
  return serialized(db, () => appendNow(db, entry));
}

function serialized<T>(db: Db, run: () => Promise<T>): Promise<T> {
  const before = appendQueues.get(db) ?? Promise.resolve();
  const next = before.then(run, run);
  appendQueues.set(db, next.catch(() => undefined));
  return next;
}

async function appendNow(db: Db, entry: AuditRecord): Promise<void> {
  await db.$transaction(async (tx) => {
    const head = await tx.auditChainHead.upsert({ where: { id: 1 }, create: { id: 1, seq: 0, hash: "" }, update: { seq: { increment: 0 } } });
    let { seq, hash } = head;
    if (seq === 0) {
      // Entries written before the chain existed are sealed into it once, in the order written.
      const legacy = await tx.auditEntry.findMany({ where: { seq: null }, orderBy: [{ at: "asc" }, { id: "asc" }] });
      for (const e of legacy) {
        seq += 1;
        const sealed = entryHash({ ...e, seq, prevHash: hash });
        await tx.auditEntry.update({ where: { id: e.id }, data: { seq, prevHash: hash, hash: sealed } });
        hash = sealed;
      }
    }
    seq += 1;
    const own = entryHash({ ...entry, seq, prevHash: hash });
    await tx.auditEntry.create({ data: { ...entry, seq, prevHash: hash, hash: own } });
    await tx.auditChainHead.update({ where: { id: 1 }, data: { seq, hash: own } });
  });
}

const DAY_MS = 86_400_000;

/**
 * AUDIT_RETENTION_DAYS (§6f): removes the oldest entries, older than that
 * (never less than 180 days), as one whole prefix of the chain, and records
 * the last removed entry's seq and hash as the anchor verification starts
 * from. A prefix that does not verify is kept (it is evidence). Returns how
 * many entries went.
 */
export async function pruneAudit(deps: ServiceDeps): Promise<number> {
  const days = deps.config.auditRetentionDays;
  if (days <= 0) return 0;
  const cutoff = new Date(deps.now().getTime() - days * DAY_MS);
  const head = await deps.db.auditChainHead.findUnique({ where: { id: 1 } });
  if (!head) return 0;
  const firstKept = await deps.db.auditEntry.findFirst({ where: { seq: { gt: head.anchorSeq }, at: { gte: cutoff } }, orderBy: { seq: "asc" }, select: { seq: true } });
  const last = (firstKept?.seq ?? head.seq + 1) - 1;
  if (last <= head.anchorSeq) return 0;
  const anchor = await deps.db.auditEntry.findUnique({ where: { seq: last }, select: { hash: true } });
  if (!anchor?.hash) return 0;
  const walker = new ChainWalker(head);
  const select = { seq: true, at: true, username: true, action: true, target: true, result: true, prevHash: true, hash: true } as const;
  while (!walker.done && walker.lastSeq < last) {
    const page = await deps.db.auditEntry.findMany({ where: { seq: { gt: walker.lastSeq, lte: last } }, orderBy: { seq: "asc" }, take: VERIFY_PAGE, select });
    if (!page.length) break;
    walker.feed(page);
  }
  if (!walker.finish({ seq: last, hash: anchor.hash }).ok) return 0;
  return serialized(deps.db, async () => {
    const removed = await deps.db.$transaction(async (tx) => {
      await tx.auditChainHead.update({ where: { id: 1 }, data: { seq: { increment: 0 } } });
      const gone = await tx.auditEntry.deleteMany({ where: { seq: { lte: last } } });
      await tx.auditChainHead.update({ where: { id: 1 }, data: { anchorSeq: last, anchorHash: anchor.hash! } });
      return gone.count;
    });
    return removed;
  });
}

/** A service's own entry (a phone shown, an export), done by `user` now. */
export async function recordAudit(db: Db, at: Date, user: AuthUser, action: AuditAction, target: string): Promise<void> {
  await appendAudit(db, { at, userId: user.id, username: user.username, action, target, result: "ok" });
}

/** A failed login (`auth.fail`): the username tried, never the password; no account is linked. */
export async function recordLoginFailure(deps: ServiceDeps, usernameTried: string, code: string): Promise<void> {
  await appendAudit(deps.db, { at: deps.now(), userId: null, username: usernameTried.trim().slice(0, 64), action: "auth.fail", target: "", result: code });
}

export interface AuditFilter {
  from?: Date | undefined;
  to?: Date | undefined;
  action?: AuditAction | undefined;
  result?: "ok" | "failed" | undefined;
  limit?: number | undefined;
}

export async function listAudit(deps: ServiceDeps, actor: Actor, f: AuditFilter): Promise<{ entries: AuditEntryView[] }> {
  requireRole(actor, ["ADMIN"]);
  const at: Prisma.DateTimeFilter = {};
  if (f.from) at.gte = f.from;
  if (f.to) at.lt = f.to;
  const rows = await deps.db.auditEntry.findMany({
    where: {
      ...(f.from || f.to ? { at } : {}),
      ...(f.action ? { action: f.action } : {}),
      ...(f.result ? { result: f.result === "ok" ? "ok" : { not: "ok" } } : {}),
    },
    orderBy: [{ at: "desc" }, { seq: "desc" }, { id: "desc" }],
    take: f.limit ?? 500,
  });
  const about = await describeTargets(deps.db, rows.map((r) => r.target));
  return { entries: rows.map((r, i) => ({ at: r.at.toISOString(), username: r.username, action: r.action, target: r.target, result: r.result, seq: r.seq, about: about[i]! })) };
}

const VERIFY_PAGE = 2000;

/** Recomputes the chain from its anchor to its head (GET /api/audit/verify). */
export async function verifyAudit(deps: ServiceDeps, actor: Actor): Promise<AuditVerifyView> {
  requireRole(actor, ["ADMIN"]);
  const head = (await deps.db.auditChainHead.findUnique({ where: { id: 1 } })) ?? { seq: 0, hash: "", anchorSeq: 0, anchorHash: "" };
  const walker = new ChainWalker(head);
  const select = { seq: true, at: true, username: true, action: true, target: true, result: true, prevHash: true, hash: true } as const;
  for (;;) {
    const page = await deps.db.auditEntry.findMany({ where: { seq: { gt: walker.lastSeq } }, orderBy: { seq: "asc" }, take: VERIFY_PAGE, select });
    walker.feed(page);
    if (walker.done || page.length < VERIFY_PAGE) break;
  }
  const check = walker.finish(head);
  // An entry slipped in beside the chain (no place in it) is a break too, where it claims to belong.
  const outside = head.seq > 0 ? await deps.db.auditEntry.findFirst({ where: { seq: null }, orderBy: { at: "asc" }, select }) : null;
  if (outside) {
    const after = await deps.db.auditEntry.findFirst({ where: { seq: { not: null }, at: { gte: outside.at } }, orderBy: { seq: "asc" }, select: { seq: true } });
    const at = after?.seq ?? head.seq + 1;
    if (check.ok || at < check.firstBrokenAt) return { ok: false, entries: check.entries, firstBrokenAt: at, broken: { at: outside.at.toISOString(), action: outside.action } };
  }
  if (check.ok) return { ok: true, entries: check.entries };
  return {
    ok: false,
    entries: check.entries,
    firstBrokenAt: check.firstBrokenAt,
    ...(check.broken ? { broken: { at: check.broken.at.toISOString(), action: check.broken.action } } : {}),
  };
}

/** What each target names, in one read per kind of record (the admin reads words, not ids). */
async function describeTargets(db: Db, targets: string[]): Promise<AuditSubject[]> {
  const parts = targets.map(parseAuditTarget);
  const ids = (pick: (p: AuditTargetParts) => string | undefined) => [...new Set(parts.map(pick).filter((x): x is string => !!x))];
  const [sessions, tickets, cases, users, venues] = await Promise.all([
    db.receptionSession.findMany({ where: { id: { in: ids((p) => p.sessionId) } }, select: { id: true, title: true, startsAt: true, venue: { select: { name: true } } } }),
    db.ticket.findMany({ where: { id: { in: ids((p) => p.ticketId) } }, select: { id: true, label: true } }),
    db.case.findMany({ where: { id: { in: ids((p) => p.caseId) } }, select: { id: true, trackingCode: true } }),
    db.user.findMany({ where: { id: { in: ids((p) => p.userId) } }, select: { id: true, displayName: true } }),
    db.venue.findMany({ where: { id: { in: ids((p) => p.venueId) } }, select: { id: true, name: true } }),
  ]);
  const user = new Map(users.map((x) => [x.id, x]));
  const venue = new Map(venues.map((x) => [x.id, x]));
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
    const u = p.userId ? user.get(p.userId) : undefined;
    const v = p.venueId ? venue.get(p.venueId) : undefined;
    if (u) out.user = u;
    if (v) out.venue = v;
    if (p.tried) out.tried = p.tried;
    if (p.route) out.route = p.route;
    if (p.export) out.export = p.export;
    return out;
  });
}
