/**
 * `session:viewers` across nodes. Each node knows only its own sockets; once
 * a second it writes its count per watched session into a Redis hash
 * (`tongxin:viewers:<sessionId>`, one field per node, "count:expiresAtMs")
 * and reads the hash back in the same round trip — one MULTI for all of the
 * node's sessions. A node that died stops refreshing its field and drops out
 * of the sum after FIELD_TTL_MS; the whole key expires when nobody refreshes it.
 * Cheaper than `fetchSockets()` across the cluster (which asks every node for
 * every socket) and bounded: one small write per node per watched session per second.
 */
import type { ClusterRedis } from "./redis.ts";

const FIELD_TTL_MS = 5_000;
const KEY_TTL_MS = 30_000;
const key = (sessionId: string) => `tongxin:viewers:${sessionId}`;

/** Sums the fresh fields of one session's hash; a missing or stale field counts 0. */
export function sumFresh(fields: Record<string, string>, now: number): number {
  let total = 0;
  for (const value of Object.values(fields)) {
    const [count, expires] = value.split(":").map(Number) as [number, number];
    if (Number.isFinite(count) && expires > now) total += count;
  }
  return total;
}

export class ClusterViewerCounts {
  constructor(
    private readonly redis: ClusterRedis,
    private readonly nodeId: string,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Publishes this node's counts (0 removes the node's field) and answers the
   * cluster-wide totals of the same sessions. Rejects while Redis is away:
   * the caller falls back to its local counts.
   */
  async exchange(local: ReadonlyMap<string, number>): Promise<Map<string, number>> {
    const sessions = [...local.keys()];
    if (sessions.length === 0) return new Map();
    const now = this.now();
    const tx = this.redis.pub.multi();
    for (const id of sessions) {
      const count = local.get(id)!;
      if (count > 0) tx.hSet(key(id), this.nodeId, `${count}:${now + FIELD_TTL_MS}`).pExpire(key(id), KEY_TTL_MS);
      else tx.hDel(key(id), this.nodeId);
      tx.hGetAll(key(id));
    }
    const replies = (await tx.exec()) as unknown[];
    const totals = new Map<string, number>();
    let r = 0;
    for (const id of sessions) {
      r += local.get(id)! > 0 ? 2 : 1;
      totals.set(id, sumFresh((replies[r] ?? {}) as Record<string, string>, now));
      r += 1;
    }
    return totals;
  }
}
