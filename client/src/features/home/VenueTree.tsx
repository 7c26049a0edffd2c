import { Link } from "react-router-dom";
import type { VenueNode } from "@protocol/model.ts";
import type { AnswerStatsView } from "@protocol/messages.ts";
import { AnswerStatsLine } from "../messages/AnswerStats.tsx";
import type { ListedSession } from "@protocol/sessions.ts";
import { routeUrl } from "../../api.ts";
import { useLang, useT } from "../../i18n/useT.ts";
import { formatDate } from "../../lib/format.ts";

/** The 家→站→室 tree of one town, each venue with its coming reception days. */
interface TreeProps {
  venues: VenueNode[];
  sessionsByVenue: Map<string, ListedSession[]>;
  /** how each station answered recently (public side of 量化积分) */
  answers?: AnswerStatsView | null;
}

export function VenueTree({ venues, sessionsByVenue, answers = null }: TreeProps) {
  return (
    <ul className="venue-tree" role="list">
      {venues.map((v) => (
        <VenueItem key={v.id} venue={v} sessionsByVenue={sessionsByVenue} answers={answers} />
      ))}
    </ul>
  );
}

function VenueItem({ venue, sessionsByVenue, answers }: { venue: VenueNode } & Required<Pick<TreeProps, "sessionsByVenue" | "answers">>) {
  const t = useT();
  const lang = useLang();
  const sessions = sessionsByVenue.get(venue.id) ?? [];
  const answered = answers?.venues.find((r) => r.venueId === venue.id);
  return (
    <li className={`venue venue--${venue.kind.toLowerCase()}`}>
      <div className="venue__row">
        <span className={`badge badge--venue-${venue.kind.toLowerCase()}`}>{t(`venueKind.${venue.kind}`)}</span>
        <Link className="venue__name" to={`/v/${encodeURIComponent(venue.id)}`}>
          {venue.name}
        </Link>
        <Link className="venue__message" to={`/v/${encodeURIComponent(venue.id)}#message`}>
          {t("message.venue.home")}
        </Link>
      </div>
      {answered && answers ? <AnswerStatsLine row={answered} withinDays={answers.answerWithinDays} /> : null}
      {venue.address ? <p className="venue__address muted">{venue.address}</p> : null}
      {sessions.length ? (
        <ul className="venue__sessions">
          {sessions.map((s) => (
            <li key={s.id}>
              <Link to={`/s/${s.id}`}>
                {formatDate(lang, s.startsAt)} · {s.title}
              </Link>
              {s.live ? <span className="badge badge--live">{t("home.live")}</span> : null}
              {s.bookingCapacity && s.placesLeft !== undefined && !s.live ? (
                <span className="muted"> · {s.placesLeft > 0 ? t("booking.placesLeft", { n: s.placesLeft }) : t("booking.status.WAITLISTED")}</span>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {sessions.length ? (
        <p className="venue__calendar">
          <a href={routeUrl("GET /api/venues/:id/calendar.ics", { params: { id: venue.id } })}>{t("booking.venueCalendar")}</a>
        </p>
      ) : null}
      {venue.children.length ? <VenueTree venues={venue.children} sessionsByVenue={sessionsByVenue} answers={answers} /> : null}
    </li>
  );
}
