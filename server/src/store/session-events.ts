/**
 * The session event log. `seq` is taken from ReceptionSession.lastSeq inside
 * the writer's transaction, so two writers (or two nodes) cannot collide and
 * the log has no gaps.
 */
import type { LiveEventType } from "../protocol/model.ts";
import type { Db, Tx } from "./prisma.ts";

/** An event as committed: data is the staff (full) view; projections narrow it when sent. */
export interface StoredEvent {
  sessionId: string;
  seq: number;
  type: LiveEventType;
  data: unknown;
  at: string;
}

/** Appends one event with the next seq. Call inside the use case's transaction. */
export async function appendEvent(
  tx: Tx,
  sessionId: string,
  type: LiveEventType,
  data: unknown,
  at: Date,
  actorId?: string,
): Promise<StoredEvent> {
  const { lastSeq } = await tx.receptionSession.update({
    where: { id: sessionId },
    data: { lastSeq: { increment: 1 } },
    select: { lastSeq: true },
  });
  await tx.sessionEvent.create({
    data: { sessionId, seq: lastSeq, type, data: JSON.stringify(data), at, actorId: actorId ?? null },
  });
  return { sessionId, seq: lastSeq, type, data, at: at.toISOString() };
}

/** Events after `sinceSeq`, in order, at most `limit`. */
export async function eventsSince(db: Db | Tx, sessionId: string, sinceSeq: number, limit: number): Promise<StoredEvent[]> {
  const rows = await db.sessionEvent.findMany({
    where: { sessionId, seq: { gt: sinceSeq } },
    orderBy: { seq: "asc" },
    take: limit,
  });
  return rows.map((r) => ({
    sessionId: r.sessionId,
    seq: r.seq,
    type: r.type as LiveEventType,
    data: JSON.parse(r.data) as unknown,
    at: r.at.toISOString(),
  }));
}
