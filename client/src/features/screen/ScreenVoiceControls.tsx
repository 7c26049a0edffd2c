import { useEffect, useState } from "react";
import { Link } from "react-router-dom";
import { useT } from "../../i18n/useT.ts";
import { say, speechSupported, voiceFor, voicesLoaded } from "../../lib/speech.ts";
import { setScreenVoice, useScreenVoice } from "./screen-voice.ts";

/** Staff's controls for the spoken calls, shown once the screen's sound is on (docs/ARCHITECTURE.md §7b). */
export function ScreenVoiceControls() {
  const t = useT();
  const { on, volume } = useScreenVoice();
  const [hasVoice, setHasVoice] = useState<boolean | null>(null);
  useEffect(() => {
    let live = true;
    void voicesLoaded().then(() => {
      if (live) setHasVoice(!!voiceFor("zh-CN"));
    });
    return () => {
      live = false;
    };
  }, []);

  if (!speechSupported() || hasVoice === false) {
    return (
      <p className="screen__voice-missing" data-testid="screen-no-voice">
        {t("screenVoice.noVoice")} <Link to="/help/voice">{t("screenVoice.howTo")}</Link>
      </p>
    );
  }
  return (
    <div className="screen__voice" role="group" aria-label={t("screenVoice.title")} data-testid="screen-voice">
      <button type="button" className="button" aria-pressed={on} onClick={() => setScreenVoice({ on: !on })} data-testid="screen-voice-toggle">
        {on ? t("screenVoice.on") : t("screenVoice.off")}
      </button>
      <label className="screen__volume">
        {t("screenVoice.volume")}
        <input
          type="range"
          min={0}
          max={100}
          step={10}
          value={Math.round(volume * 100)}
          onChange={(e) => setScreenVoice({ volume: Number(e.target.value) / 100 })}
          data-testid="screen-voice-volume"
        />
      </label>
      <button type="button" className="button" disabled={!on || volume === 0} onClick={() => void say({ text: t("screenVoice.sample"), lang: "zh-CN", volume })}>
        {t("screenVoice.test")}
      </button>
    </div>
  );
}
