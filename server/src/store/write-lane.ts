/**
 * One write lane per session: every live mutation of a session runs through
 * it. Operations that arrive while a transaction is running are grouped into
 * the next transaction (group commit), so a join storm costs one commit per
 * batch instead of one per voter, and events are handed to the broadcaster in
 * seq order, after commit.
 */
import type { LiveEventType } from "../protocol/model.ts";
import type { Db, Tx } from "./prisma.ts";
import { appendEvent, type StoredEvent } from "./session-events.ts";

export interface LaneContext {
  tx: Tx;
  sessionId: string;
  /** Appends an event to the session log; it is published after commit. */
  append(type: LiveEventType, data: unknown, at: Date, actorId?: string): Promise<StoredEvent>;
}

export type LaneOp<T> = (ctx: LaneContext) => Promise<T>;

interface Pending {
  op: LaneOp<unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

interface Lane {
  queue: Pending[];
  running: boolean;
}

class BatchAborted extends Error {}

/**
 * Takes the session row's write lock before anything is read, so that on
 * PostgreSQL two nodes writing one session run one after the other (reads
 * then see each other's commits: a retried requestId finds its ticket, two
 * consoles cannot call two voters at once). On SQLite writers are serial anyway.
 */
async function lockSession(tx: Tx, sessionId: string): Promise<void> {
  await tx.receptionSession.updateMany({ where: { id: sessionId }, data: { lastSeq: { increment: 0 } } });
}

export class WriteLanes {
  private readonly lanes = new Map<string, Lane>();

  constructor(
    private readonly db: Db,
    private readonly onCommit: (events: StoredEvent[]) => void,
    private readonly maxBatch = 256,
  ) {}

  run<T>(sessionId: string, op: LaneOp<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      let lane = this.lanes.get(sessionId);
      if (!lane) {
        lane = { queue: [], running: false };
        this.lanes.set(sessionId, lane);
      }
      lane.queue.push({ op: op as LaneOp<unknown>, resolve: resolve as (v: unknown) => void, reject });
      if (!lane.running) void this.drain(sessionId, lane);
    });
  }

  private async drain(sessionId: string, lane: Lane): Promise<void> {
    lane.running = true;
    try {
      while (lane.queue.length > 0) {
        const batch = lane.queue.splice(0, this.maxBatch);
        if (batch.length === 1) await this.runAlone(sessionId, batch[0]!);
        else await this.runBatch(sessionId, batch);
      }
    } finally {
      lane.running = false;
      if (lane.queue.length === 0) this.lanes.delete(sessionId);
      else void this.drain(sessionId, lane);
    }
  }

  /** All ops in one transaction; if any fails, none is kept and each runs alone. */
  private async runBatch(sessionId: string, batch: Pending[]): Promise<void> {
    const events: StoredEvent[] = [];
    let results: unknown[];
    try {
      results = await this.db.$transaction(
        async (tx) => {
          const out: unknown[] = [];
          await lockSession(tx, sessionId);
          const ctx = this.context(tx, sessionId, events);
          for (const p of batch) {
            try {
              out.push(await p.op(ctx));
            } catch {
              throw new BatchAborted();
            }
          }
          return out;
        },
        { timeout: 60_000, maxWait: 60_000 },
      );
    } catch {
      for (const p of batch) await this.runAlone(sessionId, p);
      return;
    }
    this.onCommit(events);
    batch.forEach((p, i) => p.resolve(results[i]));
  }

  private async runAlone(sessionId: string, p: Pending): Promise<void> {
    const events: StoredEvent[] = [];
    try {
      const result = await this.db.$transaction(async (tx) => {
        await lockSession(tx, sessionId);
        return p.op(this.context(tx, sessionId, events));
      }, {
        timeout: 60_000,
        maxWait: 60_000,
      });
      this.onCommit(events);
      p.resolve(result);
    } catch (error) {
      p.reject(error);
    }
  }

  private context(tx: Tx, sessionId: string, events: StoredEvent[]): LaneContext {
    return {
      tx,
      sessionId,
      append: async (type, data, at, actorId) => {
        const e = await appendEvent(tx, sessionId, type, data, at, actorId);
        events.push(e);
        return e;
      },
    };
  }
}
