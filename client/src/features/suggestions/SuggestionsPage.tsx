import { Link, useSearchParams } from "react-router-dom";
import type { SuggestionStatus, Supervision } from "@protocol/suggestions.ts";
import { SUGGESTION_STATUSES, SUPERVISION_COLOURS } from "@protocol/suggestions.ts";
import { useDocumentTitle } from "../../hooks/useDocumentTitle.ts";
import { useLang, useT } from "../../i18n/useT.ts";
import { formatDate } from "../../lib/format.ts";
import { useAuth } from "../../stores/auth.ts";
import { LoadState } from "../admin/shared/LoadState.tsx";
import { useResource } from "../admin/shared/useResource.ts";
import { boardByDepartment } from "./board.ts";
import { countersignState } from "./Countersign.tsx";
import { suggestionApi } from "./suggestion-api.ts";
import { SupervisionBadge } from "./SupervisionBadge.tsx";
import "./suggestions.css";

/**
 * /admin/suggestions — 代表建议. The office reads every suggestion of its
 * venues by colour (overdue first) and assigns them; a deputy reads the ones
 * they lead or co-sign and drafts new ones; a department account reads this
 * page as its desk: what is assigned to it, with the deadlines.
 */
/** The board reads from the most urgent colour. */
const BOARD_COLOURS = ["RED", "YELLOW", "GREEN"] as const satisfies readonly Supervision[];

export function SuggestionsPage() {
  const t = useT();
  const lang = useLang();
  const user = useAuth((s) => s.user);
  const role = user?.role;
  const [params, setParams] = useSearchParams();
  const status = (params.get("status") ?? undefined) as SuggestionStatus | undefined;
  const supervision = (params.get("supervision") ?? undefined) as Supervision | undefined;
  const departmentId = params.get("departmentId") ?? undefined;
  const office = role === "ADMIN" || role === "STAFF";
  const departments = useResource(suggestionApi.departments, "departments");
  const myDepartment = departments.data?.departments.find((d) => d.id === user?.departmentId)?.name ?? "";
  const title = role === "DEPARTMENT" ? t("suggestion.deskTitle", { name: myDepartment }) : t("suggestion.title");
  useDocumentTitle(title);
  const list = useResource(() => suggestionApi.list({ status, supervision, departmentId }), params.toString());
  const rows = list.data?.suggestions ?? [];
  const board = office && !departmentId ? boardByDepartment(rows) : [];
  // 会签: what awaits this department's countersign, whatever the filters.
  const awaiting = useResource(
    () => (role === "DEPARTMENT" ? suggestionApi.list({ status: "COUNTERSIGNING" }) : Promise.resolve({ ok: true as const, data: { suggestions: [], total: 0 } })),
    `countersign:${role ?? ""}`,
  );
  const mine = (awaiting.data?.suggestions ?? []).filter((s) => s.countersigns.some((c) => c.departmentId === user?.departmentId && !c.decision));
  const setParam = (k: string, v: string | null) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    setParams(next, { replace: true });
  };

  return (
    <div className="bo-page">
      <header className="page-head">
        <div>
          <h1>{title}</h1>
          <p className="muted">{role === "DEPARTMENT" ? t("suggestion.intro.department") : role === "DEPUTY" ? t("suggestion.intro.deputy") : t("suggestion.intro.office")}</p>
        </div>
        {role === "DEPUTY" ? (
          <Link className="button button--primary" to="/admin/suggestions/new">
            {t("suggestion.new")}
          </Link>
        ) : null}
      </header>

      {role === "DEPARTMENT" && awaiting.data ? (
        <section className="card countersign-awaiting" aria-labelledby="countersign-awaiting">
          <h2 id="countersign-awaiting">{t("suggestion.cs.awaitingMine", { n: mine.length })}</h2>
          {mine.length ? (
            <ul>
              {mine.map((s) => (
                <li key={s.id}>
                  <Link to={`/admin/suggestions/${s.id}`}>
                    {s.number} {s.title}
                  </Link>
                  <span className="muted">
                    {" "}
                    · {t("suggestion.detail.leadDept")}
                    {t("punct.colon")}
                    {s.leadDepartmentName} · {countersignState(t, s)}
                  </span>
                  {s.draftAnswer ? <p className="countersign-awaiting__draft">{s.draftAnswer.text}</p> : null}
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">{t("suggestion.cs.awaitingNone")}</p>
          )}
        </section>
      ) : null}

      <div className="bo-filters card" role="search" aria-label={t("admin.common.filter")}>
        <label>
          <span>{t("suggestion.col.status")}</span>
          <select value={status ?? ""} onChange={(e) => setParam("status", e.target.value || null)}>
            <option value="">{t("common.all")}</option>
            {SUGGESTION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`suggestion.status.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t("suggestion.col.supervision")}</span>
          <select value={supervision ?? ""} onChange={(e) => setParam("supervision", e.target.value || null)}>
            <option value="">{t("common.all")}</option>
            {SUPERVISION_COLOURS.map((c) => (
              <option key={c} value={c}>
                {t(`suggestion.supervision.${c}`)}
              </option>
            ))}
          </select>
        </label>
        {office ? (
          <label>
            <span>{t("suggestion.col.department")}</span>
            <select value={departmentId ?? ""} onChange={(e) => setParam("departmentId", e.target.value || null)}>
              <option value="">{t("common.all")}</option>
              {(departments.data?.departments ?? []).map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </select>
          </label>
        ) : null}
      </div>

      {board.length ? (
        <section className="card supervision-board" aria-labelledby="supervision-board">
          <h2 id="supervision-board">{t("suggestion.board.title")}</h2>
          <p className="muted">{t("suggestion.board.intro")}</p>
          <div className="table-scroll">
            <table className="bo-table">
              <thead>
                <tr>
                  <th scope="col">{t("suggestion.col.department")}</th>
                  {BOARD_COLOURS.map((c) => (
                    <th scope="col" key={c}>
                      <SupervisionBadge supervision={c} />
                    </th>
                  ))}
                  <th scope="col">{t("suggestion.board.total")}</th>
                </tr>
              </thead>
              <tbody>
                {board.map((d) => (
                  <tr key={d.departmentId} className={d.RED ? "bo-row--overdue" : ""}>
                    <th scope="row">
                      <button type="button" className="link-button" aria-label={t("suggestion.board.show", { name: d.departmentName })} onClick={() => setParam("departmentId", d.departmentId)}>
                        {d.departmentName}
                      </button>
                    </th>
                    {BOARD_COLOURS.map((c) => (
                      <td key={c}>{d[c]}</td>
                    ))}
                    <td>{d.total}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}

      <LoadState loading={list.loading} error={list.error} onRetry={() => void list.reload()}>
        {rows.length === 0 && !list.loading ? <p className="muted">{t("suggestion.empty")}</p> : null}
        {rows.length ? (
          <div className="table-scroll">
            <table className="bo-table suggestion-table">
              <thead>
                <tr>
                  <th scope="col">{t("suggestion.col.number")}</th>
                  <th scope="col">{t("suggestion.col.title")}</th>
                  <th scope="col">{t("suggestion.col.status")}</th>
                  <th scope="col">{t("suggestion.col.supervision")}</th>
                  <th scope="col">{t("suggestion.col.department")}</th>
                  <th scope="col">{t("suggestion.col.due")}</th>
                  <th scope="col">{t("suggestion.col.lead")}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((s) => (
                  <tr key={s.id} className={s.supervision === "RED" ? "bo-row--overdue" : ""}>
                    <th scope="row">
                      <Link to={`/admin/suggestions/${s.id}`}>{s.number}</Link>
                    </th>
                    <td>
                      <Link to={`/admin/suggestions/${s.id}`}>{s.title}</Link>
                    </td>
                    <td>{countersignState(t, s) ?? t(`suggestion.status.${s.status}`)}</td>
                    <td>
                      <SupervisionBadge supervision={s.supervision} />
                    </td>
                    <td>{s.leadDepartmentName ?? "—"}</td>
                    <td>{s.dueAt ? formatDate(lang, s.dueAt) : "—"}</td>
                    <td>{s.leadDeputyName}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </LoadState>
    </div>
  );
}
