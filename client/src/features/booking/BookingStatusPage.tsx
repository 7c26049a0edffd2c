import { useCallback, useEffect, useState } from "react";
import { Link, useNavigate, useParams } from "react-router-dom";
import type { BookingPublicView } from "@protocol/model.ts";
import { useDocumentTitle } from "../../hooks/useDocumentTitle.ts";
import { useLang, useT } from "../../i18n/useT.ts";
import "./booking.css";
import type { ClientError } from "../../lib/client-error.ts";
import { errorMessage } from "../../lib/error-message.ts";
import { formatDate, formatTime } from "../../lib/format.ts";
import { checkInBooking } from "../../socket.ts";
import { bookingByCode, cancelBooking, storedBookingToken } from "./booking-api.ts";
import { BookingConfirmation } from "./BookingConfirmation.tsx";

const REFRESH_MS = 20_000;
const SERVING = ["OPEN", "LIVE", "PAUSED"];

/** /b/:code — the voter's booking: its status (it changes when the waitlist moves), cancel, and online check-in on the day. */
export function BookingStatusPage() {
  const { code = "" } = useParams();
  const t = useT();
  const lang = useLang();
  const navigate = useNavigate();
  const [booking, setBooking] = useState<BookingPublicView | null>(null);
  const [missing, setMissing] = useState(false);
  const [failure, setFailure] = useState<ClientError | null>(null);
  const [busy, setBusy] = useState(false);
  const token = storedBookingToken(code.toUpperCase()) ?? storedBookingToken(code);
  useDocumentTitle(`${t("booking.statusTitle")} · ${t("app.name")}`);

  const load = useCallback(async () => {
    const res = await bookingByCode(code);
    if (res.ok) setBooking(res.data.booking);
    else if (res.error.code === "NOT_FOUND" || res.error.code === "BAD_REQUEST") setMissing(true);
  }, [code]);

  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [load]);

  if (missing) return <p className="notice">{t("booking.notFound")}</p>;
  if (!booking) return <p className="notice">{t("common.loading")}</p>;

  async function cancel() {
    if (!token || !booking || !window.confirm(t("booking.cancelConfirm"))) return;
    setBusy(true);
    const res = await cancelBooking(booking.code, token);
    setBusy(false);
    if (res.ok) setBooking(res.data.booking);
    else setFailure(res.error);
  }

  async function checkIn() {
    if (!token || !booking) return;
    setBusy(true);
    const res = await checkInBooking(booking.sessionId, booking.code, token);
    setBusy(false);
    if (res.ok) navigate(`/s/${encodeURIComponent(booking.sessionId)}`);
    else setFailure(res.error);
  }

  const s = booking.session;
  const canAct = booking.status === "BOOKED" || booking.status === "WAITLISTED";
  return (
    <div className="booking-page">
      <section className="card" aria-labelledby="booking-status-title">
        <h1 id="booking-status-title">{t("booking.statusTitle")}</h1>
        <p className={`booking-status booking-status--${booking.status.toLowerCase()}`} data-testid="booking-status" role="status">
          {t(`booking.status.${booking.status}`)}
          {booking.status === "WAITLISTED" && booking.waitlistPosition ? ` · ${t("booking.waitlistPosition", { n: booking.waitlistPosition })}` : null}
          {booking.status === "CHECKED_IN" && booking.ticketLabel ? ` · ${t("booking.checkedIn", { label: booking.ticketLabel })}` : null}
        </p>
        <dl className="facts">
          <dt>{t("session.venue")}</dt>
          <dd>
            {s.venueName} · {s.town} {s.address}
          </dd>
          <dt>{t("session.time")}</dt>
          <dd>
            {formatDate(lang, s.startsAt)} {formatTime(lang, s.startsAt)}–{formatTime(lang, s.endsAt)}
          </dd>
          {s.theme ? (
            <>
              <dt>{t("session.theme")}</dt>
              <dd>{s.theme}</dd>
            </>
          ) : null}
        </dl>
        {failure ? (
          <p className="form__error" role="alert">
            {errorMessage(t, failure)}
          </p>
        ) : null}
        {canAct && !token ? <p className="muted">{t("booking.noToken")}</p> : null}
        <div className="button-row">
          {token && booking.status === "BOOKED" && SERVING.includes(s.status) ? (
            <button type="button" className="button button--primary button--large" disabled={busy} onClick={() => void checkIn()} data-testid="booking-check-in">
              {t("booking.checkIn")}
            </button>
          ) : null}
          {token && canAct ? (
            <button type="button" className="button button--large" disabled={busy} onClick={() => void cancel()}>
              {t("booking.cancel")}
            </button>
          ) : null}
          {booking.status === "CHECKED_IN" ? (
            <Link className="button button--primary button--large" to={`/s/${encodeURIComponent(booking.sessionId)}`}>
              {t("booking.toQueue")}
            </Link>
          ) : null}
        </div>
        {booking.status === "BOOKED" ? <p className="muted">{t("booking.checkInHint")}</p> : null}
        <p className="muted">{t("booking.autoRefresh")}</p>
      </section>
      {canAct ? <BookingConfirmation booking={booking} linkToStatus={false} /> : null}
    </div>
  );
}
