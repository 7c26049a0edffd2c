import { useState, type FormEvent } from "react";
import { Link, useNavigate, useSearchParams } from "react-router-dom";
import type { CaseListItem } from "@protocol/back-office.ts";
import { CASE_SOURCES, CASE_STATUSES, type CaseStatus } from "@protocol/model.ts";
import { useDocumentTitle } from "../../../hooks/useDocumentTitle.ts";
import { useLang, useT } from "../../../i18n/useT.ts";
import { formatDate } from "../../../lib/format.ts";
import { useAuth } from "../../../stores/auth.ts";
import { boApi } from "../api.ts";
import { LoadState } from "../shared/LoadState.tsx";
import { useResource } from "../shared/useResource.ts";
import { indentName, useVenues } from "../shared/useVenues.ts";
import { CaseSourceBadge } from "./CaseSourceBadge.tsx";
import { CaseStatusBadge } from "./CaseStatusBadge.tsx";
import { NewCaseDialog } from "./NewCaseDialog.tsx";

/** The board shows the cases still moving; finished ones are a click away in the list. */
const FINISHED_STATUSES: readonly CaseStatus[] = ["CLOSED", "REJECTED"];
const BOARD_STATUSES = CASE_STATUSES.filter((s) => !FINISHED_STATUSES.includes(s));

/** /admin/cases — follow-up cases as a board by status or a list; overdue ones stand out. */
export function CasesPage() {
  const t = useT();
  const lang = useLang();
  const navigate = useNavigate();
  useDocumentTitle(t("admin.cases.title"));
  const [params, setParams] = useSearchParams();
  const view = params.get("view") === "list" ? "list" : "board";
  const { mine, all } = useVenues();
  const [q, setQ] = useState(params.get("q") ?? "");
  const [creating, setCreating] = useState(false);
  const filter = {
    status: params.get("status") ?? undefined,
    source: params.get("source") ?? undefined,
    venueId: params.get("venueId") ?? undefined,
    q: params.get("q") ?? undefined,
    overdue: params.get("overdue") === "1" ? ("1" as const) : undefined,
    sort: params.get("sort") === "support" ? ("support" as const) : undefined,
    limit: 500,
  };
  const cases = useResource(() => boApi.cases(filter), params.toString());
  const rows = cases.data?.cases ?? [];

  const setParam = (k: string, v: string | null) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    setParams(next, { replace: true });
  };
  const search = (e: FormEvent) => {
    e.preventDefault();
    setParam("q", q.trim() || null);
  };
  const venueName = (id: string) => all.find((v) => v.id === id)?.name ?? "";
  const role = useAuth((s) => s.user?.role);
  // Deputies read cases; staff open them by hand.
  const canCreate = mine.length > 0 && role !== "DEPUTY";

  return (
    <div className="bo-page">
      <header className="page-head">
        <div>
          <h1>{t("admin.cases.title")}</h1>
          <p className="muted">{t("admin.cases.total", { n: cases.data?.total ?? 0 })}</p>
        </div>
        <div className="button-row">
          <div className="bo-toggle" role="group" aria-label={t("admin.cases.title")}>
            <button type="button" className={`button button--small${view === "board" ? " is-on" : ""}`} aria-pressed={view === "board"} onClick={() => setParam("view", null)}>
              {t("admin.cases.board")}
            </button>
            <button type="button" className={`button button--small${view === "list" ? " is-on" : ""}`} aria-pressed={view === "list"} onClick={() => setParam("view", "list")}>
              {t("admin.cases.list")}
            </button>
          </div>
          {role === "DEPUTY" ? (
            <Link className="button button--primary" to="/admin/suggestions/new">
              {t("suggestion.fromCases")}
            </Link>
          ) : null}
          {canCreate ? (
            <button type="button" className="button button--primary" onClick={() => setCreating(true)}>
              {t("admin.cases.new")}
            </button>
          ) : null}
        </div>
      </header>

      <form className="bo-filters card" onSubmit={search} role="search" aria-label={t("admin.common.filter")}>
        <label>
          <span>{t("admin.common.search")}</span>
          <input type="search" value={q} placeholder={t("admin.cases.qHint")} onChange={(e) => setQ(e.target.value)} />
        </label>
        <label>
          <span>{t("admin.common.venue")}</span>
          <select value={params.get("venueId") ?? ""} onChange={(e) => setParam("venueId", e.target.value || null)}>
            <option value="">{t("admin.common.allVenues")}</option>
            {mine.map((v) => (
              <option key={v.id} value={v.id}>
                {indentName(v)}
              </option>
            ))}
          </select>
        </label>
        {view === "list" ? (
          <label>
            <span>{t("admin.common.status")}</span>
            <select value={params.get("status") ?? ""} onChange={(e) => setParam("status", e.target.value || null)}>
              <option value="">{t("common.all")}</option>
              {CASE_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`caseStatus.${s}`)}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <label>
          <span>{t("caseSource.label")}</span>
          <select name="source" value={params.get("source") ?? ""} onChange={(e) => setParam("source", e.target.value || null)}>
            <option value="">{t("common.all")}</option>
            {CASE_SOURCES.map((s) => (
              <option key={s} value={s}>
                {t(`caseSource.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="check check--inline">
          <input type="checkbox" checked={params.get("overdue") === "1"} onChange={(e) => setParam("overdue", e.target.checked ? "1" : null)} />
          <span>{t("admin.cases.overdueOnly")}</span>
        </label>
        <label className="check check--inline">
          <input type="checkbox" checked={params.get("sort") === "support"} onChange={(e) => setParam("sort", e.target.checked ? "support" : null)} />
          <span>{t("support.sortCases")}</span>
        </label>
        <button type="submit" className="button">
          {t("admin.common.search")}
        </button>
      </form>

      <LoadState loading={cases.loading} error={cases.error} onRetry={() => void cases.reload()}>
        {view === "board" ? (
          <>
          <div className="bo-board">
            {BOARD_STATUSES.map((status) => {
              const column = rows.filter((c) => c.status === status);
              return (
                <section key={status} className={`bo-board__column bo-board__column--${status.toLowerCase()}`} aria-labelledby={`col-${status}`}>
                  <h2 id={`col-${status}`} className="bo-board__title">
                    {t(`caseStatus.${status}`)} <span className="count-pill">{column.length}</span>
                  </h2>
                  {column.length === 0 ? <p className="muted">{t("admin.cases.empty")}</p> : null}
                  <ul className="bo-board__cards">
                    {column.map((c) => (
                      <CaseCard key={c.id} c={c} />
                    ))}
                  </ul>
                </section>
              );
            })}
          </div>
          <p className="bo-board__finished">
            {FINISHED_STATUSES.map((status) => (
              <button key={status} type="button" className="link-button" onClick={() => setParams(new URLSearchParams({ view: "list", status }))}>
                {t(`caseStatus.${status}`)} {rows.filter((c) => c.status === status).length}
              </button>
            ))}
          </p>
          </>
        ) : (
          <div className="table-scroll">
            <table className="bo-table">
              <thead>
                <tr>
                  <th scope="col">{t("admin.cases.col.code")}</th>
                  <th scope="col">{t("admin.common.status")}</th>
                  <th scope="col">{t("case.category")}</th>
                  <th scope="col">{t("case.summary")}</th>
                  <th scope="col">{t("admin.common.venue")}</th>
                  <th scope="col">{t("admin.cases.col.assignee")}</th>
                  <th scope="col">{t("admin.cases.col.due")}</th>
                  <th scope="col">{t("admin.cases.col.created")}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((c) => (
                  <tr key={c.id} className={c.overdue ? "bo-row--overdue" : ""}>
                    <th scope="row">
                      <Link to={`/admin/cases/${c.id}`}>{c.trackingCode}</Link>
                      <CaseSourceBadge source={c.source} />
                    </th>
                    <td>
                      <CaseStatusBadge status={c.status} />
                    </td>
                    <td>{c.category}</td>
                    <td className="bo-clamp">{c.summary}</td>
                    <td>{c.venueName || venueName(c.venueId)}</td>
                    <td>{c.assignee ?? "—"}</td>
                    <td>
                      {formatDate(lang, c.effectiveDueAt)}
                      {c.overdue ? <span className="badge badge--overdue"> {t("admin.cases.overdue")}</span> : null}
                    </td>
                    <td>{formatDate(lang, c.createdAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </LoadState>

      <NewCaseDialog open={creating} venues={mine} onClose={() => setCreating(false)} onCreated={(id) => navigate(`/admin/cases/${id}`)} />
    </div>
  );
}

function CaseCard({ c }: { c: CaseListItem }) {
  const t = useT();
  const lang = useLang();
  return (
    <li className={`bo-case-card${c.overdue ? " bo-case-card--overdue" : ""}`}>
      <Link to={`/admin/cases/${c.id}`} className="bo-case-card__link">
        <span className="bo-case-card__code">
          {c.trackingCode}
          <CaseSourceBadge source={c.source} />
        </span>
        <span className="bo-case-card__summary">
          {t("punct.bracket", { text: c.category })}{c.summary}
        </span>
      </Link>
      <span className="bo-case-card__meta">
        {c.venueName}
        {c.assignee ? ` · ${c.assignee}` : ""}
      </span>
      <span className={`bo-case-card__due${c.overdue ? " is-overdue" : ""}`}>
        {c.overdue ? `${t("admin.cases.overdue")} · ` : ""}
        {t("admin.cases.due", { date: formatDate(lang, c.effectiveDueAt) })}
      </span>
    </li>
  );
}
