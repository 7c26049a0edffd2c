import { useEffect, useRef, useState } from "react";
import { Icon } from "../../components/Icon.tsx";
import { useT } from "../../i18n/useT.ts";

/**
 * The livestream when the session has an HLS URL: native playback where the
 * browser has it (Safari, iOS), hls.js elsewhere — loaded only when needed.
 */
export function LiveStream({ url, title }: { url: string | null; title: string }) {
  const t = useT();
  const videoRef = useRef<HTMLVideoElement>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    setFailed(false);
    const video = videoRef.current;
    if (!url || !video) return;
    if (video.canPlayType("application/vnd.apple.mpegurl")) {
      video.src = url;
      return () => {
        video.removeAttribute("src");
        video.load();
      };
    }
    let destroyed = false;
    let destroy: (() => void) | null = null;
    void import("hls.js").then(({ default: Hls }) => {
      if (destroyed) return;
      if (!Hls.isSupported()) return setFailed(true);
      const hls = new Hls({ lowLatencyMode: true, enableWorker: false });
      hls.on(Hls.Events.ERROR, (_event, data) => {
        if (data.fatal) setFailed(true);
      });
      hls.loadSource(url);
      hls.attachMedia(video);
      destroy = () => hls.destroy();
    });
    return () => {
      destroyed = true;
      destroy?.();
    };
  }, [url]);

  if (!url) {
    return (
      <div className="stream stream--placeholder">
        <Icon name="tv" size="2.5rem" className="stream__icon" />
        <p className="stream__placeholder-title">{t("stream.placeholder")}</p>
        <p className="stream__placeholder-hint">{t("stream.placeholderHint")}</p>
      </div>
    );
  }
  return (
    <div className="stream">
      <video ref={videoRef} className="stream__video" controls playsInline muted autoPlay aria-label={t("stream.label", { title })} />
      {failed ? (
        <p className="stream__error" role="status">
          {t("stream.failed")}
        </p>
      ) : null}
    </div>
  );
}
