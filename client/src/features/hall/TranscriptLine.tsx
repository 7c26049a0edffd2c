import { useState, type KeyboardEvent } from "react";
import { useAction } from "../../hooks/useAction.ts";
import { useLang, useT } from "../../i18n/useT.ts";
import { errorMessage } from "../../lib/error-message.ts";
import { formatTime } from "../../lib/format.ts";
import { amendTranscript } from "../../socket.ts";
import type { CaptionLine } from "../../stores/live-session-selectors.ts";

/** One transcript line; "amend" writes a correction (a new entry), never an edit in place. */
export function TranscriptLine({ line }: { line: CaptionLine }) {
  const t = useT();
  const lang = useLang();
  const { busy, error, run } = useAction();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(line.text);
  const e = line.entry;

  async function save() {
    const text = draft.trim();
    if (!text || text === line.text) return setEditing(false);
    // Amend the latest version so chains stay linear.
    const res = await run(() => amendTranscript(line.latestId, text));
    if (res.ok) setEditing(false);
  }

  function onKeyDown(ev: KeyboardEvent<HTMLInputElement>) {
    if (ev.key === "Enter" && !ev.nativeEvent.isComposing) {
      ev.preventDefault();
      void save();
    } else if (ev.key === "Escape") {
      ev.preventDefault();
      setEditing(false);
    }
  }

  return (
    <li className={`transcript-line transcript-line--${e.kind.toLowerCase()} ${e.visibility === "STAFF" ? "is-staff" : ""}`}>
      <div className="transcript-line__meta">
        <time dateTime={e.createdAt}>{formatTime(lang, e.createdAt)}</time>
        <span className="badge">{t(`transcriptKind.${e.kind}`)}</span>
        <strong>{e.speakerName ?? t(`speakerRole.${e.speakerRole}`)}</strong>
        {e.visibility === "STAFF" ? <span className="badge badge--staff">{t("transcript.staffBadge")}</span> : null}
        {line.amended ? <span className="badge badge--amended">{t("transcript.corrected")}</span> : null}
      </div>
      {editing ? (
        <div className="transcript-line__edit">
          <input
            aria-label={t("transcript.amendLabel")}
            value={draft}
            maxLength={5000}
            onChange={(ev) => setDraft(ev.target.value)}
            onKeyDown={onKeyDown}
            autoFocus
          />
          <button type="button" className="button button--small button--primary" disabled={busy} onClick={() => void save()}>
            {t("transcript.amendSave")}
          </button>
          <button type="button" className="button button--small" onClick={() => setEditing(false)}>
            {t("common.cancel")}
          </button>
          {error ? (
            <p className="form__error" role="alert">
              {errorMessage(t, error)}
            </p>
          ) : null}
        </div>
      ) : (
        <div className="transcript-line__text">
          <span>{line.text}</span>
          <button
            type="button"
            className="link-button"
            onClick={() => {
              setDraft(line.text);
              setEditing(true);
            }}
            aria-label={t("transcript.amendThis", { text: line.text.slice(0, 20) })}
          >
            {t("transcript.amend")}
          </button>
        </div>
      )}
    </li>
  );
}
