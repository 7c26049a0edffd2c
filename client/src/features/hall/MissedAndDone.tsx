import type { TicketView } from "@protocol/model.ts";
import { useLang, useT } from "../../i18n/useT.ts";
import { formatTime } from "../../lib/format.ts";

interface Props {
  missed: TicketView[];
  finished: TicketView[];
  busy: boolean;
  onRequeue: (t: TicketView, keepPlace: boolean) => void;
}

/** Voters who did not come when called (requeue them) and the turns already done. */
export function MissedAndDone({ missed, finished, busy, onRequeue }: Props) {
  const t = useT();
  const lang = useLang();
  const done = finished.filter((x) => x.status === "DONE");
  return (
    <>
      {missed.length ? (
        <section className="panel" aria-labelledby="missed-title">
          <h2 id="missed-title">{t("hall.missed.title")}</h2>
          <ul className="plain-list">
            {missed.map((ticket) => (
              <li key={ticket.id} className="missed-row">
                <span className="queue-table__label">{ticket.label}</span> {ticket.name}
                <span className="button-row">
                  <button type="button" className="button button--small" disabled={busy} onClick={() => onRequeue(ticket, false)}>
                    {t("hall.requeueBack")}
                  </button>
                  <button type="button" className="button button--small button--quiet" disabled={busy} onClick={() => onRequeue(ticket, true)}>
                    {t("hall.requeueKeep")}
                  </button>
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <details className="panel">
        <summary>
          <h2 className="inline-heading">{t("hall.done.title", { n: done.length })}</h2>
        </summary>
        <ul className="plain-list">
          {finished.map((ticket) => (
            <li key={ticket.id}>
              <span className="queue-table__label">{ticket.label}</span> {ticket.name} ·{" "}
              <span className="muted">
                {t(`ticketStatus.${ticket.status}`)}
                {ticket.finishedAt ? ` ${formatTime(lang, ticket.finishedAt)}` : ""}
              </span>
              {ticket.summary ? <p className="muted">{ticket.summary}</p> : null}
              {ticket.trackingCode ? <p className="muted">{t("hall.done.case", { code: ticket.trackingCode })}</p> : null}
            </li>
          ))}
        </ul>
      </details>
    </>
  );
}
