/**
 * A watcher as a careful client keeps it: the snapshot, then every event with
 * seq > snapshot.seq; frames that arrive before the ack are held until it.
 */
import type { LiveEvent, WatchSnapshot } from "../../src/protocol/model.ts";
import { ok, type TestSocket } from "./test-server.ts";

export interface Watcher {
  snapshot: WatchSnapshot;
  /** events after the snapshot, in arrival order */
  events: LiveEvent[];
  seqs(): number[];
  /** resolves when an event matching `pred` has arrived */
  waitFor(pred: (e: LiveEvent) => boolean, timeoutMs?: number): Promise<LiveEvent>;
  waitForSeq(seq: number, timeoutMs?: number): Promise<void>;
}

export async function watch(socket: TestSocket, sessionId: string): Promise<Watcher> {
  const early: LiveEvent[] = [];
  const events: LiveEvent[] = [];
  let snapshot: WatchSnapshot | null = null;
  const listeners = new Set<() => void>();
  socket.on("session:events", (frame) => {
    if (!snapshot) early.push(...frame);
    else events.push(...frame.filter((e) => e.seq > snapshot!.seq));
    for (const l of listeners) l();
  });
  snapshot = (await ok(socket, "session:watch", { sessionId })) as WatchSnapshot;
  events.push(...early.filter((e) => e.seq > snapshot!.seq));

  const waitUntil = (check: () => boolean, timeoutMs: number, what: string) =>
    new Promise<void>((resolve, reject) => {
      if (check()) return resolve();
      const timer = setTimeout(() => {
        listeners.delete(listener);
        reject(new Error(`timed out waiting for ${what}`));
      }, timeoutMs);
      const listener = () => {
        if (!check()) return;
        clearTimeout(timer);
        listeners.delete(listener);
        resolve();
      };
      listeners.add(listener);
    });

  return {
    snapshot,
    events,
    seqs: () => events.map((e) => e.seq),
    async waitFor(pred, timeoutMs = 5000) {
      await waitUntil(() => events.some(pred), timeoutMs, "event");
      return events.find(pred)!;
    },
    waitForSeq: (seq, timeoutMs = 10_000) => waitUntil(() => events.some((e) => e.seq >= seq), timeoutMs, `seq ${seq}`),
  };
}
