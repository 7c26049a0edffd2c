/**
 * Consistent snapshots of the database and loading them back (docs/ARCHITECTURE.md §6f).
 *
 * SQLite: better-sqlite3's online backup API on a connection of its own — it
 * copies pages while the service keeps writing (WAL) and yields a complete
 * database file. PostgreSQL: `pg_dump -Fc` of the deployment's schema, and
 * `pg_restore` back into it; both are Debian's postgresql-client.
 */
import { execFile } from "node:child_process";
import { existsSync, renameSync, rmSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { promisify } from "node:util";
import pg from "pg";
import type { BackupExt } from "../domain/backup-names.ts";
import { isPostgresUrl } from "./postgres-url.ts";

const run = promisify(execFile);

/** The part of better-sqlite3 used here (the package ships no types). */
interface SqliteConnection {
  backup(destination: string): Promise<unknown>;
  prepare(sql: string): { all(): unknown[]; get(): unknown };
  close(): void;
}
type SqliteOpen = new (file: string, options?: { readonly?: boolean; fileMustExist?: boolean; timeout?: number }) => SqliteConnection;
const openSqlite = createRequire(import.meta.url)("better-sqlite3") as SqliteOpen;

export const backupExt = (url: string): BackupExt => (isPostgresUrl(url) ? "dump" : "db");

const sqliteFile = (url: string) => url.replace(/^file:/, "");

/** The connection string pg tools understand (without Prisma's `?schema=`), and the schema. */
function pgTarget(url: string): { connection: string; schema: string } {
  const u = new URL(url);
  const schema = u.searchParams.get("schema") ?? "public";
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(schema)) throw new Error("DATABASE_URL: schema must be a plain identifier");
  u.searchParams.delete("schema");
  return { connection: u.toString(), schema };
}

/**
 * Writes a consistent snapshot of the database at `url` to `file`, while the
 * service may be writing. It is written beside `file` first and renamed, so
 * a snapshot in the backup folder is always whole.
 */
export async function snapshotDatabase(url: string, file: string): Promise<void> {
  const partial = `${file}.partial`;
  try {
    if (isPostgresUrl(url)) {
      const { connection, schema } = pgTarget(url);
      await run("pg_dump", ["-Fc", "--no-owner", "--no-privileges", "-n", schema, "-f", partial, "-d", connection]);
    } else {
      const db = new openSqlite(sqliteFile(url), { fileMustExist: true, timeout: 5000 });
      try {
        await db.backup(partial);
      } finally {
        db.close();
      }
    }
    renameSync(partial, file);
  } finally {
    rmSync(partial, { force: true });
  }
}

/** The tables of the database at `url` that hold at least one row (an absent database holds none). */
export async function tablesWithRows(url: string): Promise<string[]> {
  if (isPostgresUrl(url)) {
    const { connection, schema } = pgTarget(url);
    const client = new pg.Client({ connectionString: connection });
    await client.connect();
    try {
      const tables = await client.query<{ name: string }>("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = $1 AND table_type = 'BASE TABLE'", [schema]);
      const full: string[] = [];
      for (const { name } of tables.rows) {
        const rows = await client.query(`SELECT 1 FROM "${schema}"."${name.replace(/"/g, '""')}" LIMIT 1`);
        if (rows.rowCount) full.push(name);
      }
      return full;
    } finally {
      await client.end();
    }
  }
  const file = sqliteFile(url);
  if (!existsSync(file) || statSync(file).size === 0) return [];
  const db = new openSqlite(file, { readonly: true, fileMustExist: true, timeout: 5000 });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[];
    return tables.filter(({ name }) => db.prepare(`SELECT 1 FROM "${name.replace(/"/g, '""')}" LIMIT 1`).get() !== undefined).map((t) => t.name);
  } finally {
    db.close();
  }
}

/**
 * Loads a snapshot into the database at `url`, replacing what is there (the
 * caller checks it is empty unless forced). The service must not be running
 * on that database. Newer migrations are applied by the next start.
 */
export async function restoreDatabase(url: string, file: string): Promise<void> {
  if (isPostgresUrl(url)) {
    const { connection, schema } = pgTarget(url);
    const listing = (await run("pg_restore", ["-l", file])).stdout;
    const dumped = /^\d+; \d+ \d+ SCHEMA - (\S+) /m.exec(listing)?.[1] ?? "public";
    if (dumped !== schema) throw new Error(`the snapshot holds schema "${dumped}"; restore it with ?schema=${dumped} in DATABASE_URL`);
    await run("pg_restore", ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction", "-d", connection, file]);
    return;
  }
  const target = sqliteFile(url);
  const source = new openSqlite(file, { readonly: true, fileMustExist: true });
  try {
    // Leftover WAL files of the old database would be read as part of the new one.
    for (const suffix of ["-wal", "-shm", "-journal"]) rmSync(target + suffix, { force: true });
    await source.backup(target);
  } finally {
    source.close();
  }
}
