/**
 * Liveness, readiness and metrics, for the balancer, the orchestrator and Prometheus.
 * - `/healthz`: the process is up and its database answers (as before).
 * - `/readyz`: send me traffic — 503 while draining (SIGTERM), while the
 *   database or Redis does not answer within READY_TIMEOUT_MS, or while the
 *   write lanes still refuse writes after an outage, so the
 *   balancer takes this node out until it can serve again.
 * Bodies carry only booleans: nothing for a stranger to learn.
 */
import { Router } from "express";
import type { ServiceDeps } from "../../services/deps.ts";
import type { TrustCheck } from "../client-address.ts";
import { metricsOnlyDirect } from "../metrics.ts";
import { mounter } from "./mount.ts";
import type { DatabasePing } from "../../store/database-ping.ts";

const READY_TIMEOUT_MS = 1_000;

export interface Readiness {
  /** set once on SIGTERM: /readyz answers 503 from then on */
  draining: boolean;
  /** true while the write lanes refuse writes after a database outage (cluster/db-outage.ts) */
  writesRefused?: () => boolean;
  /** whether the database answers, on a connection of its own (store/database-ping.ts) */
  database: DatabasePing;
}

/** What GET /metrics needs: the node's exposition text and who counts as a proxy (app.ts). */
export interface Scrape {
  text: () => Promise<string>;
  trusted: TrustCheck;
}

export function healthRoutes(deps: ServiceDeps, readiness: Readiness, pingRedis: ((timeoutMs: number) => Promise<void>) | null, scrape: Scrape): Router {
  const router = Router();
  const mount = mounter(router, deps, "");
  // The status says it to the balancer; the body only repeats it.
  mount("GET /healthz", async ({ res }) => {
    const ok = await readiness.database(5_000);
    res.status(ok ? 200 : 500);
    return { ok };
  });
  mount("GET /readyz", async ({ res }) => {
    const [database, redis] = await Promise.all([
      readiness.database(READY_TIMEOUT_MS),
      pingRedis ? pingRedis(READY_TIMEOUT_MS).then(() => true, () => false) : Promise.resolve(true),
    ]);
    const ok = database && redis && !readiness.draining && !readiness.writesRefused?.();
    res.status(ok ? 200 : 503);
    return { ok, database, redis, draining: readiness.draining };
  });
  // Scraped on each node directly, never through the public entry (docs/DEPLOY.md,
  // "Metrics"): the balancer refuses the path in any spelling, and the node
  // itself answers only the exact path, and only to a request no trusted proxy forwarded.
  mount("GET /metrics", async () => ({ filename: "metrics.txt", body: await scrape.text(), inline: true }), [metricsOnlyDirect(scrape.trusted)]);
  return router;
}
