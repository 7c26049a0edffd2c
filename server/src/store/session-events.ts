/**
 * The session event log. `seq` is taken from ReceptionSession.lastSeq inside
 * the writer's transaction, so two writers (or two nodes) cannot collide and
 * the log has no gaps.
 */
import type { CommittedEvent, LiveEventBody } from "../protocol/model.ts";
import { insertRows, newRowId, setSessionCounter } from "./bulk-insert.ts";
import type { Db, Tx } from "./prisma.ts";

/** An event as committed: data is the staff (full) view; projections narrow it when sent. */
export type StoredEvent = CommittedEvent;

const EVENT_COLUMNS = ["id", "sessionId", "seq", "type", "data", "actorId", "at"] as const;

/**
 * The events one write-lane transaction appends. Seqs are handed out in
 * memory from the session's lastSeq, read under the lane's row lock, and the
 * rows are written just before commit with one insert and one lastSeq update:
 * two statements per transaction instead of two per event, which is most of
 * what a join storm's group commit saves.
 */
export class EventAppender {
  readonly events: StoredEvent[] = [];
  private readonly rows: Array<{ sessionId: string; seq: number; type: string; data: string; at: Date; actorId: string | null }> = [];

  constructor(
    private readonly sessionId: string,
    private lastSeq: number,
  ) {}

  add(body: LiveEventBody, at: Date, actorId?: string): StoredEvent {
    const seq = ++this.lastSeq;
    this.rows.push({ sessionId: this.sessionId, seq, type: body.type, data: JSON.stringify(body.data), at, actorId: actorId ?? null });
    const event: StoredEvent = { sessionId: this.sessionId, seq, at: at.toISOString(), ...body };
    this.events.push(event);
    return event;
  }

  /** Call once, inside the transaction, after its last `add`. */
  async write(tx: Tx): Promise<void> {
    if (this.rows.length === 0) return;
    // One raw multi-row INSERT (store/bulk-insert.ts): a storm's batch appends hundreds of events.
    await insertRows(
      tx,
      "SessionEvent",
      EVENT_COLUMNS,
      this.rows.map((r) => [newRowId(), r.sessionId, r.seq, r.type, r.data, r.actorId, r.at]),
    );
    await setSessionCounter(tx, this.sessionId, "lastSeq", this.lastSeq);
  }
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
    at: r.at.toISOString(),
    // The log holds only what `add` wrote: a type and the data that type carries.
    ...({ type: r.type, data: JSON.parse(r.data) } as LiveEventBody),
  }));
}

/** Who did each step of a session's log: seq → the acting user's id (null for voters and the system). */
export async function eventActors(db: Db | Tx, sessionId: string): Promise<Map<number, string | null>> {
  const rows = await db.sessionEvent.findMany({ where: { sessionId }, select: { seq: true, actorId: true }, orderBy: { seq: "asc" } });
  return new Map(rows.map((r) => [r.seq, r.actorId]));
}

/** Each session's last committed seq (ReceptionSession.lastSeq); unknown ids are left out. */
export async function sessionHeads(db: Db, sessionIds: readonly string[]): Promise<Map<string, number>> {
  const heads = new Map<string, number>();
  // Chunked: SQLite caps a statement's parameters, and a node may watch thousands of sessions.
  for (let i = 0; i < sessionIds.length; i += 500) {
    const rows = await db.receptionSession.findMany({ where: { id: { in: sessionIds.slice(i, i + 500) } }, select: { id: true, lastSeq: true } });
    for (const r of rows) heads.set(r.id, r.lastSeq);
  }
  return heads;
}
