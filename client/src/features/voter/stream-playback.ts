/**
 * What the voter's player shows while a stream is on (pure; the hook in
 * useStreamPlayer.ts feeds it the player's signals). A fatal error is retried
 * with a growing pause — right after `stream.started` the relay has not
 * written its first playlist yet, and a phone on 4G drops out now and then —
 * and after MAX_RETRIES the voter gets a retry button instead of a black box.
 */
import type { StreamStopReason } from "@protocol/model.ts";

export type PlaybackPhase = "connecting" | "playing" | "reconnecting" | "failed";

export interface Playback {
  phase: PlaybackPhase;
  /** fatal errors since the stream last played */
  failures: number;
}

export type PlaybackSignal =
  | { type: "playing" }
  /** buffering for a while after it had played */
  | { type: "stalled" }
  | { type: "fatalError" }
  /** a new source, or the voter pressed retry */
  | { type: "restart" };

export const MAX_RETRIES = 6;
/** Failures before the first picture that still read as "connecting": the relay needs a moment to write its first playlist. */
export const STARTUP_FAILURES = 2;
export const initialPlayback: Playback = { phase: "connecting", failures: 0 };

/** 1 s, 2 s, 4 s, then every 8 s: about half a minute in all. */
export function retryDelayMs(failures: number): number {
  return Math.min(8000, 1000 * 2 ** Math.max(0, failures - 1));
}

export function playbackReducer(state: Playback, signal: PlaybackSignal): Playback {
  switch (signal.type) {
    case "playing":
      return state.phase === "playing" && state.failures === 0 ? state : { phase: "playing", failures: 0 };
    case "stalled":
      return state.phase === "playing" ? { ...state, phase: "reconnecting" } : state;
    case "fatalError": {
      if (state.phase === "failed") return state;
      const failures = state.failures + 1;
      if (failures > MAX_RETRIES) return { phase: "failed", failures };
      const starting = state.phase === "connecting" && failures <= STARTUP_FAILURES;
      return { phase: starting ? "connecting" : "reconnecting", failures };
    }
    case "restart":
      return initialPlayback;
    default: {
      const never: never = signal;
      throw new Error(`unexpected ${JSON.stringify(never)}`);
    }
  }
}

/** What the stream box says while there is nothing to play. */
export type StreamCard = "not-started" | "interrupted" | "ended";

/**
 * Only the day's end ends the broadcast. An encoder that stops while the day
 * goes on (a dropped uplink, a restarted laptop) is an interruption: the
 * player comes back by itself on the next `stream.started`. A replaced key
 * waits for an encoder set up anew, as before a first push.
 */
export function streamCardOf(dayEnded: boolean, stopped: StreamStopReason | null): StreamCard {
  if (dayEnded || stopped === "session-ended") return "ended";
  return stopped === "publisher" ? "interrupted" : "not-started";
}
