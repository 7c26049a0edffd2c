/**
 * Liveness and readiness, for the balancer and the orchestrator.
 * - `/healthz`: the process is up and its database answers (as before).
 * - `/readyz`: send me traffic — 503 while draining (SIGTERM), while the
 *   database or Redis does not answer within READY_TIMEOUT_MS, or while the
 *   write lanes still refuse writes after an outage, so the
 *   balancer takes this node out until it can serve again.
 * Bodies carry only booleans: nothing for a stranger to learn.
 */
import { Router } from "express";
import type { Db } from "../../store/prisma.ts";

const READY_TIMEOUT_MS = 1_000;

export interface Readiness {
  /** set once on SIGTERM: /readyz answers 503 from then on */
  draining: boolean;
  /** true while the write lanes refuse writes after a database outage (cluster/db-outage.ts) */
  writesRefused?: () => boolean;
}

async function within(ms: number, check: () => Promise<unknown>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([check(), new Promise((_, reject) => (timer = setTimeout(() => reject(new Error("timeout")), ms)))]);
    return true;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

export function healthRoutes(db: Db, readiness: Readiness, pingRedis: ((timeoutMs: number) => Promise<void>) | null): Router {
  const router = Router();
  router.get("/healthz", async (_req, res) => {
    const ok = await within(5_000, () => db.$queryRawUnsafe("SELECT 1"));
    res.status(ok ? 200 : 500).json({ ok });
  });
  router.get("/readyz", async (_req, res) => {
    const [database, redis] = await Promise.all([
      within(READY_TIMEOUT_MS, () => db.$queryRawUnsafe("SELECT 1")),
      pingRedis ? within(READY_TIMEOUT_MS, () => pingRedis(READY_TIMEOUT_MS)) : Promise.resolve(true),
    ]);
    const ok = database && redis && !readiness.draining && !readiness.writesRefused?.();
    res.status(ok ? 200 : 503).json({ ok, database, redis, draining: readiness.draining });
  });
  return router;
}
