import { Link } from "react-router-dom";
import type { BookingPublicView } from "@protocol/bookings.ts";
import { routeUrl } from "../../api.ts";
import { useT } from "../../i18n/useT.ts";
import { bookingLink } from "./booking-api.ts";
import { useQrDataUrl } from "../../hooks/useQrDataUrl.ts";

/** The booking's code in large type, its QR (the desk scans it) and the link to its status page. */
export function BookingConfirmation({ booking, linkToStatus = true }: { booking: BookingPublicView; linkToStatus?: boolean }) {
  const t = useT();
  const link = bookingLink(booking.code);
  const qr = useQrDataUrl(link);
  return (
    <section className="card booking-confirmation" aria-labelledby="booking-done-title" data-testid="booking-confirmation">
      <h2 id="booking-done-title" tabIndex={-1}>
        {booking.status === "WAITLISTED" ? t("booking.doneWaitlisted") : t("booking.done")}
      </h2>
      <p className="booking-confirmation__label">{t("booking.code")}</p>
      <p className="booking-confirmation__code" data-testid="booking-code">
        {booking.code}
      </p>
      <p>{booking.status === "WAITLISTED" && booking.waitlistPosition ? t("booking.waitlistPosition", { n: booking.waitlistPosition }) : t("booking.place", { n: booking.place })}</p>
      {qr ? <img className="booking-confirmation__qr" src={qr} alt={t("booking.qrAlt")} width={200} height={200} data-testid="booking-qr" /> : null}
      <p className="muted">{t("booking.codeHint")}</p>
      <p className="booking-confirmation__link">
        {t("booking.link")}{t("punct.colon")}<a href={link}>{link}</a>
      </p>
      <p>
        <a className="button" href={routeUrl("GET /api/bookings/:code/calendar.ics", { params: { code: booking.code } })} download>
          {t("booking.calendar")}
        </a>
      </p>
      {linkToStatus ? (
        <Link className="button button--primary button--large" to={`/b/${encodeURIComponent(booking.code)}`}>
          {t("booking.open")}
        </Link>
      ) : null}
    </section>
  );
}
