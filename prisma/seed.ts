/**
 * `npm run seed`: loads the demo data (server/src/demo/seed-demo.ts, through the
 * real services) into an empty, migrated database; a seeded database, or one
 * with users or venues the seed did not write, is left alone; one where an
 * earlier seed crashed part-way is cleared and seeded again. Prints counts
 * only, never personal data.
 *
 *   DATABASE_URL   default file:./data/tongxin.db (run `prisma migrate deploy` first)
 *   DEMO_PASSWORD  default tongxin-demo, the password of every demo account
 */
import { demoSeedState, seedDemoData } from "../server/src/demo/seed-demo.ts";
import { openDatabase } from "../server/src/store/prisma.ts";

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL ?? "file:./data/tongxin.db";
  const db = await openDatabase(url);
  try {
    const state = await demoSeedState(db);
    if (state === "done") {
      console.log("seed: the demo data is already loaded; skipped");
      return;
    }
    if (state === "occupied") {
      console.log("seed: the database already has users or venues the demo seed did not write; skipped");
      return;
    }
    if (state === "started") console.log("seed: an earlier seed did not finish; clearing it and seeding again");
    const started = Date.now();
    const s = await seedDemoData(db, { password: process.env.DEMO_PASSWORD ?? "tongxin-demo", now: new Date() });
    console.log(
      `seed: ${s.deputyGroups} deputy groups, ${s.venues} venues, ${s.users} accounts, ` +
        `${s.sessionsToday.length} sessions open today, ${s.pastSessions} past sessions ` +
        `(${s.tickets} tickets, ${s.transcriptEntries} transcript entries, ${s.events} events, ${s.cases} cases) ` +
        `in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  } finally {
    await db.$disconnect();
  }
}

main().catch((err: unknown) => {
  console.error("seed failed:", err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
