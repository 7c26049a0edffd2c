/**
 * A watcher as the real client keeps one across failures: on every (re)connect
 * it asks `session:watch` with `sinceSeq` = the last seq it applied; a frame
 * that skips a seq triggers the same resync. Events are applied only in seq
 * order, so `seq` can only be trusted if `appliedInOrder` holds, and the
 * watcher is "without a gap" when `seq` reaches the log's last seq.
 */
import type { LiveEvent, WatchReplay, WatchSnapshot } from "../../src/protocol/model.ts";
import type { TestSocket } from "./test-server.ts";

export interface ResilientWatcher {
  readonly seq: number;
  /** seq of every event applied, in order (after the first snapshot) */
  readonly applied: number[];
  /** resyncs after a reconnect or a gap */
  readonly resyncs: number;
  /** resolves when `seq` ≥ `target` */
  reach(target: number, timeoutMs?: number): Promise<void>;
}

export async function resilientWatch(socket: TestSocket, sessionId: string): Promise<ResilientWatcher> {
  let seq = -1;
  let resyncs = 0;
  let syncing: Promise<void> | null = null;
  const applied: number[] = [];
  const held: LiveEvent[] = [];

  const apply = (events: readonly LiveEvent[]) => {
    for (const e of [...events].sort((a, b) => a.seq - b.seq)) {
      if (e.seq <= seq) continue;
      if (e.seq !== seq + 1) return false;
      seq = e.seq;
      applied.push(e.seq);
    }
    return true;
  };

  const sync = (): Promise<void> => {
    if (syncing) return syncing;
    syncing = (async () => {
      for (let attempt = 0; attempt < 40; attempt++) {
        if (!socket.connected) {
          await new Promise((r) => setTimeout(r, 250));
          continue;
        }
        try {
          const payload = seq >= 0 ? { sessionId, sinceSeq: seq } : { sessionId };
          const r = (await socket.timeout(5_000).emitWithAck("session:watch", payload)) as
            | { ok: true; data: WatchSnapshot | WatchReplay }
            | { ok: false; error: { code: string } };
          if (!r.ok) {
            await new Promise((r) => setTimeout(r, 250));
            continue;
          }
          if ("events" in r.data) apply(r.data.events);
          else seq = Math.max(seq, r.data.seq);
          const pending = held.splice(0);
          if (!apply(pending)) continue; // a gap after the answer: ask again
          return;
        } catch {
          // ack timeout: try again
        }
      }
    })().finally(() => (syncing = null));
    return syncing;
  };

  socket.on("session:events", (frame) => {
    if (syncing || seq < 0) {
      held.push(...frame);
      return;
    }
    if (!apply(frame)) {
      resyncs++;
      void sync();
    }
  });
  socket.io.on("reconnect", () => {
    resyncs++;
    void sync();
  });
  await sync();

  return {
    get seq() {
      return seq;
    },
    applied,
    get resyncs() {
      return resyncs;
    },
    async reach(target, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      while (seq < target) {
        if (Date.now() > deadline) throw new Error(`watcher at seq ${seq}, expected ${target}`);
        // A watcher idle since its last frame may have missed the tail: nudge a resync now and then.
        await new Promise((r) => setTimeout(r, 200));
      }
    },
  };
}
