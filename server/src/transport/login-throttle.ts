/**
 * Login brute-force limits. Every attempt counts as a failure from the moment
 * it starts — so a burst of parallel guesses cannot all pass while the
 * password hashes run — and a success takes its count back and clears the
 * (account, address) pair. Three scopes:
 *
 * - account + address: `maxFailures` per window, then locked until the window
 *   ends. The attacker's address is locked out of the account; the real user,
 *   elsewhere, is not.
 * - address, any account: 4 × `maxFailures` per window (password spraying).
 * - account, any address: 10 × `maxFailures` per window; past it every attempt
 *   waits `ACCOUNT_LOCK_MS` after the last failure — a distributed attack is
 *   slowed to about one guess a minute, a real user waits a minute at most.
 *
 * The counts live in `FixedWindows` (transport/fixed-windows.ts): this
 * process's memory, or Redis shared by every node. A locked attempt counts
 * nothing; attempts that raced past the check together (on one node or
 * several) are told apart by the counts their hits return, so no more than the
 * limit is ever let through per window.
 */
import type { FixedWindows, WindowCount } from "./fixed-windows.ts";

export interface LoginLimits {
  maxFailures: number;
  windowMs: number;
}

export type LockScope = "account+address" | "address" | "account";

const PER_ADDRESS_FACTOR = 4;
const PER_ACCOUNT_FACTOR = 10;
export const ACCOUNT_LOCK_MS = 60_000;

type Refusal = { retryAfterSec: number; scope: LockScope };

export class LoginThrottle {
  constructor(
    private readonly limits: LoginLimits,
    private readonly windows: FixedWindows,
  ) {}

  /**
   * Starts an attempt. Locked: the seconds to wait and why, and nothing is
   * counted. Otherwise the attempt is counted as a failure, and `fills` names
   * the scopes it filled up (locked from now on if it fails — for the log).
   */
  async begin(address: string, account: string): Promise<{ refused: Refusal } | { refused: null; fills: LockScope[] }> {
    const { windowMs } = this.limits;
    const keys = SCOPES.map((scope) => keyOf(scope, address, account));
    const [pair, byAddress, byAccount, slow] = await Promise.all([
      ...keys.map((k) => this.windows.peek(k, windowMs)),
      this.windows.peek(slowKey(account), ACCOUNT_LOCK_MS),
    ]);
    const locked = this.lockOf([pair ?? null, byAddress ?? null, byAccount ?? null], slow ?? null, false);
    if (locked) return { refused: locked };

    const counts = await Promise.all(keys.map((k) => this.windows.hit(k, windowMs)));
    // Past the account's limit every counted failure starts the minute the next one waits.
    const slowHit = counts[2]!.count >= this.limitOf("account") ? await this.windows.hit(slowKey(account), ACCOUNT_LOCK_MS) : null;
    const raced = this.lockOf(counts, slowHit, true);
    if (raced) return { refused: raced };
    const fills = SCOPES.filter((scope, i) => counts[i]!.count === this.limitOf(scope));
    return { refused: null, fills };
  }

  /** The attempt was right: it was no failure, and the pair starts afresh. */
  async succeeded(address: string, account: string): Promise<void> {
    const { windowMs } = this.limits;
    await Promise.all([
      this.windows.clear(keyOf("account+address", address, account), windowMs),
      this.windows.undo(keyOf("address", address, account), windowMs),
      this.windows.undo(keyOf("account", address, account), windowMs),
    ]);
  }

  /**
   * Which scope refuses: before counting, a scope is locked at its limit; after
   * counting (`counted`), an attempt beyond the limit lost a race and is refused too.
   */
  private lockOf(counts: Array<WindowCount | null>, slow: WindowCount | null, counted: boolean): Refusal | null {
    const over = (scope: LockScope, w: WindowCount | null) => w !== null && (counted ? w.count > this.limitOf(scope) : w.count >= this.limitOf(scope));
    const refuse = (scope: LockScope, msLeft: number): Refusal => ({ retryAfterSec: Math.max(1, Math.ceil(msLeft / 1000)), scope });
    if (over("account+address", counts[0]!)) return refuse("account+address", counts[0]!.msLeft);
    if (over("address", counts[1]!)) return refuse("address", counts[1]!.msLeft);
    const slowOver = slow !== null && (counted ? slow.count > 1 : slow.count >= 1);
    if (over("account", counts[2]!) && slowOver) return refuse("account", slow.msLeft);
    return null;
  }

  private limitOf(scope: LockScope): number {
    const { maxFailures } = this.limits;
    return scope === "account+address" ? maxFailures : scope === "address" ? maxFailures * PER_ADDRESS_FACTOR : maxFailures * PER_ACCOUNT_FACTOR;
  }
}

const SCOPES: readonly LockScope[] = ["account+address", "address", "account"];

function keyOf(scope: LockScope, address: string, account: string): string {
  if (scope === "address") return `login:a|${address}`;
  if (scope === "account") return `login:u|${account}`;
  return `login:p|${account}|${address}`;
}

/** The account's last-failure minute, running only once the account is past its limit. */
const slowKey = (account: string) => `login:s|${account}`;
