import { useRef } from "react";
import type { SessionView, StreamStopReason } from "@protocol/model.ts";
import { Icon } from "../../components/Icon.tsx";
import { useT } from "../../i18n/useT.ts";
import type { PlaybackPhase } from "./stream-playback.ts";
import { useStreamPlayer } from "./useStreamPlayer.ts";

/**
 * The session's livestream (docs/ARCHITECTURE.md §5c): the relay's HLS while
 * an encoder pushes (`streamLive`), else a manually set `streamUrl`, else a
 * card saying the stream has not started or has ended. It starts by itself
 * when `stream.started` arrives. `data-state` says which state is shown.
 */
export function LiveStream({ session, stopped }: { session: SessionView; stopped: StreamStopReason | null }) {
  const t = useT();
  const src = session.streamLive && session.hlsUrl ? session.hlsUrl : session.streamUrl;
  if (src) return <StreamVideo key={src} src={src} title={session.title} />;
  const ended = session.status === "ENDED" || stopped === "publisher" || stopped === "session-ended";
  return (
    <div className="stream stream--placeholder" data-testid="stream-state" data-state={ended ? "ended" : "not-started"}>
      <Icon name="tv" size="2.5rem" className="stream__icon" />
      <p className="stream__placeholder-title" role="status">
        {t(ended ? "livestream.ended" : "livestream.notStarted")}
      </p>
      <p className="stream__placeholder-hint">{t(ended ? "livestream.endedHint" : "stream.placeholderHint")}</p>
    </div>
  );
}

const NOTICE = {
  connecting: "livestream.connecting",
  reconnecting: "livestream.reconnecting",
  failed: "livestream.failed",
} as const satisfies Partial<Record<PlaybackPhase, string>>;

function StreamVideo({ src, title }: { src: string; title: string }) {
  const t = useT();
  const videoRef = useRef<HTMLVideoElement>(null);
  const { playback, engine, retry } = useStreamPlayer(videoRef, src);
  const phase = playback.phase;
  return (
    <div className={`stream stream--${phase}`} data-testid="stream-state" data-state={phase} data-engine={engine ?? undefined}>
      <video ref={videoRef} className="stream__video" controls playsInline muted autoPlay aria-label={t("stream.label", { title })} />
      {phase === "playing" ? (
        <span className="stream__live-badge" role="status">
          {t("livestream.live")}
        </span>
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
