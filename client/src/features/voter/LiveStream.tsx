import { useRef } from "react";
import type { SessionView, StreamStopReason } from "@protocol/model.ts";
import { Icon } from "../../components/Icon.tsx";
import { useT } from "../../i18n/useT.ts";
import { streamCardOf, type PlaybackPhase, type StreamCard } from "./stream-playback.ts";
import { useStreamPlayer } from "./useStreamPlayer.ts";
import { useStreamSound } from "./useStreamSound.ts";

/**
 * The session's livestream (docs/ARCHITECTURE.md §5c): the relay's HLS while
 * an encoder pushes (`streamLive`), else a manually set `streamUrl`, else a
 * card: not started, interrupted (the encoder dropped, the day goes on) or
 * ended (only with the day). It starts by itself when `stream.started`
 * arrives, muted as browsers require, with a large control to turn the sound
 * on. `data-state` says which state is shown.
 */
export function LiveStream({ session, stopped }: { session: SessionView; stopped: StreamStopReason | null }) {
  const t = useT();
  const src = session.streamLive && session.hlsUrl ? session.hlsUrl : session.streamUrl;
  if (src) return <StreamVideo key={src} src={src} title={session.title} />;
  const card = streamCardOf(session.status === "ENDED", stopped);
  return (
    <div className="stream stream--placeholder" data-testid="stream-state" data-state={card}>
      <Icon name="tv" size="2.5rem" className="stream__icon" />
      <p className="stream__placeholder-title" role="status">
        {t(CARD[card].title)}
      </p>
      <p className="stream__placeholder-hint">{t(CARD[card].hint)}</p>
    </div>
  );
}

const CARD = {
  "not-started": { title: "livestream.notStarted", hint: "stream.placeholderHint" },
  interrupted: { title: "livestream.interrupted", hint: "livestream.interruptedHint" },
  ended: { title: "livestream.ended", hint: "livestream.endedHint" },
} as const satisfies Record<StreamCard, { title: string; hint: string }>;

const NOTICE = {
  connecting: "livestream.connecting",
  reconnecting: "livestream.reconnecting",
  failed: "livestream.failed",
} as const satisfies Partial<Record<PlaybackPhase, string>>;

function StreamVideo({ src, title }: { src: string; title: string }) {
  const t = useT();
  const videoRef = useRef<HTMLVideoElement>(null);
  // Sound first: its effect sets the voter's mute choice before the player starts.
  const sound = useStreamSound(videoRef, src);
  const { playback, engine, retry } = useStreamPlayer(videoRef, src);
  const phase = playback.phase;
  return (
    <div className={`stream stream--${phase}`} data-testid="stream-state" data-state={phase} data-engine={engine ?? undefined}>
      <video ref={videoRef} className="stream__video" controls playsInline muted autoPlay aria-label={t("stream.label", { title })} />
      {phase === "playing" ? (
        <>
          <span className="stream__live-badge" role="status">
            {t("livestream.live")}
          </span>
          {sound.offerUnmute ? (
            <button type="button" className="stream__unmute" data-testid="stream-unmute" onClick={sound.turnSoundOn}>
              <Icon name="speaker" size="1.75rem" />
              {t("livestream.unmute")}
            </button>
          ) : null}
        </>
      ) : (
        <div className="stream__notice" role="status">
          <p>{t(NOTICE[phase])}</p>
          {phase === "failed" ? (
            <button type="button" className="button button--primary" onClick={retry}>
              {t("livestream.retry")}
            </button>
          ) : null}
        </div>
      )}
    </div>
  );
}
