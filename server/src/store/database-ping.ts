/**
 * "Does the database answer?" asked on a connection of its own. On
 * PostgreSQL the service's pool (10 connections) can be busy for seconds
 * under load — hundreds of sessions' write lanes each holding one for a
 * transaction — and a `SELECT 1` queued behind them would take a busy node
 * for a dead database: the write breaker (cluster/db-outage.ts) would refuse
 * every write and /readyz would take the node out of the balancer, turning
 * load into an outage. The ping has a one-connection pool of its own
 * (kept open, reopened when it dies), so it waits only for the database.
 * SQLite is in the process: the service's client answers directly.
 */
import pg from "pg";
import type { Db } from "./prisma.ts";
import { isPostgresUrl, pgAdapterConfig } from "./postgres-url.ts";

export interface DatabasePing {
  /** true when the database answered `SELECT 1` within `timeoutMs` */
  (timeoutMs: number): Promise<boolean>;
  close(): Promise<void>;
}

export function databasePing(db: Db, url: string): DatabasePing {
  if (!isPostgresUrl(url)) {
    return Object.assign((timeoutMs: number) => within(timeoutMs, () => db.$queryRawUnsafe("SELECT 1")), { close: async () => undefined });
  }
  const { pool } = pgAdapterConfig(url);
  const own = new pg.Pool({ ...pool, max: 1, connectionTimeoutMillis: 1_000, query_timeout: 1_000, keepAlive: true, idleTimeoutMillis: 0 });
  // A dropped connection is an answer (false) for the ping under way, not a crash.
  own.on("error", () => undefined);
  return Object.assign((timeoutMs: number) => within(timeoutMs, () => own.query("SELECT 1")), { close: () => own.end() });
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
