/** Migrates one template database for the whole run; each test copies it (see helpers/test-db.ts). */
import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export default function setup(): () => void {
  const file = path.join(os.tmpdir(), `tongxin-template-${process.pid}-${Date.now()}.db`);
  execFileSync(path.resolve("node_modules/.bin/prisma"), ["migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: `file:${file}` },
    stdio: "pipe",
  });
  process.env.TONGXIN_TEST_DB_TEMPLATE = file;
  return () => {
    for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
  };
}
