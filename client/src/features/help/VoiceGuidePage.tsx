import { useDocumentTitle } from "../../hooks/useDocumentTitle.ts";
import { useT, type MessageKey } from "../../i18n/useT.ts";

const SECTIONS: { title: MessageKey; steps: MessageKey[] }[] = [
  { title: "help.voice.enable.title", steps: ["help.voice.enable.1", "help.voice.enable.2", "help.voice.enable.3"] },
  { title: "help.voice.windows.title", steps: ["help.voice.windows.1", "help.voice.windows.2", "help.voice.windows.3"] },
  { title: "help.voice.android.title", steps: ["help.voice.android.1", "help.voice.android.2", "help.voice.android.3", "help.voice.android.4"] },
  { title: "help.voice.elder.title", steps: ["help.voice.elder.1", "help.voice.elder.2", "help.voice.elder.3", "help.voice.elder.4"] },
];

/** /help/voice — for station staff: the hall screen's voice on a PC or a TV, and 长辈版 for a voter (docs/ARCHITECTURE.md §7b). */
export function VoiceGuidePage() {
  const t = useT();
  useDocumentTitle(`${t("help.voice.title")} · ${t("app.name")}`);
  return (
    <article className="card help-guide" aria-labelledby="help-voice-title">
      <h1 id="help-voice-title">{t("help.voice.title")}</h1>
      <p>{t("help.voice.intro")}</p>
      {SECTIONS.map((s) => (
        <section key={s.title} aria-labelledby={s.title}>
          <h2 id={s.title}>{t(s.title)}</h2>
          <ol>
            {s.steps.map((k) => (
              <li key={k}>{t(k)}</li>
            ))}
          </ol>
        </section>
      ))}
    </article>
  );
}
