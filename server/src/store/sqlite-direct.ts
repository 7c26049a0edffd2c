/**
 * The write lane's two big statements on SQLite, run on better-sqlite3 itself.
 *
 * Prisma's driver adapter and query compiler cost ~0.25 ms of CPU per KB of
 * bound parameters (measured: a 22 KB text parameter took 6 ms in a raw query,
 * better-sqlite3 alone 0.09 ms). A join storm's batch binds its tickets and its
 * events as two JSON texts of ~60 and ~110 KB (store/bulk-insert.ts), so those
 * two statements were a third of the server's CPU in the storm.
 *
 * The adapter keeps one better-sqlite3 connection per client and runs a
 * transaction on it between BEGIN and COMMIT, and better-sqlite3 is
 * synchronous: a statement prepared on that same connection, run inside the
 * lane's transaction callback, is part of that transaction — committed or
 * rolled back with it. The connection is read off the adapter factory that
 * store/prisma.ts hands to PrismaClient (reachable from an interactive
 * transaction's client as `_engineConfig.adapter`); anything else — PostgreSQL,
 * a client built elsewhere — gets null, and the caller uses Prisma.
 */
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

/** The part of better-sqlite3's API used here (the package ships no types). */
interface Connection {
  prepare(sql: string): Statement;
}
interface Statement {
  run(...params: unknown[]): unknown;
}

/** Prisma's better-sqlite3 adapter factory, remembering the connection it opened. */
export class SqliteAdapterFactory extends PrismaBetterSQLite3 {
  connection: Connection | null = null;
  private readonly statements = new Map<string, Statement>();

  override async connect(): ReturnType<PrismaBetterSQLite3["connect"]> {
    const adapter = await super.connect();
    this.connection = (adapter as unknown as { client: Connection }).client;
    this.statements.clear();
    return adapter;
  }

  /** Runs `sql` (this module's callers' constants, never input) with `params`, prepared once. */
  run(sql: string, params: unknown[]): void {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.connection!.prepare(sql);
      this.statements.set(sql, statement);
    }
    statement.run(...params);
  }
}

/** The direct connection behind a client or transaction client, or null when there is none. */
export function directSqlite(client: unknown): SqliteAdapterFactory | null {
  const adapter = (client as { _engineConfig?: { adapter?: unknown } })._engineConfig?.adapter;
  return adapter instanceof SqliteAdapterFactory && adapter.connection ? adapter : null;
}

/** A Date as the adapter binds it (its default timestampFormat, ISO with "+00:00"). */
export const sqliteTimestamp = (d: Date): string => d.toISOString().replace("Z", "+00:00");
