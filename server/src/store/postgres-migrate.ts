/**
 * Applies prisma/postgres/migrations in order. Prisma 6.19's migrate cannot
 * run through the pg driver adapter (prisma/orm#27403: it fails reading
 * catalog columns of type `name`), and the native engine cannot be
 * downloaded here, so this does what `migrate deploy` does: each migration's
 * SQL once, in a transaction, recorded in a table, under an advisory lock so
 * that nodes starting together do not race.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { pgAdapterConfig } from "./postgres-url.ts";

const LOCK_KEY = 4_771_150; // any constant shared by all nodes

export async function migratePostgres(url: string, dir = path.join("prisma", "postgres", "migrations")): Promise<string[]> {
  const { pool, options } = pgAdapterConfig(url);
  const client = new pg.Client(pool);
  await client.connect();
  const applied: string[] = [];
  try {
    await client.query("SELECT pg_advisory_lock($1)", [LOCK_KEY]);
    if (options.schema) await client.query(`CREATE SCHEMA IF NOT EXISTS "${options.schema}"`);
    await client.query(
      `CREATE TABLE IF NOT EXISTS "_tongxin_migrations" ("name" text PRIMARY KEY, "appliedAt" timestamptz NOT NULL DEFAULT now())`,
    );
    const done = new Set((await client.query<{ name: string }>(`SELECT "name" FROM "_tongxin_migrations"`)).rows.map((r) => r.name));
    const names = readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
    for (const name of names) {
      if (done.has(name)) continue;
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      await client.query("BEGIN");
      try {
        await client.query(sql);
        await client.query(`INSERT INTO "_tongxin_migrations" ("name") VALUES ($1)`, [name]);
        await client.query("COMMIT");
        applied.push(name);
      } catch (e) {
        await client.query("ROLLBACK");
        throw e;
      }
    }
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [LOCK_KEY]).catch(() => undefined);
    await client.end();
  }
  return applied;
}

// `tsx server/src/store/postgres-migrate.ts` — used by scripts/start.mjs.
if (import.meta.url === `file://${process.argv[1]}`) {
  const url = process.env.DATABASE_URL ?? "";
  const applied = await migratePostgres(url);
  console.log(applied.length ? `applied ${applied.join(", ")}` : "PostgreSQL schema is up to date");
}
