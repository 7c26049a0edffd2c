import { useState } from "react";
import { useLang, useT } from "../i18n/useT.ts";
import { unlockSound } from "../lib/attention.ts";
import { say, speechSupported } from "../lib/speech.ts";
import { markReadAloudUsed } from "../stores/read-aloud.ts";
import { Icon } from "./Icon.tsx";

/**
 * 读给我听: reads what the card shows, in the page's language (docs/ARCHITECTURE.md §7b).
 * `text` is called on the click, so it reads what is on screen at that moment.
 */
export function ReadAloudButton({ text, hint }: { text: () => string; hint?: string | undefined }) {
  const t = useT();
  const lang = useLang();
  const [reading, setReading] = useState(false);
  const [used, setUsed] = useState(false);
  if (!speechSupported()) return null;
  return (
    <div className="read-aloud">
      <button
        type="button"
        className="button read-aloud__button"
        data-testid="read-aloud"
        onClick={() => {
          unlockSound();
          markReadAloudUsed();
          setUsed(true);
          setReading(true);
          void say({ text: text(), lang }).then(() => setReading(false));
        }}
      >
        <Icon name="speaker" /> {t("readAloud.button")}
      </button>
      <span className="read-aloud__state" role="status">
        {reading ? t("readAloud.reading") : used && hint ? hint : ""}
      </span>
    </div>
  );
}
