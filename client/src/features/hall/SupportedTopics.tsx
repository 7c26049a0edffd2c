import type { TicketView } from "@protocol/model.ts";
import { useT } from "../../i18n/useT.ts";
import { isWidelyShared, topicsBySupport } from "../booking/support-order.ts";

/** The hall's view of 附议: the queue's public topics sorted by support, the widely shared ones highlighted. */
export function SupportedTopics({ tickets }: { tickets: Record<string, TicketView> }) {
  const t = useT();
  const ranked = topicsBySupport(tickets).filter((x) => (x.supportCount ?? 0) > 0);
  if (ranked.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="hall-support-title" data-testid="hall-supported-topics">
      <h2 id="hall-support-title">{t("support.hallTitle")}</h2>
      <ol className="supported-list">
        {ranked.slice(0, 10).map((ticket) => (
          <li key={ticket.id} className={isWidelyShared(ticket, ranked) ? "supported-list__item is-shared" : "supported-list__item"}>
            <strong>{ticket.label}</strong> {ticket.topic} <span className="supported-list__count">{t("support.count", { n: ticket.supportCount ?? 0 })}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
