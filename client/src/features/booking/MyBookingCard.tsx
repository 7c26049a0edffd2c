import { useState } from "react";
import { Link } from "react-router-dom";
import type { SessionView } from "@protocol/model.ts";
import { useT } from "../../i18n/useT.ts";
import type { ClientError } from "../../lib/client-error.ts";
import { errorMessage } from "../../lib/error-message.ts";
import { useQrDataUrl } from "../../hooks/useQrDataUrl.ts";
import { canServe } from "@domain/session-lifecycle.ts";
import { checkInBooking } from "../../socket.ts";
import { bookingLink } from "./booking-api.ts";
import { BookingStatusLine } from "./BookingStatusLine.tsx";
import type { BookingOfDay } from "./useBookingOfDay.ts";
import "./booking.css";

/**
 * On the day's page of a phone that booked the day: the booking instead of the
 * join and booking forms — its code and QR for the desk, its status (live), a
 * link to its page and, once the day runs, the check-in that queues it by its
 * booked place.
 */
export function MyBookingCard({ session, mine }: { session: SessionView; mine: BookingOfDay }) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ClientError | null>(null);
  const qr = useQrDataUrl(bookingLink(mine.code));
  const booking = mine.booking;
  const serving = canServe(session.status);

  async function checkIn() {
    if (!mine.token) return;
    setBusy(true);
    const res = await checkInBooking(session.id, mine.code, mine.token);
    setBusy(false);
    setFailure(res.ok ? null : res.error);
  }

  return (
    <section className="card my-booking" aria-labelledby="my-booking-title" data-testid="my-booking">
      <h2 id="my-booking-title">{t("booking.mine.title")}</h2>
      {booking ? <BookingStatusLine booking={booking} /> : <p className="muted">{t("booking.mine.loading")}</p>}
      {!booking || booking.status === "BOOKED" || booking.status === "WAITLISTED" ? (
        <>
          <p className="booking-confirmation__label">{t("booking.code")}</p>
          <p className="booking-confirmation__code" data-testid="my-booking-code">
            {mine.code}
          </p>
        </>
      ) : null}
      {booking?.status === "BOOKED" ? (
        serving && mine.token ? (
          <>
            <p>{t("booking.mine.hint")}</p>
            <button type="button" className="button button--primary button--large" disabled={busy} onClick={() => void checkIn()} data-testid="booking-check-in">
              {t("booking.checkIn")}
            </button>
          </>
        ) : (
          <p className="muted">{serving ? t("booking.noToken") : t("booking.mine.beforeDay")}</p>
        )
      ) : null}
      {booking?.status === "WAITLISTED" ? <p className={serving ? "notice" : "muted"}>{serving ? t("booking.mine.waitlistedOnDay") : t("booking.mine.waitlistHint")}</p> : null}
      {failure ? (
        <p className="form__error" role="alert">
          {failure.code === "CONFLICT" ? t("booking.checkInConflict") : errorMessage(t, failure)}
        </p>
      ) : null}
      {qr && (booking?.status === "BOOKED" || booking?.status === "WAITLISTED") ? (
        <img className="booking-confirmation__qr" src={qr} alt={t("booking.qrAlt")} width={160} height={160} data-testid="booking-qr" />
      ) : null}
      <p>
        <Link className="button button--large" to={`/b/${encodeURIComponent(mine.code)}`}>
          {t("booking.open")}
        </Link>
      </p>
    </section>
  );
}
