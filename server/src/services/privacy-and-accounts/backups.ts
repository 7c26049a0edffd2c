/**
 * Backups (docs/ARCHITECTURE.md §6f): a snapshot now (the admin's button, the
 * `npm run backup` command), the list of what BACKUP_DIR holds, and the
 * service's own schedule — every BACKUP_INTERVAL_MIN, keeping the newest
 * BACKUP_KEEP. In a cluster the nodes share one database, so each interval's
 * snapshot is claimed first (a Redis key that lives one interval): one node
 * takes it, the others skip.
 */
import { every } from "../../notify/every.ts";
import { mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import type { Config } from "../../config.ts";
import type { Logger } from "../../logger.ts";
import { backupName, backupsToPrune, backupTakenAt, newestFirst } from "../../domain/backup-names.ts";
import type { BackupView } from "../../protocol/back-office.ts";
import { backupExt, snapshotDatabase } from "../../store/backup.ts";

type BackupConfig = Pick<Config, "databaseUrl" | "backupDir" | "backupKeep">;

const names = (dir: string) => {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
};

/** Takes a snapshot into BACKUP_DIR, deletes the ones past BACKUP_KEEP, and returns the new one. */
export async function takeBackup(config: BackupConfig, now: Date): Promise<BackupView & { file: string }> {
  const dir = path.resolve(config.backupDir);
  mkdirSync(dir, { recursive: true });
  const name = backupName(now, backupExt(config.databaseUrl), names(dir));
  const file = path.join(dir, name);
  await snapshotDatabase(config.databaseUrl, file);
  for (const old of backupsToPrune(names(dir), config.backupKeep)) rmSync(path.join(dir, old), { force: true });
  return { name, file, bytes: statSync(file).size, at: backupTakenAt(name)!.toISOString() };
}

/** The snapshots in BACKUP_DIR, newest first. */
export function listBackups(config: Pick<Config, "backupDir">): BackupView[] {
  const dir = path.resolve(config.backupDir);
  return newestFirst(names(dir)).map((name) => ({ name, bytes: statSync(path.join(dir, name)).size, at: backupTakenAt(name)!.toISOString() }));
}

/** Claims this interval's snapshot for this node; false when another node already has. */
export type BackupClaim = (slot: number, ttlMs: number) => Promise<boolean>;

/**
 * Takes a snapshot every `intervalMin` minutes (the first one interval after
 * start). A failure is logged without personal data and retried next interval.
 * The returned stop waits for a snapshot in flight.
 */
export function startBackupLoop(
  config: BackupConfig & Pick<Config, "backupIntervalMin">,
  now: () => Date,
  log: Logger,
  claim: BackupClaim = async () => true,
): () => Promise<void> {
  const intervalMs = config.backupIntervalMin * 60_000;
  return every(
    intervalMs,
    async () => {
      const at = now();
      if (!(await claim(Math.floor(at.getTime() / intervalMs), intervalMs))) return;
      const taken = await takeBackup(config, at);
      log.info("backup taken", { backup: taken.name, bytes: taken.bytes });
    },
    (err) => log.error("backup failed", { err: (err as Error).message }),
  );
}
