/**
 * session:watch — a snapshot of the session in the caller's projection, or,
 * when the caller names the last seq it saw and the gap is small, the events
 * it missed (replay from the stored log).
 */
import { projectEvent, projectTicket } from "../domain/projections.ts";
import type { Projection, WatchReplay, WatchSnapshot } from "../protocol/model.ts";
import { eventsSince } from "../store/session-events.ts";
import { toSessionView, toTicketView, toTranscriptView } from "../store/views.ts";
import { mayAccessVenue } from "./auth.ts";
import type { Actor, ServiceDeps } from "./deps.ts";
import { findSessionOrThrow } from "./lookups.ts";

/** Past this many missed events a fresh snapshot is cheaper than a replay. */
export const MAX_REPLAY = 1000;
export const SNAPSHOT_TRANSCRIPT = 200;

export async function projectionFor(deps: ServiceDeps, actor: Actor, sessionId: string): Promise<{ projection: Projection; venueId: string }> {
  const s = await findSessionOrThrow(deps.db, sessionId);
  const staff = actor.user !== null && mayAccessVenue(actor.user, s.venueId);
  return { projection: staff ? "staff" : "public", venueId: s.venueId };
}

export async function watchSession(
  deps: ServiceDeps,
  sessionId: string,
  projection: Projection,
  sinceSeq: number | undefined,
  viewers: number,
): Promise<WatchSnapshot | WatchReplay> {
  return deps.db.$transaction(async (tx) => {
    const session = await findSessionOrThrow(tx, sessionId);
    if (sinceSeq !== undefined && sinceSeq <= session.lastSeq && session.lastSeq - sinceSeq <= MAX_REPLAY) {
      const events = await eventsSince(tx, sessionId, sinceSeq, MAX_REPLAY);
      return { seq: session.lastSeq, events: events.map((e) => projectEvent(e, projection)) };
    }
    const [tickets, transcript] = await Promise.all([
      tx.ticket.findMany({
        where: { sessionId },
        orderBy: [{ rank: "asc" }, { label: "asc" }],
        include: { case: { select: { trackingCode: true } } },
      }),
      tx.transcriptEntry.findMany({
        where: { sessionId, ...(projection === "staff" ? {} : { visibility: "PUBLIC" as const }) },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: SNAPSHOT_TRANSCRIPT,
      }),
    ]);
    return {
      seq: session.lastSeq,
      session: toSessionView(session),
      tickets: tickets.map((t) => projectTicket(toTicketView(t, t.case?.trackingCode), projection)),
      transcript: transcript.reverse().map(toTranscriptView),
      viewers,
    };
  });
}
