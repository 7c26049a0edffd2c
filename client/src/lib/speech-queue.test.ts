import { describe, expect, it } from "vitest";
import { SpeechQueue } from "./speech-queue.ts";

/** A task that records when it starts and ends, and finishes when told to. */
function recorder() {
  const log: string[] = [];
  const release = new Map<string, () => void>();
  const task = (name: string) => () =>
    new Promise<void>((resolve) => {
      log.push(`start ${name}`);
      release.set(name, () => {
        log.push(`end ${name}`);
        resolve();
      });
    });
  return { log, release, task };
}
const tick = () => new Promise((r) => setTimeout(r, 0));

describe("the speech queue", () => {
  it("starts an announcement only after the one before it has ended", async () => {
    const q = new SpeechQueue();
    const { log, release, task } = recorder();
    void q.enqueue(task("W001"));
    void q.enqueue(task("W001 again"));
    void q.enqueue(task("A002"));
    await tick();
    expect(log).toEqual(["start W001"]);
    expect(q.size).toBe(3);
    release.get("W001")!();
    await tick();
    expect(log).toEqual(["start W001", "end W001", "start W001 again"]);
    release.get("W001 again")!();
    await tick();
    release.get("A002")!();
    await tick();
    expect(log).toEqual(["start W001", "end W001", "start W001 again", "end W001 again", "start A002", "end A002"]);
    expect(q.size).toBe(0);
  });

  it("a failed announcement does not stop the ones after it", async () => {
    const q = new SpeechQueue();
    const said: string[] = [];
    void q.enqueue(() => Promise.reject(new Error("no voice")));
    await q.enqueue(async () => {
      said.push("请 A003 号到发言席");
    });
    expect(said).toEqual(["请 A003 号到发言席"]);
  });
});
