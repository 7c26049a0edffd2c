import { useId } from "react";
import type { TicketView } from "@protocol/model.ts";
import { estimatedWaitRange, type ServiceEstimate } from "@domain/eta.ts";
import { ChannelBadge } from "../../components/ChannelBadge.tsx";
import { useNow } from "../../hooks/useNow.ts";
import { useT } from "../../i18n/useT.ts";
import { formatWait, formatWaitRange } from "../../lib/format.ts";

interface Props {
  waiting: TicketView[];
  someoneServed: boolean;
  /** the expected turn length (serviceEstimateOf), so the hall reads the waits voters read */
  estimate: ServiceEstimate;
  busy: boolean;
  onCall: (t: TicketView) => void;
  onPrioritize: (t: TicketView) => void;
  /** the heading (a forum shows one list per agenda item); "等候队列" by default */
  title?: string;
  testId?: string;
}

/** The waiting line in serving order, with how long each has waited and will wait. */
export function QueueTable({ waiting, someoneServed, estimate, busy, onCall, onPrioritize, title, testId = "hall-queue" }: Props) {
  const t = useT();
  const now = useNow(15_000);
  const titleId = useId();
  return (
    <section className="panel" aria-labelledby={titleId} data-testid={`${testId}-panel`}>
      <h2 id={titleId}>
        {title ?? t("hall.queue.title")} <span className="count-pill">{t("hall.queue.count", { n: waiting.length })}</span>
      </h2>
      {waiting.length === 0 ? (
        <p className="muted">{t("hall.queue.empty")}</p>
      ) : (
        <div className="table-scroll">
          <table className="queue-table" data-testid={testId}>
            <thead>
              <tr>
                <th scope="col">{t("hall.queue.position")}</th>
                <th scope="col">{t("ticket.label")}</th>
                <th scope="col">{t("common.name")}</th>
                <th scope="col">{t("hall.queue.topic")}</th>
                <th scope="col">{t("hall.queue.waited")}</th>
                <th scope="col">{t("hall.queue.eta")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("hall.queue.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {waiting.map((ticket, i) => (
                <tr key={ticket.id} className={ticket.priority ? "is-priority" : ""} data-label={ticket.label}>
                  <td>{i + 1}</td>
                  <th scope="row">
                    <span className="queue-table__label">{ticket.label}</span>
                    {ticket.priority ? (
                      <span className="badge badge--priority" title={ticket.priorityReason ?? undefined}>
                        ★ {ticket.priorityReason ?? t("hall.priority")}
                      </span>
                    ) : null}
                    <ChannelBadge channel={ticket.channel} />
                  </th>
                  <td>{ticket.name}</td>
                  <td className="queue-table__topic">
                    {ticket.topic ?? "—"}
                    {ticket.question ? <span className="queue-table__question">{ticket.question}</span> : null}
                  </td>
                  <td data-caption={t("hall.queue.waited")}>{formatWait(t, (now - Date.parse(ticket.joinedAt)) / 1000)}</td>
                  <td data-caption={t("hall.queue.eta")}>{formatWaitRange(t, estimatedWaitRange(i + 1, someoneServed, estimate))}</td>
                  <td className="queue-table__actions">
                    <button
                      type="button"
                      className="button button--small"
                      disabled={busy || someoneServed}
                      onClick={() => onCall(ticket)}
                      aria-label={t("hall.callTicket", { label: ticket.label })}
                    >
                      {t("hall.call")}
                    </button>
                    {!ticket.priority ? (
                      <button
                        type="button"
                        className="button button--small button--quiet"
                        disabled={busy}
                        onClick={() => onPrioritize(ticket)}
                        aria-label={t("hall.prioritizeTicket", { label: ticket.label })}
                      >
                        {t("hall.prioritize")}
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
