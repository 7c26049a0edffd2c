/** Entry point: read the environment, open the database, seed the demo if asked, listen. */
import { readConfig } from "./config.ts";
import { createApp } from "./app.ts";
import { createLogger } from "./logger.ts";
import { openDatabase } from "./store/prisma.ts";
import { demoHistoryCutShort, demoSeedState, seedDemoPresent } from "./demo/seed-demo.ts";

const config = readConfig();
const log = createLogger();
const db = await openDatabase(config.databaseUrl);

if (config.demoSeed) {
  const state = await demoSeedState(db);
  // "started": an earlier seed crashed part-way; seedDemoData clears what it wrote and starts again.
  if (state === "started") log.warn("an earlier demo seed did not finish; seeding again");
  if (state === "empty" || state === "started") {
    const { writeHistory } = await seedDemoPresent(db, { password: config.demoPassword, now: new Date(), config });
    log.info("demo data loaded: today's and upcoming days; the past year follows while serving");
    writeHistory().then(
      () => log.info("demo history loaded"),
      (e: unknown) => log.warn("demo history stopped short", { error: e instanceof Error ? e.message : String(e) }),
    );
  } else if (await demoHistoryCutShort(db)) {
    log.warn("the demo's past year was cut short by a stop during the first start; start on an empty database for all of it");
  }
}

const app = await createApp({ config, db, log });
app.http.listen(config.port, config.host, () => {
  log.info("listening", { url: `http://${config.host}:${config.port}` });
});

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  log.info("shutting down", { signal });
  // Drain first: readyz 503, stop accepting, finish the lanes, send clients elsewhere.
  const { lanesFinished } = await app.drain();
  if (!lanesFinished) log.warn("write lanes did not finish before the drain timeout");
  await app.close();
  await db.$disconnect();
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
