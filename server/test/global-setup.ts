/** Migrates one template database for the whole run; each test copies it (see helpers/test-db.ts). */
import { rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { migrateSqliteFile } from "./helpers/test-db.ts";

export default function setup(): () => void {
  const file = path.join(os.tmpdir(), `tongxin-template-${process.pid}-${Date.now()}.db`);
  migrateSqliteFile(file);
  process.env.TONGXIN_TEST_DB_TEMPLATE = file;
  return () => {
    for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
  };
}
