import { useEffect, useMemo, useState } from "react";
import { useDocumentTitle } from "../../hooks/useDocumentTitle.ts";
import { useT } from "../../i18n/useT.ts";
import { errorMessage } from "../../lib/error-message.ts";
import { isSameLocalDay } from "../../lib/format.ts";
import { ensureAuthChecked, useAuth } from "../../stores/auth.ts";
import type { ListedSession } from "@protocol/sessions.ts";
import { TrackLookupForm } from "../track/TrackLookupForm.tsx";
import { SessionCard } from "./SessionCard.tsx";
import { useHomeData } from "./useHomeData.ts";
import { VenueTree } from "./VenueTree.tsx";

/** / — stations by town, today's and upcoming reception days, which are live. */
export function HomePage() {
  const t = useT();
  const { venues, sessions, answers, loading, error } = useHomeData();
  const user = useAuth((s) => s.user);
  // Staff links only where this account may act (admins everywhere).
  const mayRun = (s: ListedSession) => !!user && (user.role === "ADMIN" || user.venueIds.includes(s.venueId));
  const [town, setTown] = useState<string>("");
  useDocumentTitle(`${t("app.name")} · ${t("app.tagline")}`);
  useEffect(() => {
    void ensureAuthChecked();
  }, []);

  const towns = useMemo(() => [...new Set([...venues.map((v) => v.town), ...sessions.map((s) => s.town)])].filter(Boolean).sort(), [venues, sessions]);
  const inTown = (s: ListedSession) => !town || s.town === town;
  const now = new Date();
  const today = sessions.filter((s) => inTown(s) && isSameLocalDay(s.startsAt, now));
  const upcoming = sessions.filter((s) => inTown(s) && !isSameLocalDay(s.startsAt, now) && s.startsAt > now.toISOString());
  const sessionsByVenue = useMemo(() => {
    const map = new Map<string, ListedSession[]>();
    for (const s of sessions) map.set(s.venueId, [...(map.get(s.venueId) ?? []), s]);
    return map;
  }, [sessions]);
  const liveCount = today.filter((s) => s.live).length;

  return (
    <div className="home-page">
      <section className="hero">
        <h1>{t("home.title")}</h1>
        <p className="hero__lead">{t("home.lead")}</p>
        {liveCount ? (
          <p className="hero__live">
            <span className="live-dot" aria-hidden="true" /> {t("home.liveNow", { n: liveCount })}
          </p>
        ) : null}
      </section>
      {towns.length > 1 ? (
        <div className="town-filter" role="group" aria-label={t("home.townFilter")}>
          <button type="button" className="chip" aria-pressed={town === ""} onClick={() => setTown("")}>
            {t("common.all")}
          </button>
          {towns.map((name) => (
            <button key={name} type="button" className="chip" aria-pressed={town === name} onClick={() => setTown(name)}>
              {name}
            </button>
          ))}
        </div>
      ) : null}
      {error ? (
        <p className="form__error" role="alert">
          {errorMessage(t, error)}
        </p>
      ) : null}
      {loading ? (
        // A screen's height held while the lists load, so the lookup form below does not jump down when they arrive (layout shift).
        <p role="status" className="home-page__loading">
          {t("common.loading")}
        </p>
      ) : (
        <>
          <section aria-labelledby="today-title">
            <h2 id="today-title">{t("home.today")}</h2>
            {today.length ? (
              <ul className="session-list">
                {today.map((s) => (
                  <SessionCard key={s.id} session={s} staff={mayRun(s)} />
                ))}
              </ul>
            ) : (
              <p className="muted">{t("home.noneToday")}</p>
            )}
          </section>
          <section aria-labelledby="upcoming-title">
            <h2 id="upcoming-title">{t("home.upcoming")}</h2>
            {upcoming.length ? (
              <ul className="session-list">
                {upcoming.map((s) => (
                  <SessionCard key={s.id} session={s} staff={mayRun(s)} />
                ))}
              </ul>
            ) : (
              <p className="muted">{t("home.noneUpcoming")}</p>
            )}
          </section>
          <section aria-labelledby="stations-title">
            <h2 id="stations-title">{t("home.stations")}</h2>
            {towns
              .filter((name) => !town || name === town)
              .map((name) => (
                <div key={name} className="town">
                  <h3 className="town__name">{name}</h3>
                  <VenueTree venues={venues.filter((v) => v.town === name)} sessionsByVenue={sessionsByVenue} answers={answers} />
                </div>
              ))}
          </section>
        </>
      )}
      <TrackLookupForm />
    </div>
  );
}
