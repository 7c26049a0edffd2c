import { ChannelBadge } from "../../components/ChannelBadge.tsx";
import { useT } from "../../i18n/useT.ts";
import { currentTicket, waitingTickets, type TicketMap } from "../../stores/live-session-selectors.ts";

/** Today's line at a glance: who is being served, who waits next. */
export function DeskQueue({ tickets }: { tickets: TicketMap }) {
  const t = useT();
  const current = currentTicket(tickets);
  const waiting = waitingTickets(tickets);
  return (
    <section className="panel" aria-labelledby="desk-queue-title">
      <h2 id="desk-queue-title">
        {t("desk.queue.title")} <span className="count-pill">{t("hall.queue.count", { n: waiting.length })}</span>
      </h2>
      <p>
        {t("board.nowServing")}{t("punct.colon")}<strong className="desk-queue__current">{current ? `${current.label} ${current.name}` : "—"}</strong>
      </p>
      <ol className="desk-queue" data-testid="desk-queue">
        {waiting.map((ticket) => (
          <li key={ticket.id}>
            <span className="queue-table__label">{ticket.label}</span> {ticket.name} <ChannelBadge channel={ticket.channel} />
            {ticket.priority ? <span className="badge badge--priority">★ {ticket.priorityReason ?? t("hall.priority")}</span> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
