/**
 * Login brute-force limits, in memory (per process). Every attempt counts as
 * a failure from the moment it starts — so a burst of parallel guesses cannot
 * all pass the check while the password hashes run — and a success takes its
 * count back and clears the (account, address) pair. Three scopes:
 *
 * - account + address: `maxFailures` per window, then locked until the window
 *   ends. The attacker's address is locked out of the account; the real user,
 *   elsewhere, is not.
 * - address, any account: 4 × `maxFailures` per window (password spraying).
 * - account, any address: 10 × `maxFailures` per window; past it every attempt
 *   waits `ACCOUNT_LOCK_MS` after the last failure — a distributed attack is
 *   slowed to about one guess a minute, a real user waits a minute at most.
 */
export interface LoginLimits {
  maxFailures: number;
  windowMs: number;
}

export type LockScope = "account+address" | "address" | "account";

const PER_ADDRESS_FACTOR = 4;
const PER_ACCOUNT_FACTOR = 10;
export const ACCOUNT_LOCK_MS = 60_000;
const MAX_KEYS = 50_000;

interface Window {
  start: number;
  failures: number;
  lastFailureAt: number;
}

export class LoginThrottle {
  private readonly windows = new Map<string, Window>();

  constructor(
    private readonly limits: LoginLimits,
    private readonly now: () => number,
  ) {}

  /**
   * Starts an attempt. Locked: the seconds to wait and why, and nothing is
   * counted. Otherwise the attempt is counted as a failure, and `fills` names
   * the scopes it filled up (locked from now on if it fails — for the log).
   */
  begin(address: string, account: string): { refused: { retryAfterSec: number; scope: LockScope } } | { refused: null; fills: LockScope[] } {
    const t = this.now();
    for (const scope of SCOPES) {
      const waitMs = this.waitMs(scope, this.windowOf(keyOf(scope, address, account), t), t);
      if (waitMs > 0) return { refused: { retryAfterSec: Math.ceil(waitMs / 1000), scope } };
    }
    const fills: LockScope[] = [];
    for (const scope of SCOPES) {
      const w = this.windowOf(keyOf(scope, address, account), t, true)!;
      w.failures += 1;
      w.lastFailureAt = t;
      if (w.failures === this.limitOf(scope)) fills.push(scope);
    }
    return { refused: null, fills };
  }

  /** The attempt was right: it was no failure, and the pair starts afresh. */
  succeeded(address: string, account: string): void {
    this.windows.delete(keyOf("account+address", address, account));
    for (const scope of ["address", "account"] as const) {
      const w = this.windows.get(keyOf(scope, address, account));
      if (w && w.failures > 0) w.failures -= 1;
    }
  }

  private limitOf(scope: LockScope): number {
    const { maxFailures } = this.limits;
    return scope === "account+address" ? maxFailures : scope === "address" ? maxFailures * PER_ADDRESS_FACTOR : maxFailures * PER_ACCOUNT_FACTOR;
  }

  private waitMs(scope: LockScope, w: Window | undefined, t: number): number {
    if (!w || w.failures < this.limitOf(scope)) return 0;
    if (scope === "account") return w.lastFailureAt + ACCOUNT_LOCK_MS - t;
    return w.start + this.limits.windowMs - t;
  }

  private windowOf(key: string, t: number, create = false): Window | undefined {
    let w = this.windows.get(key);
    if (w && t - w.start >= this.limits.windowMs && t - w.lastFailureAt >= ACCOUNT_LOCK_MS) {
      this.windows.delete(key);
      w = undefined;
    }
    if (!w && create) {
      if (this.windows.size >= MAX_KEYS) this.sweep(t);
      w = { start: t, failures: 0, lastFailureAt: t };
      this.windows.set(key, w);
    }
    return w;
  }

  private sweep(t: number): void {
    for (const [k, w] of this.windows) if (t - w.start >= this.limits.windowMs) this.windows.delete(k);
  }
}

const SCOPES: readonly LockScope[] = ["account+address", "address", "account"];

function keyOf(scope: LockScope, address: string, account: string): string {
  if (scope === "address") return `a|${address}`;
  if (scope === "account") return `u|${account}`;
  return `p|${account}|${address}`;
}
