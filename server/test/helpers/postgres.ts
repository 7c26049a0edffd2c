/** A throwaway PostgreSQL schema per test file, on the machine's server (127.0.0.1:5432, database test). */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { migratePostgres } from "../../src/store/postgres-migrate.ts";

export const PG_BASE = process.env.TEST_POSTGRES_URL ?? "postgresql://root@127.0.0.1:5432/test";
export const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

export async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: PG_BASE, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function tempPostgresSchema(): Promise<{ url: string; name: string; drop(): Promise<void> }> {
  const schema = `tx_${randomBytes(6).toString("hex")}`;
  const url = `${PG_BASE}?schema=${schema}`;
  await migratePostgres(url);
  return {
    url,
    name: schema,
    async drop() {
      const client = new pg.Client({ connectionString: PG_BASE });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await client.end();
    },
  };
}
