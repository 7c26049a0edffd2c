/**
 * The call lifecycle's clock (docs/ARCHITECTURE.md §5b), beside its steps in
 * calls.ts: the transport sets these timers, the services decide what firing
 * them does.
 */
import type { Logger } from "../../logger.ts";
import type { CallEndReason } from "../../protocol/calls.ts";
import { endIfLive } from "./calls.ts";
import type { ServiceDeps } from "../deps.ts";

/**
 * The timers that end calls by themselves: the time limit (set on the node
 * that started the call) and the voter's disconnect grace (set on the node
 * that saw the voter's socket go). Both re-check the database when they fire.
 * Work started by a disconnect is tracked too, so closing the app can wait for
 * it instead of pulling the database out from under it.
 */
export class CallTimers {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(
    private readonly deps: ServiceDeps,
    private readonly log: Logger,
  ) {}

  after(key: string, ms: number, run: () => Promise<unknown>): void {
    this.cancel(key);
    const timer = setTimeout(() => {
      this.timers.delete(key);
      run().catch((e: unknown) => this.log.warn("call timer failed", { err: e instanceof Error ? e.message : String(e) }));
    }, ms);
    timer.unref();
    this.timers.set(key, timer);
  }

  cancelAll(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }

  /** Runs `work` in the background, remembered until it settles. */
  track(work: Promise<unknown>): void {
    const p = work.catch(() => undefined).finally(() => this.inFlight.delete(p));
    this.inFlight.add(p);
  }

  /** Stops every timer and waits for the background work already started. */
  async close(): Promise<void> {
    this.cancelAll();
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  cancel(key: string): void {
    const t = this.timers.get(key);
    if (t) clearTimeout(t);
    this.timers.delete(key);
  }

  end(callId: string, reason: CallEndReason): Promise<boolean> {
    return endIfLive(this.deps, callId, reason);
  }
}
