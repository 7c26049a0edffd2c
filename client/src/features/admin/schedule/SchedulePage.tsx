import { useMemo, useState } from "react";
import { Link } from "react-router-dom";
import type { SessionView } from "@protocol/model.ts";
import type { ListedSession } from "@protocol/sessions.ts";
import { SessionStatusBadge } from "../../../components/SessionStatusBadge.tsx";
import { useDocumentTitle } from "../../../hooks/useDocumentTitle.ts";
import { useLang, useT } from "../../../i18n/useT.ts";
import { boApi } from "../api.ts";
import { localDate, localTime, monthGrid } from "../format.ts";
import { LoadState } from "../shared/LoadState.tsx";
import { useResource } from "../shared/useResource.ts";
import { indentName, useVenues } from "../shared/useVenues.ts";
import { SessionFormDialog } from "./SessionFormDialog.tsx";

/** /admin/schedule — a month of reception days per venue; click a date to schedule, a day to edit. */
export function SchedulePage() {
  const t = useT();
  const lang = useLang();
  useDocumentTitle(t("admin.schedule.title"));
  const today = new Date();
  const [month, setMonth] = useState({ y: today.getFullYear(), m: today.getMonth() });
  const { mine, loading: venuesLoading } = useVenues();
  const [venueId, setVenueId] = useState("");
  const [editing, setEditing] = useState<{ session: SessionView | null; date: string } | null>(null);

  const weeks = useMemo(() => monthGrid(month.y, month.m), [month]);
  const from = new Date(`${weeks[0]![0]!.date}T00:00:00`).toISOString();
  const to = new Date(new Date(`${weeks.at(-1)!.at(-1)!.date}T00:00:00`).getTime() + 86_400_000).toISOString();
  const venueFilter = venueId || undefined;
  const sessions = useResource(() => boApi.sessions({ from, to, venueId: venueFilter, limit: 1000 }), `${from}|${venueFilter}`);
  const byDay = useMemo(() => {
    const mineIds = new Set(mine.map((v) => v.id));
    const map = new Map<string, ListedSession[]>();
    for (const s of sessions.data?.sessions ?? []) {
      if (!mineIds.has(s.venueId)) continue;
      const key = localDate(new Date(s.startsAt));
      map.set(key, [...(map.get(key) ?? []), s]);
    }
    return map;
  }, [sessions.data, mine]);
  const inMonth = [...byDay.entries()].filter(([d]) => d.slice(0, 7) === `${month.y}-${String(month.m + 1).padStart(2, "0")}`).length;

  const monthTitle = new Intl.DateTimeFormat(lang, { year: "numeric", month: "long" }).format(new Date(month.y, month.m, 1));
  const weekday = (d: string) => new Intl.DateTimeFormat(lang, { weekday: "short" }).format(new Date(`${d}T00:00:00`));
  const shift = (n: number) => setMonth(({ y, m }) => ({ y: m + n < 0 ? y - 1 : m + n > 11 ? y + 1 : y, m: (m + n + 12) % 12 }));

  return (
    <div className="bo-page">
      <header className="page-head">
        <div>
          <h1>{t("admin.schedule.title")}</h1>
          <p className="muted">{t("admin.schedule.hint")}</p>
        </div>
        <div className="button-row">
          <label className="bo-inline-field">
            <span>{t("admin.common.venue")}</span>
            <select value={venueId} onChange={(e) => setVenueId(e.target.value)} disabled={venuesLoading}>
              <option value="">{t("admin.common.allVenues")}</option>
              {mine.map((v) => (
                <option key={v.id} value={v.id}>
                  {indentName(v)}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="button button--primary" onClick={() => setEditing({ session: null, date: localDate(today) })} disabled={mine.length === 0}>
            {t("admin.schedule.new")}
          </button>
        </div>
      </header>

      <div className="bo-month-bar">
        <button type="button" className="button button--small" onClick={() => shift(-1)} aria-label={t("admin.schedule.prevMonth")}>
          ‹ {t("admin.schedule.prevMonth")}
        </button>
        <h2 aria-live="polite">{monthTitle}</h2>
        <button type="button" className="button button--small" onClick={() => shift(1)} aria-label={t("admin.schedule.nextMonth")}>
          {t("admin.schedule.nextMonth")} ›
        </button>
        <button type="button" className="button button--small button--quiet" onClick={() => setMonth({ y: today.getFullYear(), m: today.getMonth() })}>
          {t("admin.schedule.thisMonth")}
        </button>
      </div>

      <LoadState loading={sessions.loading} error={sessions.error} onRetry={() => void sessions.reload()}>
        {inMonth === 0 && !sessions.loading ? <p className="muted">{t("admin.schedule.none")}</p> : null}
        <table className="bo-calendar">
          <caption className="visually-hidden">{monthTitle}</caption>
          <thead>
            <tr>
              {weeks[0]!.map((c) => (
                <th key={c.date} scope="col">
                  {weekday(c.date)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {weeks.map((week) => (
              <tr key={week[0]!.date}>
                {week.map((cell) => (
                  <td key={cell.date} className={`bo-calendar__day${cell.inMonth ? "" : " bo-calendar__day--out"}${cell.isToday ? " bo-calendar__day--today" : ""}`}>
                    <button
                      type="button"
                      className="bo-calendar__date"
                      onClick={() => setEditing({ session: null, date: cell.date })}
                      disabled={mine.length === 0}
                    >
                      {Number(cell.date.slice(8))}
                      <span className="visually-hidden"> {t("admin.schedule.newOn", { date: cell.date })}</span>
                    </button>
                    <ul className="bo-calendar__sessions">
                      {(byDay.get(cell.date) ?? []).map((s) => (
                        <li key={s.id} className={`bo-calendar__session bo-calendar__session--${s.status.toLowerCase()}`}>
                          <button type="button" className="bo-calendar__open" onClick={() => setEditing({ session: s, date: cell.date })}>
                            <span className="bo-calendar__time">{localTime(new Date(s.startsAt))}</span> {s.venueName}
                            {s.theme ? <span className="bo-calendar__theme"> · {s.theme}</span> : null}
                          </button>
                          <span className="bo-calendar__meta">
                            <SessionStatusBadge status={s.status} />
                            {s.bookingCapacity ? <BookedPlaces capacity={s.bookingCapacity} left={s.placesLeft ?? 0} /> : null}
                            {s.kind === "FORUM" ? (
                              <>
                                <span className="badge">{t("forum.kind")}</span>
                                <Link to={`/admin/forums/${s.id}/invitations`} className="bo-calendar__record" aria-label={`${t("forum.admin.invitations")} · ${s.title}`}>
                                  {t("forum.admin.invitations")}
                                </Link>
                              </>
                            ) : null}
                            {s.status !== "SCHEDULED" ? (
                              <Link to={`/admin/records/${s.id}`} className="bo-calendar__record">
                                {t("admin.schedule.record")}
                              </Link>
                            ) : null}
                          </span>
                        </li>
                      ))}
                    </ul>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </LoadState>

      <SessionFormDialog
        open={editing !== null}
        session={editing?.session ?? null}
        venues={mine}
        defaults={{ venueId: venueId || mine[0]?.id || "", date: editing?.date ?? localDate(today) }}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          void sessions.reload();
        }}
      />
    </div>
  );
}

/** A day that takes bookings: how many of its places are booked (docs/ARCHITECTURE.md §6b). */
function BookedPlaces({ capacity, left }: { capacity: number; left: number }) {
  const t = useT();
  const taken = capacity - left;
  return (
    <span className="badge" title={t("admin.schedule.placesLabel", { taken, capacity, left })} data-testid="schedule-places">
      <span aria-hidden="true">{t("admin.schedule.places", { taken, capacity })}</span>
      <span className="visually-hidden">{t("admin.schedule.placesLabel", { taken, capacity, left })}</span>
    </span>
  );
}
