import type { SessionView } from "@protocol/model.ts";
import { SessionStatusBadge } from "../../components/SessionStatusBadge.tsx";
import { ViewerCount } from "../../components/ViewerCount.tsx";
import { useLang, useT } from "../../i18n/useT.ts";
import { formatDate, formatTime, titleBesideVenue } from "../../lib/format.ts";

/** Who, where, when and about what: the first thing a voter reads. */
export function SessionHeader({ session }: { session: SessionView }) {
  const t = useT();
  const lang = useLang();
  return (
    <header className="session-header">
      <div className="session-header__top">
        <SessionStatusBadge status={session.status} />
        <ViewerCount label="session.viewers" className="session-header__viewers" hideWhenZero />
      </div>
      <h1 className="session-header__title">{titleBesideVenue(session.title, session.venueName)}</h1>
      <dl className="session-facts">
        <div>
          <dt>{t("session.venue")}</dt>
          <dd>
            {session.venueName}
            <span className="muted"> · {session.town}</span>
          </dd>
        </div>
        <div>
          <dt>{t("session.time")}</dt>
          <dd>
            {formatDate(lang, session.startsAt)} {formatTime(lang, session.startsAt)}–{formatTime(lang, session.endsAt)}
          </dd>
        </div>
        {session.theme ? (
          <div>
            <dt>{t("session.theme")}</dt>
            <dd className="session-facts__theme">{session.theme}</dd>
          </div>
        ) : null}
        {session.deputies.length ? (
          <div>
            <dt>{t(session.kind === "FORUM" ? "forum.session.deputies" : "session.deputies")}</dt>
            <dd>{session.deputies.join(t("list.separator"))}</dd>
          </div>
        ) : null}
      </dl>
    </header>
  );
}
