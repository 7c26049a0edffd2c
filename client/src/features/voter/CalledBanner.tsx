import { useEffect, useRef } from "react";
import type { TicketView } from "@protocol/model.ts";
import { useT } from "../../i18n/useT.ts";

/** Big, unmissable, announced: your number has been called. */
export function CalledBanner({ ticket }: { ticket: TicketView }) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
    ref.current?.scrollIntoView({ block: "start", behavior: "smooth" });
  }, [ticket.id]);
  return (
    <div ref={ref} className="called-banner" role="alert" tabIndex={-1} data-testid="called-banner">
      <p className="called-banner__title">{t("called.title")}</p>
      <p className="called-banner__label">{ticket.label}</p>
      <p className="called-banner__hint">{ticket.channel === "ONLINE" ? t("called.hintOnline") : t("called.hint")}</p>
    </div>
  );
}
