/**
 * Fixed-window counters for the abuse limits (logins, new connections, joins
 * and bookings per address): in this process's memory on a single node, or —
 * with REDIS_URL — in Redis through `rate-limiter-flexible`, so every node
 * counts the same windows and a guesser spreading attempts over the balancer's
 * nodes meets one limit, not one per node.
 *
 * Redis unreachable: each call falls back to this node's memory (the library's
 * insurance limiter) — the limits keep holding per node, as without Redis, and
 * nobody is refused only because Redis is away (a reception day goes on;
 * /readyz already reports the outage). Counts made during the outage stay in
 * memory; Redis's own windows resume when it is back.
 */
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";

/** A window as it stands: hits counted in it and the time until it ends. */
export interface WindowCount {
  count: number;
  msLeft: number;
}

export interface FixedWindows {
  /** The running window of `key`; null when none runs. */
  peek(key: string, windowMs: number): Promise<WindowCount | null>;
  /** Counts one hit, starting a window of `windowMs` if none runs; answers the count with it. */
  hit(key: string, windowMs: number): Promise<WindowCount>;
  /** Takes one hit back (an attempt that turned out not to count). */
  undo(key: string, windowMs: number): Promise<void>;
  /** Ends the window of `key`. */
  clear(key: string, windowMs: number): Promise<void>;
}

const MAX_KEYS = 50_000;

/** One process's windows, on an injectable clock (tests advance it past a window). */
export class MemoryWindows implements FixedWindows {
  private readonly windows = new Map<string, { start: number; windowMs: number; count: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  async peek(key: string): Promise<WindowCount | null> {
    return this.peekNow(key);
  }

  /** Synchronous hit, for callers on a hot path that never share (per socket). */
  hitNow(key: string, windowMs: number): WindowCount {
    const t = this.now();
    let w = this.live(key, t);
    if (!w) {
      if (this.windows.size >= MAX_KEYS) this.sweep(t);
      w = { start: t, windowMs, count: 0 };
      this.windows.set(key, w);
    }
    w.count += 1;
    return { count: w.count, msLeft: w.start + w.windowMs - t };
  }

  async hit(key: string, windowMs: number): Promise<WindowCount> {
    return this.hitNow(key, windowMs);
  }

  async undo(key: string): Promise<void> {
    const w = this.live(key, this.now());
    if (w && w.count > 0) w.count -= 1;
  }

  async clear(key: string): Promise<void> {
    this.windows.delete(key);
  }

  private peekNow(key: string): WindowCount | null {
    const t = this.now();
    const w = this.live(key, t);
    return w ? { count: w.count, msLeft: w.start + w.windowMs - t } : null;
  }

  private live(key: string, t: number) {
    const w = this.windows.get(key);
    if (w && t - w.start >= w.windowMs) {
      this.windows.delete(key);
      return undefined;
    }
    return w;
  }

  private sweep(t: number): void {
    for (const [k, w] of this.windows) if (t - w.start >= w.windowMs) this.windows.delete(k);
  }
}

/** The subset of a node-redis client rate-limiter-flexible uses (`useRedisPackage`). */
type RedisClient = object;

/**
 * Windows in Redis, one `RateLimiterRedis` per window length (its atomic
 * INCR + expiry script); the limit itself is the caller's, so each limiter
 * counts without refusing (points: unbounded).
 */
export class RedisWindows implements FixedWindows {
  private readonly limiters = new Map<number, RateLimiterRedis>();

  constructor(
    private readonly client: RedisClient,
    private readonly prefix = "tongxin:limit",
  ) {}

  async peek(key: string, windowMs: number): Promise<WindowCount | null> {
    const res = await this.limiter(windowMs).get(key);
    return res && res.consumedPoints > 0 ? { count: res.consumedPoints, msLeft: res.msBeforeNext } : null;
  }

  async hit(key: string, windowMs: number): Promise<WindowCount> {
    const res = await settle(this.limiter(windowMs).consume(key, 1));
    return { count: res.consumedPoints, msLeft: res.msBeforeNext };
  }

  async undo(key: string, windowMs: number): Promise<void> {
    await settle(this.limiter(windowMs).reward(key, 1));
  }

  async clear(key: string, windowMs: number): Promise<void> {
    await this.limiter(windowMs).delete(key);
  }

  private limiter(windowMs: number): RateLimiterRedis {
    let l = this.limiters.get(windowMs);
    if (!l) {
      const opts = { points: Number.MAX_SAFE_INTEGER, duration: Math.max(1, Math.round(windowMs / 1000)), keyPrefix: `${this.prefix}:${windowMs}` };
      l = new RateLimiterRedis({
        ...opts,
        storeClient: this.client,
        useRedisPackage: true,
        // node-redis with its offline queue off fails at once while Redis is away; this skips even the attempt.
        rejectIfRedisNotReady: true,
        insuranceLimiter: new RateLimiterMemory(opts),
      });
      this.limiters.set(windowMs, l);
    }
    return l;
  }
}

/** The library rejects with a RateLimiterRes when over its points; a count is a count here. */
async function settle(p: Promise<RateLimiterRes>): Promise<RateLimiterRes> {
  try {
    return await p;
  } catch (e) {
    if (e instanceof RateLimiterRes) return e;
    throw e;
  }
}
