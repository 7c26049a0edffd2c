/**
 * Retention (docs/PRIVACY.md): RETENTION_DAYS after a reception day ended,
 * and after its follow-up case was closed or rejected, a ticket's name,
 * phone and private question are anonymized (store/anonymize.ts). Closed
 * cases opened by hand have no ticket; their voter comment is cleared.
 * Message-box messages (name, phone, text) go RETENTION_DAYS after their
 * case was closed or rejected.
 * Message-box messages (name, phone, text) go RETENTION_DAYS after their
 * case was closed or rejected.
 *
 * It runs at start-up and daily (startRetention, owned by createApp), in
 * small transactions of BATCH rows outside the session write lanes — the
 * sessions it touches have ended, so no live write waits on it for longer
 * than one small batch. Idempotent: what was anonymized is not due again.
 */
import type { Prisma } from "../../generated/prisma/client.ts";
import { pruneAudit } from "./audit.ts";
import type { Logger } from "../../logger.ts";
import { DAY_MS, retentionCutoff } from "../../domain/privacy.ts";
import type { RetentionOutcome, RetentionPreview } from "../../protocol/privacy.ts";
import { ANONYMIZED_NAME } from "../../domain/privacy.ts";
import { anonymizeBookings, anonymizeInvitations, anonymizeMessages, anonymizeTickets } from "../../store/anonymize.ts";
import { requireRole } from "./auth.ts";
import type { Actor, ServiceDeps } from "../deps.ts";

export const RETENTION_BATCH = 200;
/** A bound on one run, so a bug can never loop forever: 200 × 5,000 = a million rows. */
const MAX_BATCHES = 5000;
const LAST_RUN_KEY = "retention.lastRun";
const FINAL_CASE = ["CLOSED", "REJECTED"] as const;

function dueTickets(cutoff: Date): Prisma.TicketWhereInput {
  return {
    anonymizedAt: null,
    session: { status: "ENDED", endsAt: { lt: cutoff } },
    // A concern still being handled keeps its contact: the reply needs it.
    OR: [{ case: { is: null } }, { case: { is: { status: { in: [...FINAL_CASE] }, updatedAt: { lt: cutoff } } } }],
  };
}

/** Bookings without a ticket of a day that ended before the cutoff (a checked-in one goes with its ticket). */
function dueBookings(cutoff: Date): Prisma.BookingWhereInput {
  return { ticketId: null, name: { not: ANONYMIZED_NAME }, session: { status: "ENDED", endsAt: { lt: cutoff } } };
}

/** Messages whose case was closed or rejected, and last changed, before the cutoff (an open one keeps its contact for the reply). */
function dueMessages(cutoff: Date): Prisma.VoterMessageWhereInput {
  return { anonymizedAt: null, case: { status: { in: [...FINAL_CASE] }, updatedAt: { lt: cutoff } } };
}

/** A forum's invitations, RETENTION_DAYS after the forum ended (its ticket, if any, follows the ticket rule). */
function dueInvitations(cutoff: Date): Prisma.InvitationWhereInput {
  return { anonymizedAt: null, session: { status: "ENDED", endsAt: { lt: cutoff } } };
}

function dueCaseComments(cutoff: Date): Prisma.CaseWhereInput {
  return { ticketId: null, status: { in: [...FINAL_CASE] }, updatedAt: { lt: cutoff }, feedbackComment: { not: null } };
}

async function lastRun(deps: ServiceDeps): Promise<string | null> {
  const row = await deps.db.setting.findUnique({ where: { key: LAST_RUN_KEY } });
  if (!row) return null;
  try {
    return (JSON.parse(row.value) as { at?: string }).at ?? null;
  } catch {
    return null;
  }
}

export async function retentionPreview(deps: ServiceDeps, actor: Actor): Promise<RetentionPreview> {
  requireRole(actor, ["ADMIN"]);
  const days = deps.config.retentionDays;
  const lastRunAt = await lastRun(deps);
  if (days <= 0) return { retentionDays: days, cutoff: null, tickets: 0, caseComments: 0, messages: 0, lastRunAt, nextRunAt: null };
  const cutoff = retentionCutoff(deps.now(), days);
  const [tickets, caseComments, messages] = await Promise.all([
    deps.db.ticket.count({ where: dueTickets(cutoff) }),
    deps.db.case.count({ where: dueCaseComments(cutoff) }),
    deps.db.voterMessage.count({ where: dueMessages(cutoff) }),
  ]);
  const nextRunAt = lastRunAt ? new Date(Date.parse(lastRunAt) + DAY_MS).toISOString() : null;
  return { retentionDays: days, cutoff: cutoff.toISOString(), tickets, caseComments, messages, lastRunAt, nextRunAt };
}

const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function runRetention(deps: ServiceDeps): Promise<RetentionOutcome> {
  const outcome: RetentionOutcome = { tickets: 0, caseComments: 0, bookings: 0, messages: 0, invitations: 0, batches: 0 };
  const days = deps.config.retentionDays;
  if (days <= 0) return outcome;
  const now = deps.now();
  const cutoff = retentionCutoff(now, days);
  while (outcome.batches < MAX_BATCHES) {
    const ids = (await deps.db.ticket.findMany({ where: dueTickets(cutoff), select: { id: true }, orderBy: { id: "asc" }, take: RETENTION_BATCH })).map((t) => t.id);
    if (!ids.length) break;
    outcome.tickets += await deps.db.$transaction((tx) => anonymizeTickets(tx, ids, now));
    outcome.batches++;
    await breathe();
  }
  while (outcome.batches < MAX_BATCHES) {
    const ids = (await deps.db.booking.findMany({ where: dueBookings(cutoff), select: { id: true }, orderBy: { id: "asc" }, take: RETENTION_BATCH })).map((b) => b.id);
    if (!ids.length) break;
    outcome.bookings += await deps.db.$transaction((tx) => anonymizeBookings(tx, ids));
    outcome.batches++;
    await breathe();
  }
  while (outcome.batches < MAX_BATCHES) {
    const ids = (await deps.db.voterMessage.findMany({ where: dueMessages(cutoff), select: { caseId: true }, orderBy: { caseId: "asc" }, take: RETENTION_BATCH })).map((m) => m.caseId);
    if (!ids.length) break;
    outcome.messages += await deps.db.$transaction((tx) => anonymizeMessages(tx, ids, now));
    outcome.batches++;
    await breathe();
  }
  while (outcome.batches < MAX_BATCHES) {
    const ids = (await deps.db.invitation.findMany({ where: dueInvitations(cutoff), select: { id: true }, orderBy: { id: "asc" }, take: RETENTION_BATCH })).map((i) => i.id);
    if (!ids.length) break;
    outcome.invitations += await deps.db.$transaction((tx) => anonymizeInvitations(tx, ids, now));
    outcome.batches++;
    await breathe();
  }
  while (outcome.batches < MAX_BATCHES) {
    const ids = (await deps.db.case.findMany({ where: dueCaseComments(cutoff), select: { id: true }, take: RETENTION_BATCH })).map((c) => c.id);
    if (!ids.length) break;
    outcome.caseComments += (await deps.db.case.updateMany({ where: { id: { in: ids } }, data: { feedbackComment: null } })).count;
    outcome.batches++;
    await breathe();
  }
  const value = JSON.stringify({ at: now.toISOString(), ...outcome });
  await deps.db.setting.upsert({ where: { key: LAST_RUN_KEY }, create: { key: LAST_RUN_KEY, value }, update: { value } });
  return outcome;
}

export async function runRetentionAsAdmin(deps: ServiceDeps, actor: Actor): Promise<RetentionOutcome> {
  requireRole(actor, ["ADMIN"]);
  return runRetention(deps);
}

export interface RetentionTimer {
  /** resolves when the run in flight (if any) has finished */
  stop(): Promise<void>;
  /** the run started at start-up or by the timer, for tests */
  readonly running: Promise<unknown> | null;
}

/** Runs now and then every `everyMs` (a day); the timer never keeps the process alive. */
export function startRetention(deps: ServiceDeps, log: Logger, everyMs = DAY_MS): RetentionTimer {
  let running: Promise<unknown> | null = null;
  let stopped = false;
  const tick = () => {
    if (stopped || running || (deps.config.retentionDays <= 0 && deps.config.auditRetentionDays <= 0)) return;
    const started = Date.now();
    const anonymized = deps.config.retentionDays > 0
      ? runRetention(deps)
        .then((o) => log.info("retention.run", { ...o, ms: Date.now() - started }))
        .catch((e: unknown) => log.error("retention.failed", { error: e instanceof Error ? e.constructor.name : typeof e }))
      : Promise.resolve();
    // The audit is not anonymized; past AUDIT_RETENTION_DAYS its oldest entries go as a whole (services/privacy-and-accounts/audit.ts).
    running = anonymized
      .then(() => pruneAudit(deps))
      .then((entries) => entries && log.info("audit.pruned", { entries }))
      .catch((e: unknown) => log.error("audit.prune.failed", { error: e instanceof Error ? e.constructor.name : typeof e }))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, everyMs);
  timer.unref();
  tick();
  return {
    get running() {
      return running;
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
