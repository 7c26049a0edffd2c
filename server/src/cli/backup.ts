/**
 * `npm run backup`: a consistent snapshot of the database at DATABASE_URL into
 * BACKUP_DIR, taken while the service runs (docs/ARCHITECTURE.md §6f). Prints
 * the snapshot's path last; exits non-zero with the reason when it fails.
 */
import { readConfig } from "../config.ts";
import { takeBackup } from "../services/privacy-and-accounts/backups.ts";

const config = readConfig(process.env);
try {
  const taken = await takeBackup(config, new Date());
  console.log(`${taken.bytes} bytes`);
  console.log(taken.file);
} catch (err) {
  console.error(`backup failed: ${(err as Error).message}`);
  process.exit(1);
}
