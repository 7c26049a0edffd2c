import { Fragment, useEffect, useState, type FormEvent } from "react";
import { useSearchParams } from "react-router-dom";
import type { MetricsView, StatsRow } from "@protocol/back-office.ts";
import { useDocumentTitle } from "../../../hooks/useDocumentTitle.ts";
import { useLang, useT, type MessageKey } from "../../../i18n/useT.ts";
import { useAuth } from "../../../stores/auth.ts";
import { boApi } from "../api.ts";
import { minutes, sortRows, type SortDir } from "../format.ts";
import { LoadState } from "../shared/LoadState.tsx";
import { NudgesPanel } from "./NudgesPanel.tsx";
import { useResource } from "../shared/useResource.ts";
import { useVenues } from "../shared/useVenues.ts";
import { BarChart } from "./BarChart.tsx";
import { DepartmentsOnTime } from "./DepartmentsOnTime.tsx";
import { TrendChart } from "./TrendChart.tsx";
import { WeightsEditor } from "./WeightsEditor.tsx";

interface Column {
  key: string;
  label: MessageKey;
  value: (m: MetricsView) => number | null;
  show?: (m: MetricsView) => string;
}

const COLUMNS: Column[] = [
  { key: "sessionsHeld", label: "admin.stats.part.sessionHeld", value: (m) => m.sessionsHeld, show: (m) => `${m.sessionsHeld}/${m.sessionsScheduled}` },
  { key: "votersOnline", label: "admin.stats.m.votersOnline", value: (m) => m.votersOnline },
  { key: "votersInPerson", label: "admin.stats.m.votersInPerson", value: (m) => m.votersInPerson },
  { key: "avgWait", label: "admin.stats.m.avgWait", value: (m) => m.avgWaitSec, show: (m) => minutes(m.avgWaitSec) },
  { key: "avgSpeak", label: "admin.stats.m.avgSpeak", value: (m) => m.avgSpeakSec, show: (m) => minutes(m.avgSpeakSec) },
  { key: "longWaits", label: "admin.stats.part.longWait", value: (m) => m.longWaits },
  { key: "casesOpened", label: "admin.stats.m.casesOpened", value: (m) => m.casesOpened },
  { key: "casesResolved", label: "admin.stats.part.caseResolved", value: (m) => m.casesResolved },
  { key: "onTime", label: "admin.stats.part.resolvedOnTime", value: (m) => m.casesResolvedOnTime },
  { key: "overdue", label: "admin.stats.part.caseOverdue", value: (m) => m.casesOverdue },
  { key: "satisfaction", label: "admin.stats.part.satisfaction", value: (m) => m.avgSatisfaction, show: (m) => (m.avgSatisfaction == null ? "—" : `${m.avgSatisfaction.toFixed(1)} (${m.ratedCases})`) },
];

/** "2026-03" → ISO of that local month's first instant; `end` gives the next month's (exclusive end). */
function monthIso(month: string, end = false): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return new Date(y, m - 1 + (end ? 1 : 0), 1).toISOString();
}

/** A local "YYYY-MM" for a month picker, from an ISO instant. */
export function monthOf(iso: string): string {
  const d = new Date(iso);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}`;
}

/** /admin/stats — 量化积分: per venue or deputy group, with the formula, charts, a sortable table and CSV. */
export function StatsPage() {
  const t = useT();
  const lang = useLang();
  const isAdmin = useAuth((s) => s.user?.role === "ADMIN");
  useDocumentTitle(t("admin.stats.title"));
  const [params, setParams] = useSearchParams();
  const { towns } = useVenues();
  const groupBy = params.get("groupBy") === "deputyGroup" ? "deputyGroup" : "venue";
  const fromMonth = params.get("from") ?? "";
  const toMonth = params.get("to") ?? "";
  const town = params.get("town") ?? "";
  const [draft, setDraft] = useState({ from: fromMonth, to: toMonth, town, groupBy });
  const query = {
    groupBy,
    from: fromMonth ? monthIso(fromMonth) : undefined,
    to: toMonth ? monthIso(toMonth, true) : undefined,
    town: town || undefined,
  } as const;
  const report = useResource(() => boApi.stats(query), params.toString());
  const [sort, setSort] = useState<{ key: string; dir: SortDir }>({ key: "score", dir: "desc" });
  const [open, setOpen] = useState<string | null>(null);
  const r = report.data;
  // Without from/to the server applies its default period (the last 12 months): show it in the pickers.
  useEffect(() => {
    if (!r || fromMonth || toMonth) return;
    setDraft((d) => (d.from || d.to ? d : { ...d, from: monthOf(r.from), to: monthOf(new Date(Date.parse(r.to) - 1).toISOString()) }));
  }, [r, fromMonth, toMonth]);

  const sorted = r
    ? sortRows(
        r.rows,
        (row: StatsRow) => (sort.key === "score" ? row.score : sort.key === "name" ? row.name : (COLUMNS.find((c) => c.key === sort.key)?.value(row.metrics) ?? null)),
        sort.dir,
      )
    : [];
  const sortBy = (key: string) => setSort((s) => ({ key, dir: s.key === key && s.dir === "desc" ? "asc" : "desc" }));
  const ariaSort = (key: string) => (sort.key === key ? (sort.dir === "asc" ? "ascending" : "descending") : "none") as "ascending" | "descending" | "none";

  function apply(e: FormEvent) {
    e.preventDefault();
    const next = new URLSearchParams();
    if (draft.groupBy === "deputyGroup") next.set("groupBy", "deputyGroup");
    if (draft.from) next.set("from", draft.from);
    if (draft.to) next.set("to", draft.to);
    if (draft.town) next.set("town", draft.town);
    setParams(next);
  }

  const SortHeader = ({ k, label, className = "" }: { k: string; label: string; className?: string }) => (
    <th scope="col" aria-sort={ariaSort(k)} className={className}>
      <button type="button" className="bo-sort" onClick={() => sortBy(k)} title={t("admin.stats.sortBy", { col: label })}>
        {label}
        <span aria-hidden="true">{sort.key === k ? (sort.dir === "desc" ? " ▼" : " ▲") : ""}</span>
      </button>
    </th>
  );

  return (
    <div className="bo-page">
      <header className="page-head">
        <div>
          <h1>{t("admin.stats.title")}</h1>
          <p className="muted">{t("admin.stats.intro")}</p>
        </div>
        <a className="button" href={boApi.statsCsvUrl(query)} download>
          {t("admin.common.exportCsv")}
        </a>
      </header>

      <form className="bo-filters card" onSubmit={apply} aria-label={t("admin.common.filter")}>
        <label>
          <span>{t("admin.common.from")}</span>
          <input type="month" name="from" value={draft.from} onChange={(e) => setDraft((d) => ({ ...d, from: e.target.value }))} />
        </label>
        <label>
          <span>{t("admin.common.to")}</span>
          <input type="month" name="to" value={draft.to} onChange={(e) => setDraft((d) => ({ ...d, to: e.target.value }))} />
        </label>
        <label>
          <span>{t("admin.common.town")}</span>
          <select name="town" value={draft.town} onChange={(e) => setDraft((d) => ({ ...d, town: e.target.value }))}>
            <option value="">{t("common.all")}</option>
            {towns.map((x) => (
              <option key={x}>{x}</option>
            ))}
          </select>
        </label>
        <fieldset className="bo-radio">
          <legend>{t("admin.stats.groupBy")}</legend>
          {(["venue", "deputyGroup"] as const).map((g) => (
            <label key={g}>
              <input type="radio" name="groupBy" value={g} checked={draft.groupBy === g} onChange={() => setDraft((d) => ({ ...d, groupBy: g }))} />
              {g === "venue" ? t("admin.stats.byVenue") : t("admin.stats.byGroup")}
            </label>
          ))}
        </fieldset>
        <button type="submit" className="button button--primary">
          {t("admin.stats.apply")}
        </button>
      </form>

      {/* The month picked as "to" (default: this month) */}
      <NudgesPanel month={toMonth || undefined} />

      <LoadState loading={report.loading} error={report.error} onRetry={() => void report.reload()}>
        {r ? (
          <>
            <section className="card bo-formula" aria-labelledby="bo-formula">
              <h2 id="bo-formula">{t("admin.stats.formula")}</h2>
              <p className="bo-formula__text">
                {t("admin.stats.score")} = {lang === "en" ? r.formula.en : r.formula.zh}
              </p>
              <p className="muted">
                {new Date(r.from).toLocaleDateString(lang)} – {new Date(Date.parse(r.to) - 1).toLocaleDateString(lang)}
              </p>
            </section>

            <div className="bo-charts">
              <section className="card" aria-labelledby="bo-chart-score">
                <h2 id="bo-chart-score">{t("admin.stats.chartScore")}</h2>
                <BarChart title={t("admin.stats.chartScore")} bars={[...r.rows].sort((a, b) => b.score - a.score).map((row) => ({ id: row.id, label: row.name, value: row.score }))} />
              </section>
              <section className="card" aria-labelledby="bo-chart-trend">
                <h2 id="bo-chart-trend">{t("admin.stats.chartTrend")}</h2>
                <TrendChart
                  title={t("admin.stats.chartTrend")}
                  months={r.trend.map((p) => p.month)}
                  series={[
                    { name: t("admin.stats.score"), values: r.trend.map((p) => p.score) },
                    { name: t("admin.stats.trendVoters"), values: r.trend.map((p) => p.metrics.votersOnline + p.metrics.votersInPerson) },
                  ]}
                />
              </section>
            </div>

            <section className="card" aria-labelledby="bo-stats-table">
              <h2 id="bo-stats-table" className="visually-hidden">
                {t("admin.stats.title")}
              </h2>
              <div className="table-scroll">
                <table className="bo-table bo-stats-table">
                  <thead>
                    <tr>
                      <th scope="col" className="num">
                        {t("admin.stats.rank")}
                      </th>
                      <SortHeader k="name" label={t("admin.stats.name")} />
                      {COLUMNS.map((c) => (
                        <SortHeader key={c.key} k={c.key} label={t(c.label)} className="num" />
                      ))}
                      <SortHeader k="score" label={t("admin.stats.score")} className="num" />
                    </tr>
                  </thead>
                  <tbody>
                    {sorted.map((row) => (
                      <Fragment key={row.id}>
                        <tr>
                          <td className="num">{row.rank}</td>
                          <th scope="row">
                            <button type="button" className="bo-sort" aria-expanded={open === row.id} onClick={() => setOpen(open === row.id ? null : row.id)}>
                              {row.name}
                            </button>
                            {row.town && groupBy === "venue" ? <span className="muted"> {row.town}</span> : null}
                          </th>
                          {COLUMNS.map((c) => (
                            <td key={c.key} className="num">
                              {c.show ? c.show(row.metrics) : c.value(row.metrics)}
                            </td>
                          ))}
                          <td className="num bo-score">{row.score}</td>
                        </tr>
                        {open === row.id ? (
                          <tr className="bo-parts-row">
                            <td />
                            <td colSpan={COLUMNS.length + 2}>
                              <span className="bo-parts__title">{t("admin.stats.parts")}{t("punct.colon")}</span>
                              {row.parts.map((p) => (
                                <span key={p.key} className={`bo-part${p.points < 0 ? " bo-part--neg" : ""}`}>
                                  {t(`admin.stats.part.${p.key}` as MessageKey)} {p.value} × {p.weight} = <strong>{p.points}</strong>
                                </span>
                              ))}
                            </td>
                          </tr>
                        ) : null}
                      </Fragment>
                    ))}
                  </tbody>
                  <tfoot>
                    <tr>
                      <td />
                      <th scope="row">{t("admin.stats.total")}</th>
                      {COLUMNS.map((c) => (
                        <td key={c.key} className="num">
                          {c.show ? c.show(r.total.metrics) : c.value(r.total.metrics)}
                        </td>
                      ))}
                      <td className="num bo-score">{r.total.score}</td>
                    </tr>
                  </tfoot>
                </table>
              </div>
            </section>

            <DepartmentsOnTime rows={r.departments} formula={r.departmentFormula} />

            <details className="card" open={isAdmin}>
              <summary>
                <h2 className="inline-heading">{t("admin.stats.weights")}</h2>
              </summary>
              <WeightsEditor editable={isAdmin} onSaved={() => void report.reload()} />
            </details>
          </>
        ) : null}
      </LoadState>
    </div>
  );
}
