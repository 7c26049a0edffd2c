import { Link } from "react-router-dom";
import type { VenueNode } from "@protocol/model.ts";
import type { SessionListItem } from "../../api.ts";
import { useLang, useT } from "../../i18n/useT.ts";
import { formatDate } from "../../lib/format.ts";

/** The 家→站→室 tree of one town, each venue with its coming reception days. */
export function VenueTree({ venues, sessionsByVenue }: { venues: VenueNode[]; sessionsByVenue: Map<string, SessionListItem[]> }) {
  return (
    <ul className="venue-tree" role="list">
      {venues.map((v) => (
        <VenueItem key={v.id} venue={v} sessionsByVenue={sessionsByVenue} />
      ))}
    </ul>
  );
}

function VenueItem({ venue, sessionsByVenue }: { venue: VenueNode; sessionsByVenue: Map<string, SessionListItem[]> }) {
  const t = useT();
  const lang = useLang();
  const sessions = sessionsByVenue.get(venue.id) ?? [];
  return (
    <li className={`venue venue--${venue.kind.toLowerCase()}`}>
      <div className="venue__row">
        <span className={`badge badge--venue-${venue.kind.toLowerCase()}`}>{t(`venueKind.${venue.kind}`)}</span>
        <span className="venue__name">{venue.name}</span>
      </div>
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
          <a href={`/api/venues/${encodeURIComponent(venue.id)}/calendar.ics`}>{t("booking.venueCalendar")}</a>
        </p>
      ) : null}
      {venue.children.length ? <VenueTree venues={venue.children} sessionsByVenue={sessionsByVenue} /> : null}
    </li>
  );
}
