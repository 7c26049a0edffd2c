/**
 * `npm run restore -- <file> [--force]`: loads a snapshot into the database at
 * DATABASE_URL (docs/ARCHITECTURE.md §6f). Stop the service first. It refuses
 * a database that holds rows in any table unless --force; a database that
 * does not exist yet is empty. The next start applies newer migrations.
 */
import { existsSync } from "node:fs";
import { readConfig } from "../config.ts";
import { restoreDatabase, tablesWithRows } from "../store/backup.ts";

const args = process.argv.slice(2);
const force = args.includes("--force");
const file = args.find((a) => !a.startsWith("--"));
if (!file || !existsSync(file)) {
  console.error(file ? `no such snapshot: ${file}` : "usage: npm run restore -- <snapshot file> [--force]");
  process.exit(2);
}
const config = readConfig(process.env);
try {
  const full = await tablesWithRows(config.databaseUrl);
  if (full.length && !force) {
    console.error(`refused: the database already holds rows (${full.slice(0, 5).join(", ")}${full.length > 5 ? ", …" : ""}); add --force to replace it`);
    process.exit(3);
  }
  await restoreDatabase(config.databaseUrl, file);
  console.log(`restored ${file}`);
} catch (err) {
  console.error(`restore failed: ${(err as Error).message}`);
  process.exit(1);
}
