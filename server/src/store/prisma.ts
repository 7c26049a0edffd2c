/**
 * The database client. SQLite (default) through better-sqlite3 in WAL mode;
 * PostgreSQL is selected by a postgresql:// DATABASE_URL (docs/ARCHITECTURE.md §3).
 */
import { PrismaClient } from "../generated/prisma/client.ts";
import { AppError } from "../protocol/errors.ts";
import { findIllFormed, ILL_FORMED_MESSAGE, illFormedDetails } from "../protocol/well-formed.ts";
import { isPostgresUrl } from "./postgres-url.ts";
import { SqliteAdapterFactory } from "./sqlite-direct.ts";

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
export { PrismaClient };

export { isPostgresUrl };

/** Opens the database and applies the SQLite pragmas the service relies on. */
export async function openDatabase(url: string): Promise<Db> {
  if (isPostgresUrl(url)) return openPostgres(url);
  // The factory remembers its connection, for the write lane's big inserts (store/sqlite-direct.ts).
  const adapter = new SqliteAdapterFactory({ url: url.replace(/^file:/, ""), timeout: 5000 });
  // Minimal error formatting: Prisma otherwise builds a pretty message per query.
  const db = refuseIllFormedText(new PrismaClient({ adapter, errorFormat: "minimal" }));
  // WAL lets readers run beside the writer; NORMAL sync is durable against a
  // process crash (what we promise on ack) and loses at most the last commits
  // on power loss. busy_timeout covers a second process (seed, CLI).
  await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  await db.$executeRawUnsafe("PRAGMA synchronous = NORMAL");
  await db.$executeRawUnsafe("PRAGMA foreign_keys = ON");
  await db.$executeRawUnsafe("PRAGMA busy_timeout = 5000");
  return db;
}

/**
 * PostgreSQL through the client generated from the same models
 * (prisma/postgres/schema.prisma). Its API is the SQLite client's for every
 * query this service makes, so the rest of the code sees one `Db` type.
 */
async function openPostgres(url: string): Promise<Db> {
  const [{ PrismaPg }, { PrismaClient: PgClient }, { pgAdapterConfig }] = await Promise.all([
    import("@prisma/adapter-pg"),
    import("../generated/prisma-pg/client.ts"),
    import("./postgres-url.ts"),
  ]);
  const { pool, options } = pgAdapterConfig(url);
  // Bounded waits, so a write during a database outage fails (coded, see
  // cluster/db-outage.ts) within a client's 10 s ack timeout instead of hanging.
  // The query timeout (client side: it also covers a connection whose packets
  // vanish) must leave room for the slowest legitimate query (exports, search):
  // PG_QUERY_TIMEOUT_MS, default 8 s.
  const queryTimeout = Number(process.env.PG_QUERY_TIMEOUT_MS) || 8_000;
  // A node that hangs (not dies) inside a transaction would hold its session's
  // row lock for every node: PostgreSQL ends such a transaction after 15 s.
  pool.options = [pool.options, "-c idle_in_transaction_session_timeout=15000"].filter(Boolean).join(" ");
  const db = refuseIllFormedText(new PgClient({
    adapter: new PrismaPg(
      { ...pool, max: 10, connectionTimeoutMillis: 3_000, query_timeout: queryTimeout, keepAlive: true, idleTimeoutMillis: 30_000 },
      options,
    ),
    errorFormat: "minimal",
  }) as unknown as Db);
  await db.$connect();
  return db;
}

/**
 * The last line of the ill-formed-text defence (protocol/well-formed.ts): a
 * query whose arguments hold a lone surrogate is refused as BAD_REQUEST
 * before Prisma sees it. Prisma batches the `findUnique`s of one tick into a
 * single query, and that query's serialization fails on such a string — so
 * without this, one hostile id failed every concurrent lookup with an
 * unknown error (INTERNAL). The extension runs per call, before the batching.
 * The extended client has the same API, so the rest of the code keeps `Db`.
 */
function refuseIllFormedText(db: Db): Db {
  return db.$extends({
    query: {
      $allOperations({ args, query }) {
        const where = findIllFormed(args);
        if (where !== null) throw new AppError("BAD_REQUEST", ILL_FORMED_MESSAGE, illFormedDetails(where));
        return query(args);
      },
    },
  }) as unknown as Db;
}
