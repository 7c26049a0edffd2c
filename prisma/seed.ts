/**
 * `npm run seed`: loads the demo data (server/src/store/demo-seed.ts) into an
 * empty, migrated database; a database that already has users or venues is
 * left alone. Prints counts only, never personal data.
 *
 *   DATABASE_URL   default file:./data/tongxin.db (run `prisma migrate deploy` first)
 *   DEMO_PASSWORD  default tongxin-demo, the password of every demo account
 */
import { isDatabaseEmpty, seedDemoData } from "../server/src/store/demo-seed.ts";
import { openDatabase } from "../server/src/store/prisma.ts";

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL ?? "file:./data/tongxin.db";
  const db = await openDatabase(url);
  try {
    if (!(await isDatabaseEmpty(db))) {
      console.log("seed: the database already has users or venues; skipped");
      return;
    }
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
