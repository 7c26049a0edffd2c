/**
 * Once per e2e run: build the client if it is missing or stale, and seed the
 * demo data into one database file that every test file copies (seeding takes
 * seconds; a copy takes milliseconds).
 */
import { rmSync } from "node:fs";
import { seedDemoData } from "../server/src/demo/seed-demo.ts";
import { openDatabase } from "../server/src/store/prisma.ts";
import { tempDbFile } from "../server/test/helpers/test-db.ts";
import { BUILT_FLAG, CHROMIUM, SEEDED_DB, ensureClientBuilt } from "./browser-env.ts";

export default async function setup(): Promise<(() => void) | void> {
  if (!CHROMIUM) return;
  ensureClientBuilt();
  process.env[BUILT_FLAG] = "1";

  const seeded = tempDbFile();
  const db = await openDatabase(seeded.url);
  try {
    await seedDemoData(db, { password: "tongxin-demo", now: new Date() });
    // Fold the WAL into the main file so a plain copy carries everything.
    await db.$queryRawUnsafe("PRAGMA wal_checkpoint(TRUNCATE)");
  } finally {
    await db.$disconnect();
  }
  process.env[SEEDED_DB] = seeded.file;
  return () => {
    seeded.remove();
    rmSync(seeded.file, { force: true });
  };
}
