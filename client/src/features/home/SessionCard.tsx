import { Link } from "react-router-dom";
import type { ListedSession } from "@protocol/sessions.ts";
import { SessionStatusBadge } from "../../components/SessionStatusBadge.tsx";
import { useLang, useT } from "../../i18n/useT.ts";
import { formatDate, formatTime, titleBesideVenue } from "../../lib/format.ts";

/** One reception day: what, where, when, and the way in (plus staff views when logged in). */
export function SessionCard({ session, staff }: { session: ListedSession; staff: boolean }) {
  const t = useT();
  const lang = useLang();
  return (
    <li className={`card session-card ${session.live ? "session-card--live" : ""}`} data-testid="session-card" data-session-id={session.id}>
      <div className="session-card__top">
        <SessionStatusBadge status={session.status} live={session.live} />
        {session.kind === "FORUM" ? <span className="badge">{t("forum.kind")}</span> : null}
        <span className="muted">
          {formatDate(lang, session.startsAt)} {formatTime(lang, session.startsAt)}–{formatTime(lang, session.endsAt)}
        </span>
      </div>
      <h3 className="session-card__title">
        <Link to={`/s/${session.id}`}>{titleBesideVenue(session.title, session.venueName)}</Link>
      </h3>
      <p className="session-card__venue">
        {session.venueName} <span className="muted">· {session.town}</span>
      </p>
      {session.theme ? (
        <p className="session-card__theme">
          {t("session.theme")}{t("punct.colon")}{session.theme}
        </p>
      ) : null}
      {session.bookingCapacity && session.placesLeft !== undefined && !session.live ? (
        <p className="session-card__places" data-testid="session-places">
          <Link to={`/s/${session.id}#booking`}>{session.placesLeft > 0 ? t("booking.placesLeft", { n: session.placesLeft }) : t("booking.status.WAITLISTED")}</Link>
        </p>
      ) : null}
      <div className="button-row">
        <Link className="button button--primary" to={`/s/${session.id}`} aria-label={`${t("home.enter")}${t("punct.colon")}${session.title}`}>
          {session.live ? t("home.watchLive") : t("home.enter")}
        </Link>
        {staff ? (
          <>
            <Link className="button button--small" to={`/hall/${session.id}`}>
              {t("nav.hall")}
            </Link>
            <Link className="button button--small" to={`/desk/${session.id}`}>
              {t("nav.desk")}
            </Link>
            <Link className="button button--small" to={`/screen/${session.id}`}>
              {t("nav.screen")}
            </Link>
          </>
        ) : null}
      </div>
    </li>
  );
}
