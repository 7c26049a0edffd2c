/**
 * A fixed-window limit per key (socket id, address): cheap and good enough for
 * join floods. Counted in this process, or — given the shared windows (Redis,
 * transport/fixed-windows.ts) — across every node, for keys that name an
 * address (a socket lives on one node: its limits never need sharing).
 */
import { MemoryWindows, type FixedWindows } from "./fixed-windows.ts";

export class RateLimiter {
  private readonly windows: FixedWindows;

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    /** distinguishes this limit's keys from other limits' in shared windows */
    private readonly name = "limit",
    shared?: FixedWindows,
    now: () => number = Date.now,
  ) {
    this.windows = shared ?? new MemoryWindows(now);
  }

  /** Counts one hit; false when the key is over its limit in this window. */
  async take(key: string): Promise<boolean> {
    return (await this.check(key)).allowed;
  }

  /** Counts one hit; says whether it is allowed and, when not, how long until the window ends (Retry-After). */
  async check(key: string): Promise<{ allowed: boolean; retryAfterMs: number }> {
    const { count, msLeft } = await this.windows.hit(`${this.name}:${key}`, this.windowMs);
    return { allowed: count <= this.limit, retryAfterMs: count <= this.limit ? 0 : Math.max(0, msLeft) };
  }
}

/** A per-process limit for per-socket keys, answered synchronously. */
export class LocalRateLimiter {
  private readonly windows: MemoryWindows;

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    now: () => number = Date.now,
  ) {
    this.windows = new MemoryWindows(now);
  }

  take(key: string): boolean {
    return this.windows.hitNow(key, this.windowMs).count <= this.limit;
  }
}
