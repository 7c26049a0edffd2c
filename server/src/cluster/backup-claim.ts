/**
 * One node per interval takes the scheduled snapshot (docs/ARCHITECTURE.md
 * §6f): the first to SET the interval's key (NX, living one interval) has it.
 */
import type { BackupClaim } from "../services/privacy-and-accounts/backups.ts";
import type { ClusterRedis } from "./redis.ts";

export function redisBackupClaim(redis: Pick<ClusterRedis, "pub">, prefix: string, nodeId: string): BackupClaim {
  return async (slot, ttlMs) => (await redis.pub.set(`${prefix}:backup:${slot}`, nodeId, { NX: true, PX: ttlMs })) === "OK";
}
