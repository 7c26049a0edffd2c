import { useT } from "../../i18n/useT.ts";
import { currentTicket, waitingTickets, type TicketMap } from "../../stores/live-session-selectors.ts";

/** Now speaking · next up · how many wait — the hall's board, on the phone. */
export function LiveBoard({ tickets, ownTicketId }: { tickets: TicketMap; ownTicketId?: string | undefined }) {
  const t = useT();
  const current = currentTicket(tickets);
  const waiting = waitingTickets(tickets);
  const next = waiting[0];
  return (
    <section className="live-board" aria-labelledby="board-title">
      <h2 id="board-title" className="visually-hidden">
        {t("board.title")}
      </h2>
      <div className={`live-board__cell ${current && current.id === ownTicketId ? "is-own" : ""}`}>
        <span className="live-board__label">{current?.status === "CALLED" ? t("board.called") : t("board.nowServing")}</span>
        <span className="live-board__value" data-testid="board-now">
          {current?.label ?? "—"}
        </span>
      </div>
      <div className={`live-board__cell ${next && next.id === ownTicketId ? "is-own" : ""}`}>
        <span className="live-board__label">{t("board.nextUp")}</span>
        <span className="live-board__value" data-testid="board-next">
          {next?.label ?? "—"}
        </span>
      </div>
      <div className="live-board__cell">
        <span className="live-board__label">{t("board.waiting")}</span>
        <span className="live-board__value" data-testid="board-waiting">
          {t("board.people", { n: waiting.length })}
        </span>
      </div>
    </section>
  );
}
