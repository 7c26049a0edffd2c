/**
 * One write lane per session: every live mutation of a session runs through
 * it. Operations that arrive while a transaction is running are taken into
 * the next transaction together (group commit), so a join storm costs one
 * commit per batch instead of one per voter, and events are handed to the
 * broadcaster in seq order, after commit.
 *
 * Operations of one kind can also be *grouped*: a run of them in a batch is
 * handed to one function that does their reads and writes together (one
 * query for the whole run instead of several per operation) — the lever that
 * keeps a join storm's per-voter cost small.
 */
import type { LiveEventBody } from "../protocol/model.ts";
import type { Db, Tx } from "./prisma.ts";
import { EventAppender, type StoredEvent } from "./session-events.ts";

export interface LaneContext {
  tx: Tx;
  sessionId: string;
  /**
   * Appends an event to the session log; it is published after commit. The
   * data must be what the event type carries (LiveEventDataMap), in the staff view.
   */
  append(event: LiveEventBody, at: Date, actorId?: string): Promise<StoredEvent>;
}

export type LaneOp<T> = (ctx: LaneContext) => Promise<T>;

/** One item's outcome in a group; an error means nothing was written for that item. */
export type GroupResult<R> = { ok: true; value: R } | { ok: false; error: unknown };

/** Runs a run of same-kind inputs together; must answer one result per input, in order. */
export type GroupRunner<I, R> = (ctx: LaneContext, inputs: I[]) => Promise<GroupResult<R>[]>;

interface Pending {
  /** a plain operation, or one item of a group */
  op?: LaneOp<unknown>;
  group?: { key: string; input: unknown; runner: GroupRunner<unknown, unknown> };
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

interface Lane {
  queue: Pending[];
  running: boolean;
}

class BatchAborted extends Error {}

/**
 * Waits for the event loop's next turn. On SQLite (better-sqlite3 is
 * synchronous) a whole transaction runs in microtasks, so no socket message is
 * read while one runs: without this pause every join that arrives over a
 * socket would find the lane idle and commit alone, and group commit would
 * never happen. One turn lets every message already received join the batch.
 */
const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

const TX_OPTIONS = { timeout: 60_000, maxWait: 60_000 };

/**
 * Takes the session row's write lock before anything is read, so that on
 * PostgreSQL two nodes writing one session run one after the other (reads
 * then see each other's commits: a retried requestId finds its ticket, two
 * consoles cannot call two voters at once). On SQLite writers are serial anyway.
 * Returns the transaction's event appender, starting from the locked lastSeq
 * (an unknown session appends nothing: its ops fail with NOT_FOUND).
 */
async function lockSession(tx: Tx, sessionId: string): Promise<EventAppender> {
  // Raw: the ORM's updateManyAndReturn cost ~5 ms of CPU for this one-row statement, every transaction.
  const [row] = await tx.$queryRaw<Array<{ lastSeq: number | bigint }>>`
    UPDATE "ReceptionSession" SET "lastSeq" = "lastSeq" WHERE "id" = ${sessionId} RETURNING "lastSeq"`;
  return new EventAppender(sessionId, row ? Number(row.lastSeq) : 0);
}

/** Consecutive items of the same group form one segment; every plain op is its own. */
function segmentsOf(batch: Pending[]): Pending[][] {
  const segments: Pending[][] = [];
  for (const p of batch) {
    const last = segments.at(-1);
    if (p.group && last?.[0]?.group?.key === p.group.key) last.push(p);
    else segments.push([p]);
  }
  return segments;
}

/** Told each batch's size and how long its transaction(s) took, for /metrics. */
export type LaneObserver = (batchSize: number, ms: number) => void;

export class WriteLanes {
  private readonly lanes = new Map<string, Lane>();
  private idleWaiters: Array<() => void> = [];

  constructor(
    private readonly db: Db,
    private readonly onCommit: (events: StoredEvent[]) => void,
    private readonly maxBatch = 256,
    private readonly observe?: LaneObserver,
  ) {}

  /** Resolves when no lane has work queued or running (new work may still arrive: stop it first). */
  idle(): Promise<void> {
    if (this.lanes.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  run<T>(sessionId: string, op: LaneOp<T>): Promise<T> {
    return this.enqueue(sessionId, { op: op as LaneOp<unknown> });
  }

  /** Runs `input` together with other pending inputs of the same `key` through `runner`. */
  runGrouped<I, R>(sessionId: string, key: string, input: I, runner: GroupRunner<I, R>): Promise<R> {
    return this.enqueue(sessionId, { group: { key, input, runner: runner as GroupRunner<unknown, unknown> } });
  }

  private enqueue<T>(sessionId: string, item: Pick<Pending, "op" | "group">): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      let lane = this.lanes.get(sessionId);
      if (!lane) {
        lane = { queue: [], running: false };
        this.lanes.set(sessionId, lane);
      }
      lane.queue.push({ ...item, resolve: resolve as (v: unknown) => void, reject });
      if (!lane.running) void this.drain(sessionId, lane);
    });
  }

  private async drain(sessionId: string, lane: Lane): Promise<void> {
    lane.running = true;
    try {
      await nextTurn();
      while (lane.queue.length > 0) {
        const batch = lane.queue.splice(0, this.maxBatch);
        const started = performance.now();
        if (batch.length === 1) await this.runAlone(sessionId, batch[0]!);
        else await this.runBatch(sessionId, batch);
        this.observe?.(batch.length, performance.now() - started);
        await nextTurn();
      }
    } finally {
      lane.running = false;
      if (lane.queue.length === 0) this.lanes.delete(sessionId);
      else void this.drain(sessionId, lane);
      if (this.lanes.size === 0) for (const w of this.idleWaiters.splice(0)) w();
    }
  }

  /**
   * The whole batch in one transaction. A plain op that throws aborts it (its
   * partial writes cannot be told apart), and then each item runs alone so
   * one bad request never fails its neighbours; a grouped item's error is its own.
   */
  private async runBatch(sessionId: string, batch: Pending[]): Promise<void> {
    let committed: { results: GroupResult<unknown>[]; events: StoredEvent[] };
    try {
      committed = await this.db.$transaction(async (tx) => {
        const appender = await lockSession(tx, sessionId);
        const ctx = this.context(tx, sessionId, appender);
        const results: GroupResult<unknown>[] = [];
        for (const segment of segmentsOf(batch)) {
          try {
            results.push(...(await this.runSegment(ctx, segment)));
          } catch {
            throw new BatchAborted();
          }
        }
        await appender.write(tx);
        return { results, events: appender.events };
      }, TX_OPTIONS);
    } catch {
      for (const p of batch) await this.runAlone(sessionId, p);
      return;
    }
    this.settle(batch, committed.results, committed.events);
  }

  private async runAlone(sessionId: string, p: Pending): Promise<void> {
    try {
      const committed = await this.db.$transaction(async (tx) => {
        const appender = await lockSession(tx, sessionId);
        const results = await this.runSegment(this.context(tx, sessionId, appender), [p]);
        await appender.write(tx);
        return { results, events: appender.events };
      }, TX_OPTIONS);
      this.settle([p], committed.results, committed.events);
    } catch (error) {
      p.reject(error);
    }
  }

  private async runSegment(ctx: LaneContext, segment: Pending[]): Promise<GroupResult<unknown>[]> {
    const first = segment[0]!;
    if (first.op) return [{ ok: true, value: await first.op(ctx) }];
    const results = await first.group!.runner(ctx, segment.map((p) => p.group!.input));
    if (results.length !== segment.length) throw new Error("a group runner must answer every input");
    return results;
  }

  private settle(batch: Pending[], results: GroupResult<unknown>[], events: StoredEvent[]): void {
    this.onCommit(events);
    batch.forEach((p, i) => {
      const r = results[i]!;
      if (r.ok) p.resolve(r.value);
      else p.reject(r.error);
    });
  }

  private context(tx: Tx, sessionId: string, appender: EventAppender): LaneContext {
    return {
      tx,
      sessionId,
      append: async (event, at, actorId) => appender.add(event, at, actorId),
    };
  }
}
