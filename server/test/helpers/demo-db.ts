/**
 * A fresh SQLite file holding the demo data (the demo accounts' password:
 * `tongxin-demo`), for runs that seed once and then copy or share the file:
 * the browser tests' global setup and the Lighthouse bench.
 */
import { seedDemoData } from "../../src/demo/seed-demo.ts";
import { openDatabase } from "../../src/store/prisma.ts";
import { tempDbFile } from "./test-db.ts";

export async function seededDemoDbFile(): Promise<ReturnType<typeof tempDbFile>> {
  const seeded = tempDbFile();
  const db = await openDatabase(seeded.url);
  try {
    await seedDemoData(db, { password: "tongxin-demo", now: new Date() });
    // Fold the WAL into the main file so a plain copy carries everything.
    await db.$queryRawUnsafe("PRAGMA wal_checkpoint(TRUNCATE)");
  } catch (e) {
    seeded.remove();
    throw e;
  } finally {
    await db.$disconnect();
  }
  return seeded;
}
