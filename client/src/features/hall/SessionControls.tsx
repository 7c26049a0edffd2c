import { useState, type FormEvent } from "react";
import type { SessionStatus, SessionView } from "@protocol/model.ts";
import type { SessionUpdateInput } from "@protocol/schemas.ts";
import { Dialog } from "../../components/Dialog.tsx";
import { useT } from "../../i18n/useT.ts";
import type { Result } from "../../lib/client-error.ts";
import { updateSession } from "../../socket.ts";

interface Props {
  session: SessionView;
  busy: boolean;
  run: <T>(action: () => Promise<Result<T>>) => Promise<Result<T>>;
}

/** Open/close the queue, go live, pause, end; edit stream URL and theme. */
export function SessionControls({ session, busy, run }: Props) {
  const t = useT();
  const [confirmEnd, setConfirmEnd] = useState(false);
  const update = (patch: Omit<SessionUpdateInput, "sessionId">) => run(() => updateSession({ sessionId: session.id, ...patch }));
  const setStatus = (status: SessionStatus) => void update({ status });
  const ended = session.status === "ENDED";
  const forum = session.kind === "FORUM";

  return (
    <section className="panel session-controls" aria-labelledby="controls-title">
      <h2 id="controls-title" className="visually-hidden">
        {t("controls.title")}
      </h2>
      <div className="button-row">
        <span className={`queue-state ${session.queueOpen ? "queue-state--open" : "queue-state--closed"}`} role="status">
          {session.queueOpen ? t("controls.queueIsOpen") : t("controls.queueIsClosed")}
        </span>
        <button type="button" className="button" disabled={busy || ended} onClick={() => void update({ queueOpen: !session.queueOpen })}>
          {session.queueOpen ? t("controls.closeQueue") : t("controls.openQueue")}
        </button>
        {session.status === "SCHEDULED" ? (
          <button type="button" className="button" disabled={busy} onClick={() => setStatus("OPEN")}>
            {t("controls.open")}
          </button>
        ) : null}
        {session.status === "SCHEDULED" || session.status === "OPEN" ? (
          <button type="button" className="button button--primary" disabled={busy} onClick={() => setStatus("LIVE")}>
            {t("controls.goLive")}
          </button>
        ) : null}
        {session.status === "LIVE" ? (
          <button type="button" className="button" disabled={busy} onClick={() => setStatus("PAUSED")}>
            {t("controls.pause")}
          </button>
        ) : null}
        {session.status === "PAUSED" ? (
          <button type="button" className="button button--primary" disabled={busy} onClick={() => setStatus("LIVE")}>
            {t("controls.resume")}
          </button>
        ) : null}
        {!ended ? (
          <button type="button" className="button button--danger" disabled={busy} onClick={() => setConfirmEnd(true)}>
            {t(forum ? "forum.controls.end" : "controls.end")}
          </button>
        ) : null}
      </div>
      <StreamAndTheme session={session} busy={busy} onSave={(patch) => void update(patch)} />
      <Dialog open={confirmEnd} title={t(forum ? "forum.controls.endTitle" : "controls.endTitle")} onClose={() => setConfirmEnd(false)}>
        <p>{t(forum ? "forum.controls.endConfirm" : "controls.endConfirm")}</p>
        <div className="dialog__actions">
          <button type="button" className="button" onClick={() => setConfirmEnd(false)} autoFocus>
            {t("common.cancel")}
          </button>
          <button
            type="button"
            className="button button--danger"
            onClick={() => {
              setConfirmEnd(false);
              setStatus("ENDED");
            }}
          >
            {t(forum ? "forum.controls.end" : "controls.end")}
          </button>
        </div>
      </Dialog>
    </section>
  );
}

function StreamAndTheme({ session, busy, onSave }: { session: SessionView; busy: boolean; onSave: (p: { theme: string; streamUrl: string | null }) => void }) {
  const t = useT();
  const [theme, setTheme] = useState(session.theme);
  const [streamUrl, setStreamUrl] = useState(session.streamUrl ?? "");
  function submit(e: FormEvent) {
    e.preventDefault();
    onSave({ theme: theme.trim(), streamUrl: streamUrl.trim() || null });
  }
  return (
    <details className="stream-theme">
      <summary>{t("controls.streamAndTheme")}</summary>
      <form className="form form--inline" onSubmit={submit}>
        <label>
          <span className="field__label">{t("controls.theme")}</span>
          <input value={theme} maxLength={200} onChange={(e) => setTheme(e.target.value)} />
        </label>
        <label>
          <span className="field__label">{t("controls.streamUrl")}</span>
          <input type="url" value={streamUrl} maxLength={500} placeholder="https://…/live.m3u8" onChange={(e) => setStreamUrl(e.target.value)} />
        </label>
        <button type="submit" className="button" disabled={busy}>
          {t("common.save")}
        </button>
      </form>
    </details>
  );
}
