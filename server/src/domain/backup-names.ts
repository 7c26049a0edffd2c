/**
 * Backup snapshot names (docs/ARCHITECTURE.md §6f): `tongxin-<UTC
 * yyyymmddThhmmssZ>.<ext>`, a `-2`, `-3`… suffix for a second one in the same
 * second, and which to delete to keep the newest N. Pure.
 */

/** `.db` for a SQLite snapshot, `.dump` for PostgreSQL's custom format (pg_dump -Fc). */
export type BackupExt = "db" | "dump";

const NAME = /^tongxin-(\d{8}T\d{6}Z)(?:-(\d+))?\.(db|dump)$/;

/** `20261207T061500Z` for that UTC second. */
export function utcStamp(at: Date): string {
  return at.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}Z$/, "Z");
}

/** The name for a snapshot taken at `at`, not one of `taken`. */
export function backupName(at: Date, ext: BackupExt, taken: readonly string[]): string {
  const base = `tongxin-${utcStamp(at)}`;
  const used = new Set(taken);
  if (!used.has(`${base}.${ext}`)) return `${base}.${ext}`;
  for (let n = 2; ; n++) if (!used.has(`${base}-${n}.${ext}`)) return `${base}-${n}.${ext}`;
}

/** When a snapshot was taken, by its name; null for a file that is not a snapshot. */
export function backupTakenAt(name: string): Date | null {
  const m = NAME.exec(name);
  if (!m) return null;
  const s = m[1]!;
  return new Date(`${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}Z`);
}

/** Snapshot names newest first (by time, then by suffix); other files are left out. */
export function newestFirst(names: readonly string[]): string[] {
  const order = (name: string) => {
    const m = NAME.exec(name)!;
    return [m[1]!, Number(m[2] ?? 1)] as const;
  };
  return names
    .filter((n) => NAME.test(n))
    .sort((a, b) => {
      const [ta, na] = order(a);
      const [tb, nb] = order(b);
      return ta === tb ? nb - na : ta < tb ? 1 : -1;
    });
}

/** The snapshots to delete so that only the newest `keep` remain (files that are not snapshots are never named). */
export function backupsToPrune(names: readonly string[], keep: number): string[] {
  return newestFirst(names).slice(Math.max(0, keep));
}
