/**
 * The staff's weekly digest: once the week's moment has come (DIGEST_WEEKDAY at
 * DIGEST_HOUR, China time), each venue with something to say gets one digest
 * for the ISO week — overdue cases, cases due in the coming week, the coming
 * week's days, and the no-activity flag of a station. Each (week, venue) is
 * claimed first by inserting a Setting row `digest.weekly:<week>:<venueId>`
 * (the key is unique), so several nodes, two loop ticks or a restart never send
 * it twice; a crash between claim and send loses that week's digest rather than
 * repeating it. A venue with nothing to say is claimed as `skipped`.
 */
import { every } from "./every.ts";
import { digestOf } from "../domain/activity-nudges.ts";
import { cnMonthOf, isoWeekOf, monthPeriod, weeklyDueAt, type IsoWeek } from "../domain/cn-calendar.ts";
import type { DigestPreview, WeeklyDigest } from "../protocol/nudges.ts";
import { AppError } from "../protocol/errors.ts";
import { requireRole } from "../services/privacy-and-accounts/auth.ts";
import { computeNudges, digestRecipients } from "../services/duty-and-scoring/activity-nudges.ts";
import type { Actor, ServiceDeps } from "../services/deps.ts";
import type { DigestNotifier } from "./notifier.ts";
import { isUniqueViolation } from "../store/unique-violation.ts";

export const DIGEST_KEY_PREFIX = "digest.weekly:";
const DAY_MS = 24 * 60 * 60 * 1000;
/** claims older than this are deleted (they only matter for the current week) */
const KEEP_CLAIMS_MS = 60 * DAY_MS;

export interface DigestSchedule {
  /** 1 = Monday … 7 = Sunday */
  weekday: number;
  /** 0–23, China time */
  hour: number;
}

type ClaimState = NonNullable<DigestPreview["claim"]>["state"];
const claimKey = (week: IsoWeek, venueId: string) => `${DIGEST_KEY_PREFIX}${week.label}:${venueId}`;
const claimValue = (state: ClaimState, at: Date) => JSON.stringify({ state, at: at.toISOString() });

/** The digests of these venues as they would be composed at `now`, for the week of `now`. */
async function composeDigests(deps: ServiceDeps, venueIds: string[], now: Date): Promise<WeeklyDigest[]> {
  const report = await computeNudges(deps, venueIds, monthPeriod(cnMonthOf(now)), now);
  const week = isoWeekOf(now);
  const out: WeeklyDigest[] = [];
  for (const v of report.venues) out.push(digestOf(v, report.month, week.label, now, await digestRecipients(deps.db, v.venueId)));
  return out;
}

/** Sends every digest due at `now` that no node has claimed yet; returns how many went out. */
export async function sendDueDigests(deps: ServiceDeps, notifier: DigestNotifier, schedule: DigestSchedule, now: Date): Promise<number> {
  const week = isoWeekOf(now);
  if (now < weeklyDueAt(week, schedule.weekday, schedule.hour)) return 0;
  const prefix = `${DIGEST_KEY_PREFIX}${week.label}:`;
  const claimed = new Set((await deps.db.setting.findMany({ where: { key: { startsWith: prefix } }, select: { key: true } })).map((s) => s.key.slice(prefix.length)));
  const todo = (await deps.db.venue.findMany({ select: { id: true } })).map((v) => v.id).filter((id) => !claimed.has(id));
  if (todo.length === 0) return 0;
  await deps.db.setting.deleteMany({ where: { key: { startsWith: DIGEST_KEY_PREFIX }, updatedAt: { lt: new Date(now.getTime() - KEEP_CLAIMS_MS) } } });
  let sent = 0;
  for (const digest of await composeDigests(deps, todo, now)) {
    const key = claimKey(week, digest.venueId);
    const state: ClaimState = digest.items.length ? "claimed" : "skipped";
    try {
      await deps.db.setting.create({ data: { key, value: claimValue(state, now), updatedAt: now } });
    } catch (e) {
      if (isUniqueViolation(e)) continue; // another node (or tick) has it
      throw e;
    }
    if (state === "skipped") continue;
    let outcome: ClaimState = "sent";
    try {
      await notifier.sendDigest(digest);
      sent++;
    } catch {
      // The driver logged why; the claim stays, so the week's digest is not repeated.
      outcome = "failed";
    }
    await deps.db.setting.update({ where: { key }, data: { value: claimValue(outcome, now), updatedAt: now } });
  }
  return sent;
}

/** GET /api/admin/digest?venueId= (admin): this week's digest of a venue as it reads now, and its claim. */
export async function previewDigest(deps: ServiceDeps, actor: Actor, venueId: string): Promise<DigestPreview> {
  requireRole(actor, ["ADMIN"]);
  const venue = await deps.db.venue.findUnique({ where: { id: venueId }, select: { id: true } });
  if (!venue) throw new AppError("NOT_FOUND", "没有这个联络站 / no such venue");
  const now = deps.now();
  const [digest] = await composeDigests(deps, [venueId], now);
  const row = await deps.db.setting.findUnique({ where: { key: claimKey(isoWeekOf(now), venueId) } });
  let claim: DigestPreview["claim"] = null;
  if (row) {
    const v = JSON.parse(row.value) as { state: ClaimState; at: string };
    claim = { state: v.state, at: v.at };
  }
  return { digest: digest!, wouldSend: digest!.items.length > 0, claim };
}

/** Checks every `intervalMs` whether digests are due; the returned stop waits for a check in flight. */
export function startDigestLoop(deps: ServiceDeps, notifier: DigestNotifier, schedule: DigestSchedule, intervalMs: number): () => Promise<void> {
  // A failed check (the database busy or closing) is tried again at the next tick.
  return every(intervalMs, () => sendDueDigests(deps, notifier, schedule, deps.now()));
}
