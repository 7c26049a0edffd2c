/**
 * session:watch — a snapshot of the session in the caller's projection, or,
 * when the caller names the last seq it saw and the gap is small, the events
 * it missed (replay from the stored log).
 *
 * When a livestream starts, thousands of viewers ask for the same snapshot
 * within seconds. A snapshot is a function of the session's log position, so
 * it is built once per (session, projection, seq) and shared: each viewer
 * costs one read of `lastSeq`, not a transaction of four queries. This holds
 * because every change a snapshot shows appends a SessionEvent (the one write
 * path, docs/ARCHITECTURE.md §3); a short age limit bounds what does not
 * (a venue renamed in the back office).
 *
 * The caches live in a `WatchCache` that the composition root creates for
 * each app (`deps.watchCache`), so two apps in one process (the multi-node
 * test) never share what they remember.
 */
import { projectEvent, projectSession, projectTicket, projectTranscriptEntry } from "../../domain/projections.ts";
import { AppError } from "../../protocol/errors.ts";
import type { Projection, WatchReplay, WatchSnapshot } from "../../protocol/model.ts";
import { eventsSince } from "../../store/session-events.ts";
import { QUEUE_ORDER, WITH_TRACKING_CODE } from "../../store/tickets.ts";
import { toSessionView, toTicketView, toTranscriptView } from "../../store/views.ts";
import { mayAccessVenue } from "../privacy-and-accounts/auth.ts";
import type { Actor, ServiceDeps } from "../deps.ts";
import { findSessionOrThrow } from "../../store/lookups.ts";

/** Past this many missed events a fresh snapshot is cheaper than a replay. */
export const MAX_REPLAY = 1000;
export const SNAPSHOT_TRANSCRIPT = 200;
/** A shared snapshot is rebuilt after this long even if the log has not moved. */
export const SNAPSHOT_MAX_AGE_MS = 2000;

type Snapshot = Omit<WatchSnapshot, "viewers">;
interface CachedSnapshot {
  builtAt: number;
  snapshot: Promise<Snapshot>;
}

/** What one app remembers between watches: session → venue, and the shared snapshots by session and projection. */
export interface WatchCache {
  readonly venues: Map<string, string>;
  readonly snapshots: Map<string, CachedSnapshot>;
}

export function createWatchCache(): WatchCache {
  return { venues: new Map(), snapshots: new Map() };
}

const MAX_CACHED = 1000;

/**
 * The projection a watcher gets: staff for staff of the venue, public for
 * everyone else — and public for anyone who asks for it (`requested`), so a
 * TV opened from a logged-in browser never shows full names.
 */
export async function projectionFor(
  deps: ServiceDeps,
  actor: Actor,
  sessionId: string,
  requested?: "public",
): Promise<{ projection: Projection; venueId: string }> {
  // A session never moves to another venue and is never deleted, so its venue is remembered.
  const venues = deps.watchCache.venues;
  let venueId = venues.get(sessionId);
  if (!venueId) {
    const s = await deps.db.receptionSession.findUnique({ where: { id: sessionId }, select: { venueId: true } });
    if (!s) throw new AppError("NOT_FOUND", "没有这个接待日 / no such reception session");
    if (venues.size >= MAX_CACHED) venues.clear();
    venues.set(sessionId, (venueId = s.venueId));
  }
  const staff = requested !== "public" && actor.user !== null && !actor.user.mustChangePassword && mayAccessVenue(actor.user, venueId);
  return { projection: staff ? "staff" : "public", venueId };
}

export async function watchSession(
  deps: ServiceDeps,
  sessionId: string,
  projection: Projection,
  sinceSeq: number | undefined,
  viewers: number,
): Promise<WatchSnapshot | WatchReplay> {
  // Read after the caller joined the room: any snapshot at this seq or later is complete for it.
  const head = await deps.db.receptionSession.findUnique({ where: { id: sessionId }, select: { lastSeq: true } });
  if (!head) throw new AppError("NOT_FOUND", "没有这个接待日 / no such reception session");
  if (sinceSeq !== undefined && sinceSeq <= head.lastSeq && head.lastSeq - sinceSeq <= MAX_REPLAY) {
    const events = await eventsSince(deps.db, sessionId, sinceSeq, MAX_REPLAY);
    return { seq: events.length ? events[events.length - 1]!.seq : sinceSeq, events: events.map((e) => projectEvent(e, projection)) };
  }
  return { ...(await sharedSnapshot(deps, sessionId, projection, head.lastSeq)), viewers };
}

/** The latest snapshot at `atLeastSeq` or later, built at most once by concurrent callers. */
async function sharedSnapshot(deps: ServiceDeps, sessionId: string, projection: Projection, atLeastSeq: number): Promise<Snapshot> {
  const snapshots = deps.watchCache.snapshots;
  const key = `${sessionId}:${projection}`;
  const cached = snapshots.get(key);
  if (cached && Date.now() - cached.builtAt <= SNAPSHOT_MAX_AGE_MS) {
    const s = await cached.snapshot.catch(() => null);
    if (s && s.seq >= atLeastSeq) return s;
  }
  const entry: CachedSnapshot = { builtAt: Date.now(), snapshot: buildSnapshot(deps, sessionId, projection) };
  if (snapshots.size >= MAX_CACHED) snapshots.clear();
  snapshots.set(key, entry);
  try {
    return await entry.snapshot;
  } catch (e) {
    if (snapshots.get(key) === entry) snapshots.delete(key);
    throw e;
  }
}

async function buildSnapshot(deps: ServiceDeps, sessionId: string, projection: Projection): Promise<Snapshot> {
  return deps.db.$transaction(async (tx) => {
    const session = await findSessionOrThrow(tx, sessionId);
    const [tickets, transcript] = await Promise.all([
      tx.ticket.findMany({
        where: { sessionId },
        orderBy: QUEUE_ORDER,
        include: WITH_TRACKING_CODE,
      }),
      tx.transcriptEntry.findMany({
        where: { sessionId, ...(projection === "staff" ? {} : { visibility: "PUBLIC" as const }) },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: SNAPSHOT_TRANSCRIPT,
      }),
    ]);
    return {
      seq: session.lastSeq,
      session: projectSession(toSessionView(session, deps.config.mediaHlsBase), projection),
      tickets: tickets.map((t) => projectTicket(toTicketView(t, t.case?.trackingCode), projection)),
      transcript: transcript.reverse().map((e) => projectTranscriptEntry(toTranscriptView(e), projection)),
    };
  });
}
