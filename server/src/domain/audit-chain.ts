/**
 * The audit's hash chain (docs/ARCHITECTURE.md §6f): each entry
 * stores SHA-256 over its own fields and the previous entry's hash, so a
 * changed, removed or inserted entry breaks every hash after it. Pure.
 *
 * The account's id is not hashed: it is a reference the database may clear
 * (ON DELETE SET NULL) — the username kept beside it is.
 */
import { createHash } from "node:crypto";

export interface ChainedFields {
  seq: number;
  at: Date;
  username: string;
  action: string;
  target: string;
  result: string;
  prevHash: string;
}

export function entryHash(e: ChainedFields): string {
  const fields = [e.seq, e.at.toISOString(), e.username, e.action, e.target, e.result, e.prevHash];
  return createHash("sha256").update(JSON.stringify(fields)).digest("hex");
}

export interface StoredEntry {
  seq: number | null;
  at: Date;
  username: string;
  action: string;
  target: string;
  result: string;
  prevHash: string | null;
  hash: string | null;
}

export interface ChainStart {
  /** the seq and hash the first kept entry follows (0 and "" when nothing was pruned) */
  anchorSeq: number;
  anchorHash: string;
}

export interface ChainHeadState {
  seq: number;
  hash: string;
}

export type ChainCheck =
  | { ok: true; entries: number }
  | { ok: false; entries: number; firstBrokenAt: number; broken?: StoredEntry };

/**
 * Walks the entries in seq order, page by page, from the anchor: each must
 * have the next seq, name the previous hash and hash to what it stores; the
 * last must be the head (so removing the newest entries is seen too).
 */
export class ChainWalker {
  private seq: number;
  private prev: string;
  private count = 0;
  private brokenAt: { firstBrokenAt: number; broken?: StoredEntry } | null = null;

  constructor(start: ChainStart) {
    this.seq = start.anchorSeq;
    this.prev = start.anchorHash;
  }

  get done(): boolean {
    return this.brokenAt !== null;
  }

  /** the last seq walked, to read the next page after */
  get lastSeq(): number {
    return this.seq;
  }

  feed(entries: readonly StoredEntry[]): void {
    for (const e of entries) {
      if (this.brokenAt) return;
      this.count += 1;
      const expected = this.seq + 1;
      if (e.seq !== expected) {
        // A gap is a removed entry: the first one missing is where it broke.
        this.brokenAt = { firstBrokenAt: expected };
        return;
      }
      const intact = e.prevHash === this.prev && e.hash !== null && e.hash === entryHash({ ...e, seq: e.seq, prevHash: this.prev });
      if (!intact) {
        this.brokenAt = { firstBrokenAt: e.seq, broken: e };
        return;
      }
      this.seq = e.seq;
      this.prev = e.hash!;
    }
  }

  finish(head: ChainHeadState): ChainCheck {
    if (this.brokenAt) return { ok: false, entries: this.count, ...this.brokenAt };
    if (this.seq !== head.seq || this.prev !== head.hash) return { ok: false, entries: this.count, firstBrokenAt: this.seq + 1 };
    return { ok: true, entries: this.count };
  }
}

/** The whole chain at once (tests, small chains). */
export function checkChain(start: ChainStart, head: ChainHeadState, entries: readonly StoredEntry[]): ChainCheck {
  const walker = new ChainWalker(start);
  walker.feed(entries);
  return walker.finish(head);
}
