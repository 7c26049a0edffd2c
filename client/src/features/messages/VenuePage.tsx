import { useEffect } from "react";
import { Link, useLocation, useParams } from "react-router-dom";
import { api } from "../../api.ts";
import { useDocumentTitle } from "../../hooks/useDocumentTitle.ts";
import { useLang, useT } from "../../i18n/useT.ts";
import { errorMessage } from "../../lib/error-message.ts";
import { compareInstants, formatDateTime } from "../../lib/format.ts";
import { StationSuggestions } from "../suggestions/StationSuggestions.tsx";
import { AnswerStatsCard } from "./AnswerStats.tsx";
import { messageApi } from "./message-api.ts";
import { MessageForm } from "./MessageForm.tsx";
import { usePublicData } from "./usePublicData.ts";
import "./messages.css";

function startOfToday(): Date {
  const d = new Date();
  d.setHours(0, 0, 0, 0);
  return d;
}

/** /v/:venueId — a station's own page: where it is, its coming reception days, its deputies, how it answered, and the message box. */
export function VenuePage() {
  const { venueId = "" } = useParams();
  const t = useT();
  const lang = useLang();
  const venue = usePublicData(() => messageApi.venue(venueId), venueId);
  const stats = usePublicData(() => messageApi.venueStats(venueId), venueId);
  // From the start of the local day, so today's reception (already begun) is listed too.
  const days = usePublicData(() => api.sessions({ venueId, from: startOfToday().toISOString() }), venueId);
  const v = venue.data?.venue;
  useDocumentTitle(v ? `${v.name} · ${t("app.name")}` : t("app.name"));
  const { hash } = useLocation();
  // The home page links straight to the form (#message); it exists only once the venue has loaded.
  useEffect(() => {
    if (v && hash === "#message") document.getElementById("message")?.scrollIntoView({ block: "start" });
  }, [v, hash]);

  if (venue.error) {
    return (
      <p className="page-message" role="alert">
        {venue.error.code === "NOT_FOUND" ? t("message.venue.notFound") : errorMessage(t, venue.error)}
      </p>
    );
  }
  if (!v) {
    return (
      <p className="page-message" role="status">
        {t("common.loading")}
      </p>
    );
  }
  const upcoming = (days.data?.sessions ?? []).filter((s) => s.status !== "ENDED").sort((a, b) => compareInstants(a.startsAt, b.startsAt)).slice(0, 5);
  const row = stats.data?.venues[0];

  return (
    <div className="venue-page">
      <section className="card" aria-labelledby="venue-title">
        <p className="page-head__kicker">
          {t(`venueKind.${v.kind}`)} · {v.town}
          {v.deputyGroupName ? ` · ${v.deputyGroupName}` : ""}
        </p>
        <h1 id="venue-title">{v.name}</h1>
        {v.address ? <p>{v.address}</p> : null}
        <p className="venue-page__lead">{t("message.venue.lead")}</p>
        <p>
          <a className="button button--primary button--large" href="#message">
            {t("message.venue.write")}
          </a>
        </p>
        {v.deputies.length ? (
          <p>
            {t("message.venue.deputies")}
            {t("punct.colon")}
            {v.deputies.map((d, i) => (
              <span key={d.id}>
                {i ? "、" : ""}
                <Link to={`/d/${encodeURIComponent(d.id)}`}>{d.name}</Link>
              </span>
            ))}
          </p>
        ) : null}
      </section>

      <section className="card" aria-labelledby="venue-days">
        <h2 id="venue-days">{t("message.venue.days")}</h2>
        {upcoming.length ? (
          <ul className="venue-page__days">
            {upcoming.map((s) => (
              <li key={s.id}>
                <Link to={`/s/${s.id}`}>
                  {formatDateTime(lang, s.startsAt)} · {s.title}
                </Link>
                {s.theme ? <span className="muted"> · {s.theme}</span> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t("message.venue.noDays")}</p>
        )}
      </section>

      {row && stats.data ? <AnswerStatsCard row={row} windowDays={stats.data.windowDays} withinDays={stats.data.answerWithinDays} /> : null}

      <StationSuggestions venueId={v.id} />

      <MessageForm venueId={v.id} />

      <p className="no-print">
        <Link to={`/v/${encodeURIComponent(v.id)}/poster`}>{t("message.poster.link")}</Link>
      </p>
    </div>
  );
}
