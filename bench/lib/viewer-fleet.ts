/**
 * The viewer processes, driven together: connect N viewers spread over the
 * workers, learn when the last viewer got a seq, check every stream, close.
 */
import os from "node:os";
import { spawnChild, type Child, type Message } from "./child.ts";
import { sleep } from "./clock.ts";

export interface ViewerStatus {
  viewers: number;
  minLast: number;
  maxLast: number;
  violations: number;
  violators: number;
  /** waitSeq: when the last viewer received the seq waited for (bench clock); null if one did not */
  seqAt?: number | null;
}

export interface ConnectOutcome {
  connected: number;
  failed: number;
  ms: number;
  errors: Array<[string, number]>;
}

export class ViewerFleet {
  readonly workers: Child[];
  /** per worker: seq → when its last viewer received it */
  private readonly done: Array<Map<number, number>>;
  private readonly waiters = new Set<() => void>();
  readonly frames: string[] = [];

  constructor(count: number) {
    // BENCH_WORKER_NODE_ARGS="--cpu-prof --cpu-prof-dir=bench/tmp/prof-workers" profiles the viewer processes.
    const nodeArgs = process.env.BENCH_WORKER_NODE_ARGS?.split(" ").filter(Boolean) ?? [];
    this.workers = Array.from({ length: count }, (_, i) => spawnChild(`viewers-${i}`, "workers/viewer-worker.ts", {}, nodeArgs));
    this.done = this.workers.map(() => new Map());
    this.workers.forEach((w, i) =>
      w.onNotice((m) => {
        if (m.type === "seqDone") {
          this.done[i]!.set(m.seq as number, m.lastAt as number);
          for (const wake of this.waiters) wake();
        } else if (m.type === "frame") {
          this.frames.push(m.bytes as string);
        }
      }),
    );
  }

  private split(n: number): number[] {
    const w = this.workers.length;
    return this.workers.map((_, i) => Math.floor(n / w) + (i < n % w ? 1 : 0));
  }

  private async connect(n: number, cmd: string, args: Record<string, unknown>): Promise<ConnectOutcome> {
    for (const d of this.done) d.clear();
    this.frames.length = 0;
    const counts = this.split(n);
    const replies = await Promise.all(
      this.workers.map((w, i) => w.request(cmd, { ...args, count: counts[i], capture: Boolean(args.capture) && i === 0 }, 600_000)),
    );
    return {
      connected: replies.reduce((a, r) => a + (r.connected as number), 0),
      failed: replies.reduce((a, r) => a + (r.failed as number), 0),
      ms: Math.max(...replies.map((r) => r.ms as number)),
      errors: replies.flatMap((r) => r.errors as Array<[string, number]>),
    };
  }

  /** Socket.IO viewers that each `session:watch` the session. */
  connectTongxin(url: string, sessionId: string, n: number, opts: { notify: boolean; capture: boolean }): Promise<ConnectOutcome> {
    return this.connect(n, "connectIo", { url, sessionId, concurrency: 50, ...opts });
  }

  /** Light viewers (workers/viewer-worker.ts connectLight): same server work, a fraction of the client CPU. */
  connectTongxinLight(url: string, sessionId: string, n: number, deflate: boolean | "all" = true): Promise<ConnectOutcome> {
    return this.connect(n, "connectLight", { url, sessionId, concurrency: 50, notify: false, deflate });
  }

  /** Sets the scheduling priority (nice value) of every viewer process. */
  nice(value: number): void {
    for (const w of this.workers) os.setPriority(w.pid, value);
  }

  /** Plain ws clients of the baseline; their streams start after `fromSeq`. */
  connectBaseline(url: string, n: number, fromSeq: number): Promise<ConnectOutcome> {
    return this.connect(n, "connectWs", { url, fromSeq, concurrency: 50, notify: true });
  }

  /** When the last viewer (over all workers) received `seq`; null on timeout. */
  lastReceipt(seq: number, timeoutMs: number): Promise<number | null> {
    const check = () => (this.done.every((d) => d.has(seq)) ? Math.max(...this.done.map((d) => d.get(seq)!)) : null);
    return new Promise((resolve) => {
      const now = check();
      if (now !== null) return resolve(now);
      const timer = setTimeout(() => {
        this.waiters.delete(wake);
        resolve(null);
      }, timeoutMs);
      const wake = () => {
        const t = check();
        if (t === null) return;
        clearTimeout(timer);
        this.waiters.delete(wake);
        resolve(t);
      };
      this.waiters.add(wake);
    });
  }

  /** Waits until every viewer has `seq` (or the timeout), then sums up the streams' checks. */
  async waitSeq(seq: number, timeoutMs: number): Promise<ViewerStatus> {
    const replies = (await Promise.all(this.workers.map((w) => w.request("waitSeq", { seq, timeoutMs }, timeoutMs + 30_000)))) as Message[];
    const seqAts = replies.map((r) => r.seqAt as number | null | undefined);
    return {
      seqAt: seqAts.every((t) => typeof t === "number") ? Math.max(...(seqAts as number[])) : null,
      viewers: replies.reduce((a, r) => a + (r.viewers as number), 0),
      minLast: Math.min(...replies.map((r) => r.minLast as number)),
      maxLast: Math.max(...replies.map((r) => r.maxLast as number)),
      violations: replies.reduce((a, r) => a + (r.violations as number), 0),
      violators: replies.reduce((a, r) => a + (r.violators as number), 0),
    };
  }

  async status(): Promise<ViewerStatus> {
    return this.waitSeq(0, 0);
  }

  async closeAll(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.request("closeAll")));
    await sleep(300);
  }

  async stop(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.stop()));
  }
}
