/**
 * The one shape of every background loop (reminders, digests, backups): run
 * `work` every `intervalMs`, never two at once (a slow run makes the next tick
 * skip), never keeping the process alive; the returned stop waits for a run in
 * flight, so closing the app does not pull the database out from under it.
 * A failed run is `onError`'s to report; the next tick tries again.
 */
export function every(intervalMs: number, work: () => Promise<unknown>, onError: (err: unknown) => void = () => undefined): () => Promise<void> {
  let running: Promise<void> | null = null;
  const tick = () => {
    if (running) return;
    running = work()
      .then(() => undefined, onError)
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
