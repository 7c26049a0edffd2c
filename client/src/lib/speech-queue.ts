/**
 * One lane for everything a page says aloud: a task starts only after the one
 * before it has finished (or failed), so two announcements never overlap even
 * when calls come faster than they can be read. No browser APIs here.
 */
export type SpeechTask = () => Promise<void>;

export class SpeechQueue {
  private tail: Promise<void> = Promise.resolve();
  private pending = 0;

  /** Queues a task; resolves when that task has run. */
  enqueue(task: SpeechTask): Promise<void> {
    this.pending += 1;
    const run = this.tail.then(task).catch(() => undefined).finally(() => {
      this.pending -= 1;
    });
    this.tail = run;
    return run;
  }

  /** Tasks queued or running. */
  get size(): number {
    return this.pending;
  }
}
