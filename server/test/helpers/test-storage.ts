/**
 * Which storage the integration suites run on. The `server` vitest project
 * runs them on SQLite; `server-pg` sets TEST_STORAGE=postgres and runs the same
 * files on PostgreSQL, each server in a fresh schema of 127.0.0.1:5432/test.
 * Files that only make sense on SQLite (they read the .db file, or kill -9 a
 * process writing it) are excluded from `server-pg` in vitest.config.ts and say
 * so in their header. A test that looks at the storage itself branches on
 * TEST_STORAGE (privacy.test.ts reads the SQLite file, or every PostgreSQL row).
 */
import { beforeEach } from "vitest";
import { tempPostgresSchema } from "./postgres.ts";
import { tempDbFile } from "./test-db.ts";

export type TestStorage = "sqlite" | "postgres";

export const TEST_STORAGE: TestStorage = process.env.TEST_STORAGE === "postgres" ? "postgres" : "sqlite";

/** Set by server/test/global-setup-postgres.ts when PostgreSQL was unreachable (and not required). */
export const storageUnavailable = TEST_STORAGE === "postgres" && process.env.TONGXIN_TEST_PG_UNREACHABLE === "1";

/** Marks every test of the current block skipped when the storage is unreachable (the global setup warned loudly). */
export function skipWhenStorageUnavailable(): void {
  if (storageUnavailable) beforeEach((ctx) => ctx.skip());
}

export interface TestDatabase {
  url: string;
  /** the SQLite file, or null on PostgreSQL */
  file: string | null;
  remove(): Promise<void>;
}

/** A fresh, migrated database on the run's storage: a copied SQLite file, or a new PostgreSQL schema. */
export async function freshTestDatabase(): Promise<TestDatabase> {
  if (TEST_STORAGE === "postgres") {
    const schema = await tempPostgresSchema();
    return { url: schema.url, file: null, remove: () => schema.drop() };
  }
  const temp = tempDbFile();
  return { url: temp.url, file: temp.file, remove: async () => temp.remove() };
}
