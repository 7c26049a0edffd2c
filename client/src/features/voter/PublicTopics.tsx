import { useState } from "react";
import type { TicketView } from "@protocol/model.ts";
import { useT } from "../../i18n/useT.ts";
import { supportTicket } from "../../socket.ts";
import { topicsBySupport } from "../booking/support-order.ts";
import { rememberSupported, supportedTickets } from "./supported-topics.ts";

/** 附议 on the voter's page: the public topics in the queue, each with "我也关心" (once per phone). */
export function PublicTopics({ tickets, ownTicketId }: { tickets: Record<string, TicketView>; ownTicketId?: string | undefined }) {
  const t = useT();
  const [supported, setSupported] = useState<Record<string, true>>(() => Object.fromEntries(supportedTickets().map((id) => [id, true])));
  const topics = topicsBySupport(tickets);
  if (topics.length === 0) return null;

  async function support(ticketId: string) {
    const res = await supportTicket(ticketId);
    // CONFLICT: this phone supported it before (another tab, an earlier visit).
    if (res.ok || res.error.code === "CONFLICT") {
      rememberSupported(ticketId);
      setSupported((s) => ({ ...s, [ticketId]: true }));
    }
  }

  return (
    <section className="card public-topics" aria-labelledby="topics-title" data-testid="public-topics">
      <h2 id="topics-title">{t("support.title")}</h2>
      <p className="muted">{t("support.hint")}</p>
      <ul className="public-topics__list">
        {topics.map((ticket) => (
          <li key={ticket.id} className="public-topics__item" data-testid="public-topic">
            <span className="public-topics__label">{ticket.label}</span>
            <span className="public-topics__topic">{ticket.topic}</span>
            <span className="public-topics__count" data-testid="support-count">
              {t("support.count", { n: ticket.supportCount ?? 0 })}
            </span>
            {ticket.id !== ownTicketId ? (
              <button type="button" className="button button--small" disabled={!!supported[ticket.id]} onClick={() => void support(ticket.id)} aria-pressed={!!supported[ticket.id]}>
                {supported[ticket.id] ? t("support.done") : t("support.button")}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
