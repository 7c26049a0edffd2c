import { useEffect, useRef } from "react";
import type { SessionView, TicketView } from "@protocol/model.ts";
import { Icon } from "../../components/Icon.tsx";
import { useLang, useT } from "../../i18n/useT.ts";
import { formatDate, formatDateTime } from "../../lib/format.ts";
import { useQrDataUrl } from "../../hooks/useQrDataUrl.ts";
import { maskName } from "@domain/privacy.ts";

interface Props {
  session: SessionView;
  ticket: TicketView;
  voterToken: string;
  position: number | undefined;
  onPrinted: () => void;
}

/** The paper ticket: label, venue, time, place in line, and a QR code to follow it on a phone. */
export function PrintableTicket({ session, ticket, voterToken, position, onPrinted }: Props) {
  const t = useT();
  const lang = useLang();
  const printRef = useRef<HTMLButtonElement>(null);
  const link = `${location.origin}/s/${encodeURIComponent(session.id)}?t=${encodeURIComponent(voterToken)}`;
  const qr = useQrDataUrl(link);


  useEffect(() => {
    printRef.current?.focus();
  }, [ticket.id]);

  useEffect(() => {
    window.addEventListener("afterprint", onPrinted);
    return () => window.removeEventListener("afterprint", onPrinted);
  }, [onPrinted]);

  return (
    <section className="panel print-area" aria-labelledby="print-title">
      <h2 id="print-title" className="no-print">
        {t("desk.ticket.title")}
      </h2>
      <article className="print-ticket" data-testid="print-ticket" data-link={link} aria-label={t("desk.ticket.title")}>
        <p className="print-ticket__org">{session.venueName}</p>
        <p className="print-ticket__session">{formatDate(lang, session.startsAt)} · {t("desk.ticket.kind")}</p>
        <p className="print-ticket__label" data-testid="print-ticket-label">
          {ticket.label}
        </p>
        {/* Paper leaves the desk: the surname only, enough to hand the right ticket to the right person. */}
        <p className="print-ticket__name" data-testid="print-ticket-name">
          {t("desk.ticket.name", { name: maskName(ticket.name) })}
        </p>
        {position !== undefined ? <p className="print-ticket__position">{t("desk.ticket.position", { n: position, ahead: position - 1 })}</p> : null}
        <p className="print-ticket__time">
          {t("desk.ticket.time")}{t("punct.colon")}{formatDateTime(lang, ticket.joinedAt)}
        </p>
        {ticket.topic ? <p className="print-ticket__topic">{ticket.topic}</p> : null}
        {qr ? <img className="print-ticket__qr" src={qr} alt={t("desk.ticket.qrAlt")} width={160} height={160} data-testid="print-ticket-qr" /> : null}
        <p className="print-ticket__scan">{t("desk.ticket.scan")}</p>
        {/* A walk-in's tracking code exists only once the turn opens a case: say where it will appear. */}
        <p className="print-ticket__tracking" data-testid="print-ticket-tracking">
          {t("desk.ticket.tracking", { site: `${location.host}/track` })}
        </p>
        <p className="print-ticket__address">{t("app.name")} · {session.town}</p>
      </article>
      <div className="button-row no-print">
        <button ref={printRef} type="button" className="button button--primary button--large" onClick={() => window.print()}>
          <Icon name="printer" /> {t("desk.ticket.print")}
        </button>
        <button type="button" className="button" onClick={onPrinted}>
          {t("desk.ticket.next")}
        </button>
      </div>
    </section>
  );
}
