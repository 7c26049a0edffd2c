import { Link } from "react-router-dom";
import type { NudgeReport } from "@protocol/nudges.ts";
import { useLang, useT } from "../../../i18n/useT.ts";
import { query } from "../../../api.ts";
import { boApi } from "../api.ts";
import { LoadState } from "../shared/LoadState.tsx";
import { useResource } from "../shared/useResource.ts";
import "./nudges.css";

const casesLink = (venueId?: string) => `/admin/cases${query({ overdue: "1", venueId, view: "list" })}`;

function hasAnything(r: NudgeReport): boolean {
  const x = r.totals;
  return x.inactiveVenues + x.inactiveGroups + x.overdue + x.dueSoon > 0 || r.venues.some((v) => v.days.length > 0);
}

/**
 * 需要关注 on the scoring page (GET /api/insights/nudges): stations and deputy
 * groups without activity in the month, overdue cases by venue (count, oldest,
 * a link to the filtered case list) and the coming week.
 */
export function NudgesPanel({ month }: { month?: string }) {
  const t = useT();
  const lang = useLang();
  const res = useResource(() => boApi.nudges(month), month ?? "");
  const r = res.data;
  const date = (iso: string) => new Date(iso).toLocaleDateString(lang);
  const when = (iso: string) => new Date(iso).toLocaleString(lang, { month: "numeric", day: "numeric", weekday: "short", hour: "2-digit", minute: "2-digit" });
  const [year, mon] = (r?.month ?? "").split("-");

  const inactive = r?.venues.filter((v) => v.inactive) ?? [];
  const idleGroups = r?.groups.filter((g) => g.inactive) ?? [];
  const overdue = r?.venues.filter((v) => v.overdue.count > 0) ?? [];
  const dueSoon = r?.venues.filter((v) => v.dueSoon.count > 0) ?? [];
  const days = r?.venues.flatMap((v) => v.days.map((d) => ({ ...d, venueName: v.name }))).sort((a, b) => a.startsAt.localeCompare(b.startsAt)) ?? [];

  return (
    <section className="card bo-nudges" aria-labelledby="bo-nudges" data-testid="nudges">
      <h2 id="bo-nudges">
        {t("nudges.title")}
        {r ? <span className="muted bo-nudges__month"> {t("nudges.monthOf", { year: year ?? "", month: String(Number(mon)) })}</span> : null}
      </h2>
      <p className="muted">{t("nudges.intro")}</p>
      <LoadState loading={res.loading} error={res.error} onRetry={() => void res.reload()}>
        {r && !hasAnything(r) ? <p className="bo-nudges__clear">{t("nudges.allClear")}</p> : null}
        {r && hasAnything(r) ? (
          <div className="bo-nudges__grid">
            {inactive.length ? (
              <div className="bo-nudge" data-testid="nudges-inactive">
                <h3>{t("nudges.inactiveStations", { count: inactive.length })}</h3>
                <ul>
                  {inactive.map((v) => (
                    <li key={v.venueId}>
                      <strong>{v.name}</strong> <span className="muted">{v.town} · {t("nudges.noActivity")}</span>
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
            {idleGroups.length ? (
              <div className="bo-nudge">
                <h3>{t("nudges.inactiveGroups", { count: idleGroups.length })}</h3>
                <ul>
                  {idleGroups.map((g) => (
                    <li key={g.groupId}>
                      <strong>{g.name}</strong> <span className="muted">{g.town}</span>
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
            {overdue.length ? (
              <div className="bo-nudge bo-nudge--overdue" data-testid="nudges-overdue">
                <h3>{t("nudges.overdue", { count: r.totals.overdue })}</h3>
                {r.totals.oldestOverdueDueAt ? <p className="muted">{t("nudges.oldest", { date: date(r.totals.oldestOverdueDueAt) })}</p> : null}
                <ul>
                  {overdue.map((v) => (
                    <li key={v.venueId}>
                      <strong>{v.name}</strong>{t("punct.colon")}
                      {t("nudges.venueOverdue", { count: v.overdue.count, date: v.overdue.oldestDueAt ? date(v.overdue.oldestDueAt) : "—" })}{" "}
                      <Link to={casesLink(v.venueId)}>{t("nudges.viewOverdue")}</Link>
                    </li>
                  ))}
                </ul>
                {overdue.length > 1 ? <Link to={casesLink()}>{t("nudges.viewAllOverdue")}</Link> : null}
              </div>
            ) : null}
            {dueSoon.length || days.length ? (
              <div className="bo-nudge">
                <h3>{t("nudges.comingWeek")}</h3>
                <ul>
                  {dueSoon.map((v) => (
                    <li key={v.venueId}>{t("nudges.dueSoon", { venue: v.name, count: v.dueSoon.count })}</li>
                  ))}
                  {days.map((d) => (
                    <li key={d.sessionId}>
                      {when(d.startsAt)} <strong>{d.venueName}</strong> {d.title}
                      {d.bookings ? <span className="muted"> · {t("nudges.bookings", { n: d.bookings })}</span> : null}
                      {d.noDeputies ? (
                        <>
                          {" "}
                          <span className="badge badge--overdue">{t("nudges.noDeputies")}</span> <Link to="/admin/schedule">{t("nudges.viewSchedule")}</Link>
                        </>
                      ) : (
                        <span className="muted"> · {d.deputies.join("、")}</span>
                      )}
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
          </div>
        ) : null}
      </LoadState>
    </section>
  );
}
