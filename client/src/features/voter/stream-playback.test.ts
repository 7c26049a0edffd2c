import { describe, expect, it } from "vitest";
import { initialPlayback, MAX_RETRIES, playbackReducer, retryDelayMs, streamCardOf, type Playback, type PlaybackSignal } from "./stream-playback.ts";

const run = (...signals: PlaybackSignal["type"][]): Playback =>
  signals.reduce((s, type) => playbackReducer(s, { type } as PlaybackSignal), initialPlayback);

describe("stream playback", () => {
  it("connects, then plays", () => {
    expect(run().phase).toBe("connecting");
    expect(run("playing")).toEqual({ phase: "playing", failures: 0 });
  });

  it("the first errors before the first picture still read as connecting, later ones as reconnecting", () => {
    expect(run("fatalError")).toEqual({ phase: "connecting", failures: 1 });
    expect(run("fatalError", "fatalError")).toEqual({ phase: "connecting", failures: 2 });
    expect(run("fatalError", "fatalError", "fatalError")).toEqual({ phase: "reconnecting", failures: 3 });
    expect(run("fatalError", "fatalError", "playing")).toEqual({ phase: "playing", failures: 0 });
  });

  it("an error after playing is a reconnect at once", () => {
    expect(run("playing", "fatalError")).toEqual({ phase: "reconnecting", failures: 1 });
  });

  it("fails only after the retries are used up, and a retry starts over", () => {
    const errors = Array.from({ length: MAX_RETRIES }, () => "fatalError" as const);
    expect(run(...errors).phase).toBe("reconnecting");
    expect(run(...errors, "fatalError").phase).toBe("failed");
    expect(run(...errors, "fatalError", "fatalError")).toEqual({ phase: "failed", failures: MAX_RETRIES + 1 });
    expect(run(...errors, "fatalError", "restart")).toEqual(initialPlayback);
  });

  it("buffering after playing shows reconnecting until the picture moves again", () => {
    expect(run("playing", "stalled").phase).toBe("reconnecting");
    expect(run("playing", "stalled", "playing").phase).toBe("playing");
    expect(run("stalled").phase).toBe("connecting");
  });

  it("waits longer after each failure, at most eight seconds", () => {
    expect([1, 2, 3, 4, 5, 9].map(retryDelayMs)).toEqual([1000, 2000, 4000, 8000, 8000, 8000]);
  });
});

describe("the stream box without a stream", () => {
  it("an encoder that stops while the day goes on is an interruption, not the end", () => {
    expect(streamCardOf(false, "publisher")).toBe("interrupted");
  });

  it("a replaced key waits for an encoder set up anew", () => {
    expect(streamCardOf(false, "key-regenerated")).toBe("not-started");
  });

  it("only the day's end ends the broadcast", () => {
    expect(streamCardOf(true, null)).toBe("ended");
    expect(streamCardOf(true, "publisher")).toBe("ended");
    expect(streamCardOf(false, "session-ended")).toBe("ended");
  });

  it("before any stream it has not started", () => {
    expect(streamCardOf(false, null)).toBe("not-started");
  });
});
