import { useState } from "react";
import type { SessionView } from "@protocol/model.ts";
import { Dialog } from "../../components/Dialog.tsx";
import { useNow } from "../../hooks/useNow.ts";
import { useT } from "../../i18n/useT.ts";
import type { Result } from "../../lib/client-error.ts";
import { agendaNext } from "../../socket.ts";
import { AgendaList } from "./AgendaList.tsx";
import { ForumClock } from "./ForumClock.tsx";
import { agendaProgress, itemCountdown } from "./forum-logic.ts";

interface Props {
  session: SessionView;
  busy: boolean;
  run: <T>(action: () => Promise<Result<T>>) => Promise<Result<T>>;
}

/** The chair's agenda: where the forum is, the item's time box, and "下一议程" (asked to confirm: it cannot be undone). */
export function ForumAgendaPanel({ session, busy, run }: Props) {
  const t = useT();
  const now = useNow(1000);
  const [confirming, setConfirming] = useState(false);
  const progress = agendaProgress(session);
  const { current, next } = progress;
  const clock = current ? itemCountdown(current, now) : null;
  const ended = session.status === "ENDED";
  // The agenda starts once the day is open (OPEN → LIVE with item 1); before that the server would refuse.
  const notOpen = session.status === "SCHEDULED";
  const buttonLabel = progress.phase === "before" ? t("forum.hall.start") : next ? t("forum.hall.next") : t("forum.hall.finishLast");
  const question =
    progress.phase === "before" && next
      ? t("forum.hall.confirmStart", { next: next.title })
      : current && next
        ? t("forum.hall.confirmNext", { current: current.title, n: next.position, next: next.title })
        : current
          ? t("forum.hall.confirmLast", { current: current.title })
          : "";

  return (
    <section className="panel forum-panel" aria-labelledby="forum-panel-title" data-testid="forum-panel" data-position={progress.position}>
      <h2 id="forum-panel-title">{t("forum.hall.agenda")}</h2>
      {current ? (
        <>
          <p className="forum-panel__current" data-testid="forum-current">
            <span className="forum-panel__position">{t("forum.agendaPosition", { n: progress.position, total: progress.total })}</span> {current.title}
          </p>
          {clock ? <ForumClock clock={clock} label={t("forum.hall.itemClock")} testId="item-clock" /> : null}
        </>
      ) : (
        <p className="muted">{progress.phase === "done" ? t("forum.hall.allDone") : t("forum.hall.notStarted")}</p>
      )}
      {progress.phase !== "done" && progress.total > 0 ? (
        <div className="button-row">
          <button type="button" className="button button--primary" disabled={busy || ended || notOpen} onClick={() => setConfirming(true)} data-testid="agenda-next">
            {buttonLabel}
          </button>
          {notOpen ? <p className="muted">{t("forum.hall.openFirst")}</p> : null}
        </div>
      ) : null}
      <details className="forum-panel__all">
        <summary>{t("forum.agenda")}</summary>
        <AgendaList agenda={session.agenda} testId="hall-agenda-list" />
      </details>
      <Dialog open={confirming} title={t("forum.hall.confirmTitle")} onClose={() => setConfirming(false)}>
        <p>{question}</p>
        {current && next ? <p className="muted">{t("forum.hall.confirmMoved")}</p> : null}
        <div className="dialog__actions">
          <button type="button" className="button" onClick={() => setConfirming(false)} autoFocus>
            {t("common.cancel")}
          </button>
          <button
            type="button"
            className="button button--primary"
            disabled={busy}
            onClick={() => {
              setConfirming(false);
              void run(() => agendaNext(session.id));
            }}
          >
            {t("forum.hall.confirm")}
          </button>
        </div>
      </Dialog>
    </section>
  );
}
