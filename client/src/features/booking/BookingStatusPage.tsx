import { useEffect, useState } from "react";
import { Link, useNavigate, useParams } from "react-router-dom";
import { canServe } from "@domain/session-lifecycle.ts";
import { useDocumentTitle } from "../../hooks/useDocumentTitle.ts";
import { useWatchedSession } from "../../hooks/useWatchedSession.ts";
import { useLang, useT } from "../../i18n/useT.ts";
import "./booking.css";
import type { ClientError } from "../../lib/client-error.ts";
import { errorMessage } from "../../lib/error-message.ts";
import { formatDate, formatTime } from "../../lib/format.ts";
import { checkInBooking, followBooking } from "../../socket.ts";
import { myBookingReceived, storedBookingToken, useMyBooking } from "../../stores/my-booking.ts";
import { cancelBooking } from "./booking-api.ts";
import { BookingConfirmation } from "./BookingConfirmation.tsx";
import { BookingStatusLine } from "./BookingStatusLine.tsx";

/**
 * /b/:code — the voter's booking: its status, live (the waitlist moving, the
 * desk's check-in), cancel, and on the day the online check-in, after which
 * the day's page shows the ticket.
 */
export function BookingStatusPage() {
  const { code: raw = "" } = useParams();
  const code = raw.replace(/[\s-]/g, "").toUpperCase();
  const t = useT();
  const lang = useLang();
  const navigate = useNavigate();
  const [failure, setFailure] = useState<ClientError | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => followBooking(code), [code]);
  const mine = useMyBooking((s) => (s.code === code ? s : null));
  const booking = mine?.booking ?? null;
  // The day itself, live: the check-in appears the moment the day opens. Watched once the
  // socket has answered for the booking, not on the early HTTP answer: two watches sent in
  // the socket's first moments can race its upgrade from polling (a 400 and a reconnect).
  const liveStatus = useWatchedSession(mine?.phase === "ready" ? booking?.sessionId : undefined, (s) => s.session?.status, { voter: true });
  const token = storedBookingToken(code);
  useDocumentTitle(`${t("booking.statusTitle")} · ${t("app.name")}`);

  if (mine?.phase === "missing") return <p className="notice">{t("booking.notFound")}</p>;
  if (!booking) return <p className="notice">{t("common.loading")}</p>;

  async function cancel() {
    if (!token || !booking || !window.confirm(t("booking.cancelConfirm"))) return;
    setBusy(true);
    const res = await cancelBooking(booking.code, token);
    setBusy(false);
    if (res.ok) myBookingReceived(res.data.booking);
    setFailure(res.ok ? null : res.error);
  }

  async function checkIn() {
    if (!token || !booking) return;
    setBusy(true);
    const res = await checkInBooking(booking.sessionId, booking.code, token);
    setBusy(false);
    // The ticket is this phone's now: the day's page shows it, its place in line and the call.
    if (res.ok) navigate(`/s/${encodeURIComponent(booking.sessionId)}`);
    else setFailure(res.error);
  }

  const s = booking.session;
  const serving = canServe(liveStatus ?? s.status);
  const canAct = booking.status === "BOOKED" || booking.status === "WAITLISTED";
  return (
    <div className="booking-page">
      <section className="card" aria-labelledby="booking-status-title">
        <h1 id="booking-status-title">{t("booking.statusTitle")}</h1>
        <BookingStatusLine booking={booking} />
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
            {failure.code === "CONFLICT" ? t("booking.checkInConflict") : errorMessage(t, failure)}
          </p>
        ) : null}
        {canAct && !token ? <p className="muted">{t("booking.noToken")}</p> : null}
        <div className="button-row">
          {token && booking.status === "BOOKED" && serving ? (
            <button type="button" className="button button--primary button--large" disabled={busy} onClick={() => void checkIn()} data-testid="booking-check-in">
              {t("booking.checkIn")}
            </button>
          ) : null}
          {token && canAct ? (
            <button type="button" className="button button--large" disabled={busy} onClick={() => void cancel()}>
              {t("booking.cancel")}
            </button>
          ) : null}
          {booking.status === "CHECKED_IN" || booking.status === "BOOKED" ? (
            <Link className="button button--large" to={`/s/${encodeURIComponent(booking.sessionId)}`}>
              {booking.status === "CHECKED_IN" ? t("booking.toQueue") : t("booking.toDay")}
            </Link>
          ) : null}
        </div>
        {booking.status === "BOOKED" ? <p className="muted">{serving ? t("booking.checkInHint") : t("booking.mine.beforeDay")}</p> : null}
        <p className="muted">{t("booking.autoRefresh")}</p>
      </section>
      {canAct ? <BookingConfirmation booking={booking} linkToStatus={false} /> : null}
    </div>
  );
}
