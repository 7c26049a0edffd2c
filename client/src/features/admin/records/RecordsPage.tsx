import { useState, type FormEvent } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { SESSION_STATUSES } from "@protocol/model.ts";
import { SessionStatusBadge } from "../../../components/SessionStatusBadge.tsx";
import { useDocumentTitle } from "../../../hooks/useDocumentTitle.ts";
import { useLang, useT } from "../../../i18n/useT.ts";
import { formatDateTime } from "../../../lib/format.ts";
import { boApi } from "../api.ts";
import { dayAfterIso, startOfDayIso } from "../format.ts";
import { LoadState } from "../shared/LoadState.tsx";
import { useResource } from "../shared/useResource.ts";
import { indentName, useVenues } from "../shared/useVenues.ts";

const FILTERS = ["venueId", "town", "from", "to", "theme", "status"] as const;

/** /admin/records — reception days with filters (venue, town, dates, theme, status), kept in the URL. */
export function RecordsPage() {
  const t = useT();
  const lang = useLang();
  useDocumentTitle(t("admin.records.title"));
  const [params, setParams] = useSearchParams();
  const { mine, towns } = useVenues();
  const get = (k: (typeof FILTERS)[number]) => params.get(k) ?? "";
  const [draft, setDraft] = useState(() => Object.fromEntries(FILTERS.map((k) => [k, get(k)])) as Record<(typeof FILTERS)[number], string>);

  const key = params.toString();
  const list = useResource(
    () =>
      boApi.sessions({
        venueId: get("venueId") || undefined,
        town: get("town") || undefined,
        from: get("from") ? startOfDayIso(get("from")) : undefined,
        to: get("to") ? dayAfterIso(get("to")) : undefined,
        theme: get("theme") || undefined,
        // a status the contract knows, or none (the address may have been typed by hand)
        status: SESSION_STATUSES.find((s) => s === get("status")),
        limit: 1000,
      }),
    key,
  );
  const mineIds = new Set(mine.map((v) => v.id));
  // Newest first; only the venues this user may open.
  const sessions = [...(list.data?.sessions ?? [])].filter((s) => mineIds.has(s.venueId)).reverse();

  function apply(e: FormEvent) {
    e.preventDefault();
    const next = new URLSearchParams();
    for (const k of FILTERS) if (draft[k]) next.set(k, draft[k]);
    setParams(next);
  }
  const set = (k: (typeof FILTERS)[number]) => (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [k]: e.target.value }));

  return (
    <div className="bo-page">
      <header className="page-head">
        <h1>{t("admin.records.title")}</h1>
      </header>
      <form className="bo-filters card" onSubmit={apply} aria-label={t("admin.common.filter")}>
        <label>
          <span>{t("admin.common.venue")}</span>
          <select name="venueId" value={draft.venueId} onChange={set("venueId")}>
            <option value="">{t("admin.common.allVenues")}</option>
            {mine.map((v) => (
              <option key={v.id} value={v.id}>
                {indentName(v)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t("admin.common.town")}</span>
          <select name="town" value={draft.town} onChange={set("town")}>
            <option value="">{t("common.all")}</option>
            {towns.map((town) => (
              <option key={town}>{town}</option>
            ))}
          </select>
        </label>
        <label>
          <span>{t("admin.common.from")}</span>
          <input type="date" name="from" value={draft.from} onChange={set("from")} />
        </label>
        <label>
          <span>{t("admin.common.to")}</span>
          <input type="date" name="to" value={draft.to} onChange={set("to")} />
        </label>
        <label>
          <span>{t("admin.common.theme")}</span>
          <input name="theme" value={draft.theme} onChange={set("theme")} />
        </label>
        <label>
          <span>{t("admin.common.status")}</span>
          <select name="status" value={draft.status} onChange={set("status")}>
            <option value="">{t("common.all")}</option>
            {SESSION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`sessionStatus.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <div className="button-row">
          <button type="submit" className="button button--primary">
            {t("admin.common.filter")}
          </button>
          <button
            type="button"
            className="button button--quiet"
            onClick={() => {
              setDraft({ venueId: "", town: "", from: "", to: "", theme: "", status: "" });
              setParams(new URLSearchParams());
            }}
          >
            {t("admin.common.reset")}
          </button>
        </div>
      </form>

      <LoadState loading={list.loading} error={list.error} onRetry={() => void list.reload()}>
        <p className="muted">{t("admin.records.count", { n: sessions.length })}</p>
        {sessions.length === 0 && !list.loading ? (
          <p>{t("admin.records.none")}</p>
        ) : (
          <div className="table-scroll">
            <table className="bo-table">
              <thead>
                <tr>
                  <th scope="col">{t("admin.common.date")}</th>
                  <th scope="col">{t("admin.common.venue")}</th>
                  <th scope="col">{t("admin.sessionForm.title")}</th>
                  <th scope="col">{t("admin.common.theme")}</th>
                  <th scope="col">{t("admin.common.status")}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t("admin.records.open")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {sessions.map((s) => (
                  <tr key={s.id}>
                    <td>{formatDateTime(lang, s.startsAt)}</td>
                    <td>
                      {s.venueName} <span className="muted">{s.town}</span>
                    </td>
                    <td>
                      {s.title} {s.kind === "FORUM" ? <span className="badge" data-testid="forum-badge">{t("forum.kind")}</span> : null}
                    </td>
                    <td>{s.theme || "—"}</td>
                    <td>
                      <SessionStatusBadge status={s.status} live={s.live} />
                    </td>
                    <td>
                      <Link to={`/admin/records/${s.id}`}>{t("admin.records.open")}</Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </LoadState>
    </div>
  );
}
