/**
 * Random bytes for ids, tokens and IVs, taken from a pool filled by the
 * system CSPRNG 4 KB at a time (as Node's own randomUUID does). A join makes
 * four (ticket id, event id, voter token, the sealed token's IV); one
 * `randomBytes` call each cost more than the rest of making them, in a join
 * storm's profile. Every byte is handed out once; a used pool is dropped, not
 * refilled in place, so a slice handed out is never overwritten.
 */
import { randomBytes } from "node:crypto";

const POOL_SIZE = 4096;
let pool = randomBytes(POOL_SIZE);
let used = 0;

/** `n` fresh random bytes (n ≤ 4096). */
export function pooledRandomBytes(n: number): Buffer {
  if (used + n > POOL_SIZE) {
    pool = randomBytes(POOL_SIZE);
    used = 0;
  }
  const bytes = pool.subarray(used, used + n);
  used += n;
  return bytes;
}
