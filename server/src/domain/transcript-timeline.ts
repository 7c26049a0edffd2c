/**
 * The transcript as read after corrections: entries are append-only and a
 * correction is a new entry with amendsId (possibly amending a correction).
 * Pure.
 */

export interface TimelineEntry {
  id: string;
  amendsId: string | null;
  text: string;
  createdAt: string;
}

export type Resolved<E extends TimelineEntry> = E & {
  /** the latest correction's text, or the entry's own */
  currentText: string;
  /** the corrections, oldest first */
  corrections: E[];
};

/** Every original entry (in the given order) with its corrections folded in. */
export function resolveAmendments<E extends TimelineEntry>(entries: readonly E[]): Resolved<E>[] {
  const byId = new Map(entries.map((e) => [e.id, e]));
  const rootOf = (e: E): E => {
    let cur = e;
    const seen = new Set<string>();
    while (cur.amendsId && byId.has(cur.amendsId) && !seen.has(cur.id)) {
      seen.add(cur.id);
      cur = byId.get(cur.amendsId)!;
    }
    return cur;
  };
  const corrections = new Map<string, E[]>();
  const roots: E[] = [];
  for (const e of entries) {
    const root = rootOf(e);
    if (root === e) roots.push(e);
    else corrections.set(root.id, [...(corrections.get(root.id) ?? []), e]);
  }
  return roots.map((root) => {
    const list = (corrections.get(root.id) ?? []).sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
    return { ...root, currentText: list.length ? list[list.length - 1]!.text : root.text, corrections: list };
  });
}
