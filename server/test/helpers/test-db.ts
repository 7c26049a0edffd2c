/**
 * Temporary SQLite files for tests: migrations are applied once per run
 * (server/test/global-setup.ts) into a template, which each test copies (a
 * copy is milliseconds, `prisma migrate deploy` is seconds). Without the
 * global setup, each process migrates its own template.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";

let template: string | null = process.env.TONGXIN_TEST_DB_TEMPLATE ?? null;

/** Applies the SQLite migrations to a new file at `file`. */
export function migrateSqliteFile(file: string): void {
  execFileSync(path.resolve("node_modules/.bin/prisma"), ["migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: `file:${file}` },
    stdio: "pipe",
  });
}

function migratedTemplate(): string {
  if (template && existsSync(template)) return template;
  const file = path.join(os.tmpdir(), `tongxin-template-${process.pid}-${randomUUID()}.db`);
  migrateSqliteFile(file);
  template = file;
  return file;
}

export function tempDbFile(): { file: string; url: string; remove(): void } {
  const file = path.join(os.tmpdir(), `tongxin-test-${randomUUID()}.db`);
  copyFileSync(migratedTemplate(), file);
  return {
    file,
    url: `file:${file}`,
    remove() {
      for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
    },
  };
}
