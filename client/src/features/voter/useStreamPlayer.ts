/**
 * Plays an HLS source in a <video>: hls.js where the browser has Media Source
 * Extensions (loaded only when there is a stream to play), the browser's own
 * HLS where it has no MSE but plays HLS natively (older iPhones). Fatal
 * errors rebuild the player after a pause (stream-playback.ts decides).
 */
import { useCallback, useEffect, useReducer, useRef, useState, type RefObject } from "react";
import { initialPlayback, playbackReducer, retryDelayMs, type Playback } from "./stream-playback.ts";

/** Buffering shorter than this is normal on a phone and not worth a message. */
const STALL_NOTICE_MS = 2500;
const HLS_MIME = "application/vnd.apple.mpegurl";

type Detach = () => void;
type Report = { playing(): void; fatal(): void };

function hasMse(): boolean {
  return typeof window !== "undefined" && ("MediaSource" in window || "ManagedMediaSource" in window);
}

/**
 * Starts playing. With the sound on, a browser that allows no sound yet (no
 * tap on this page so far) refuses: play muted instead, and the unmute
 * control comes back (useStreamSound.ts).
 */
function startPlayback(video: HTMLVideoElement): void {
  void video.play().catch((e: unknown) => {
    if (video.muted || (e as { name?: string } | null)?.name !== "NotAllowedError") return;
    video.muted = true;
    void video.play().catch(() => undefined);
  });
}

function attachNative(video: HTMLVideoElement, src: string, report: Report): Detach {
  const onError = () => report.fatal();
  video.addEventListener("error", onError);
  video.src = src;
  startPlayback(video);
  return () => {
    video.removeEventListener("error", onError);
    video.removeAttribute("src");
    video.load();
  };
}

async function attachHlsJs(video: HTMLVideoElement, src: string, report: Report): Promise<Detach | null> {
  const { default: Hls } = await import("hls.js");
  if (!Hls.isSupported()) return null;
  // No worker: the page's CSP allows no blob: workers, and one live stream is light work.
  const hls = new Hls({ enableWorker: false, lowLatencyMode: false, liveDurationInfinity: true });
  let mediaRecoveries = 0;
  hls.on(Hls.Events.ERROR, (_event, data) => {
    if (!data.fatal) return; // hls.js retries these itself
    if (data.type === Hls.ErrorTypes.MEDIA_ERROR && mediaRecoveries < 2) {
      mediaRecoveries += 1;
      hls.recoverMediaError();
      return;
    }
    report.fatal();
  });
  hls.on(Hls.Events.FRAG_BUFFERED, () => {
    mediaRecoveries = 0;
  });
  hls.loadSource(src);
  hls.attachMedia(video);
  startPlayback(video);
  return () => hls.destroy();
}

export type PlayerEngine = "hls.js" | "native";

export interface StreamPlayer {
  playback: Playback;
  /** which player is attached, once one is */
  engine: PlayerEngine | null;
  retry(): void;
}

export function useStreamPlayer(videoRef: RefObject<HTMLVideoElement | null>, src: string | null): StreamPlayer {
  const [playback, dispatch] = useReducer(playbackReducer, initialPlayback);
  const playbackRef = useRef(playback);
  playbackRef.current = playback;
  // Bumped to rebuild the player: after a fatal error (automatically) or on retry.
  const [attempt, setAttempt] = useState(0);
  const [engine, setEngine] = useState<PlayerEngine | null>(null);

  useEffect(() => {
    dispatch({ type: "restart" });
  }, [src]);

  useEffect(() => {
    const video = videoRef.current;
    if (!src || !video) return;
    let disposed = false;
    let detach: Detach | null = null;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    let stallTimer: ReturnType<typeof setTimeout> | undefined;

    const report: Report = {
      playing: () => {
        clearTimeout(stallTimer);
        if (!disposed) dispatch({ type: "playing" });
      },
      fatal: () => {
        if (disposed) return;
        dispatch({ type: "fatalError" });
        // Rebuild after a pause, until the reducer says the retries are used up.
        const next = playbackReducer(playbackRef.current, { type: "fatalError" });
        playbackRef.current = next;
        if (next.phase !== "failed") {
          clearTimeout(retryTimer);
          retryTimer = setTimeout(() => setAttempt((n) => n + 1), retryDelayMs(next.failures));
        }
      },
    };
    const onPlaying = () => report.playing();
    const onTimeUpdate = () => {
      if (playbackRef.current.phase !== "playing" && !video.paused) report.playing();
    };
    const onWaiting = () => {
      clearTimeout(stallTimer);
      stallTimer = setTimeout(() => !disposed && dispatch({ type: "stalled" }), STALL_NOTICE_MS);
    };
    video.addEventListener("playing", onPlaying);
    video.addEventListener("timeupdate", onTimeUpdate);
    video.addEventListener("waiting", onWaiting);

    const nativeOnly = !hasMse() && video.canPlayType(HLS_MIME) !== "";
    if (nativeOnly) {
      detach = attachNative(video, src, report);
      setEngine("native");
    } else {
      void attachHlsJs(video, src, report).then(
        (d) => {
          if (disposed) return d?.();
          // No MSE after all: the browser's own HLS, if it has it.
          const native = !d && video.canPlayType(HLS_MIME) !== "";
          detach = d ?? (native ? attachNative(video, src, report) : null);
          if (detach) setEngine(native ? "native" : "hls.js");
          else report.fatal();
        },
        () => report.fatal(), // the chunk did not load (offline): retried like any failure
      );
    }
    return () => {
      disposed = true;
      clearTimeout(retryTimer);
      clearTimeout(stallTimer);
      video.removeEventListener("playing", onPlaying);
      video.removeEventListener("timeupdate", onTimeUpdate);
      video.removeEventListener("waiting", onWaiting);
      detach?.();
    };
  }, [src, attempt, videoRef]);

  const retry = useCallback(() => {
    dispatch({ type: "restart" });
    setAttempt((n) => n + 1);
  }, []);
  return { playback, engine, retry };
}
