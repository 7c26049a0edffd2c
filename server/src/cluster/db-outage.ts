/**
 * Writes fail fast while the database is away. When a write-lane transaction
 * fails and a quick `SELECT 1` fails too, the database is taken as down (the
 * ping has its own connection, store/database-ping.ts: a pool busy with other
 * sessions' transactions is load, not an outage): from
 * then on every transaction is refused at once with a coded error (INTERNAL,
 * "database unavailable") instead of each waiting out the connection timeout —
 * a batch of 200 that the lane retries one by one would otherwise take
 * 200 × that timeout, far past the client's ack timeout. A probe every
 * PROBE_MS closes the breaker as soon as the database answers again, so the
 * node recovers by itself.
 */
import { AppError } from "../protocol/errors.ts";
import type { Logger } from "../logger.ts";
import type { Db } from "../store/prisma.ts";
import type { DatabasePing } from "../store/database-ping.ts";

const PING_TIMEOUT_MS = 1_000;
const PROBE_MS = 500;

export const databaseUnavailable = () => new AppError("INTERNAL", "数据库暂不可用，请稍后再试 / database unavailable, try again shortly");

export interface OutageGuard {
  /** `db` whose `$transaction` is refused at once while the database is known to be down */
  db: Db;
  /** true while writes are refused (/readyz reports it, so "ready" means "takes writes") */
  down(): boolean;
}

export function guardTransactions(db: Db, ping: DatabasePing, log: Logger): OutageGuard {
  const reachable = () => ping(PING_TIMEOUT_MS);
  let down = false;
  let probe: NodeJS.Timeout | null = null;
  const markDown = () => {
    if (down) return;
    down = true;
    log.warn("database unreachable: refusing writes until it answers");
    probe = setInterval(() => {
      void reachable().then((ok) => {
        if (!ok || !down) return;
        down = false;
        clearInterval(probe!);
        probe = null;
        log.info("database reachable again");
      });
    }, PROBE_MS);
    probe.unref();
  };
  const transaction = (async (...args: unknown[]) => {
    if (down) throw databaseUnavailable();
    try {
      return await (db.$transaction as (...a: unknown[]) => Promise<unknown>).apply(db, args);
    } catch (e) {
      if (e instanceof AppError) throw e;
      if (!down && !(await reachable())) markDown();
      throw down ? databaseUnavailable() : e;
    }
  }) as Db["$transaction"];
  const guarded = new Proxy(db, {
    get(target, prop) {
      if (prop === "$transaction") return transaction;
      return Reflect.get(target, prop) as unknown;
    },
  });
  return { db: guarded, down: () => down };
}
