import type { TranscriptEntryView } from "@protocol/model.ts";
import { useT } from "../../i18n/useT.ts";
import { latestCaptions } from "../../stores/live-session-selectors.ts";

/** The last few public lines of the transcript, read out politely as they arrive. */
export function LiveCaptions({ transcript, count = 4, className = "" }: { transcript: TranscriptEntryView[]; count?: number; className?: string }) {
  const t = useT();
  const lines = latestCaptions(transcript, count);
  return (
    <section className={`captions ${className}`} aria-labelledby="captions-title">
      <h2 id="captions-title" className="captions__title">
        {t("captions.title")}
      </h2>
      <div role="log" aria-live="polite" aria-relevant="additions text">
      <ol className="captions__lines">
        {lines.length === 0 ? <li className="captions__empty">{t("captions.empty")}</li> : null}
        {lines.map((line) => (
          <li key={line.id} className={`caption caption--${line.entry.kind.toLowerCase()}`}>
            <span className="caption__speaker">
              {line.entry.speakerName ?? t(`speakerRole.${line.entry.speakerRole}`)}
              {t("punct.colon")}
            </span>
            <span className="caption__text">{line.text}</span>
            {line.amended ? <span className="caption__amended">{t("punct.paren", { text: t("transcript.corrected") })}</span> : null}
          </li>
        ))}
      </ol>
      </div>
    </section>
  );
}
