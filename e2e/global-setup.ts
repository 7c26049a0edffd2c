/**
 * Once per e2e run: build the client if it is missing or stale, and seed the
 * demo data into one database file that every test file copies (seeding takes
 * seconds; a copy takes milliseconds).
 */
import { seededDemoDbFile } from "../server/test/helpers/demo-db.ts";
import { BUILT_FLAG, CHROMIUM, SEEDED_DB, ensureClientBuilt } from "./browser-env.ts";

export default async function setup(): Promise<(() => void) | void> {
  if (!CHROMIUM) return;
  ensureClientBuilt();
  process.env[BUILT_FLAG] = "1";

  const seeded = await seededDemoDbFile();
  process.env[SEEDED_DB] = seeded.file;
  return () => seeded.remove();
}
