import { useState, type FormEvent, type ReactNode } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { useDocumentTitle } from "../../../hooks/useDocumentTitle.ts";
import { useLang, useT } from "../../../i18n/useT.ts";
import { formatDate } from "../../../lib/format.ts";
import { boApi } from "../api.ts";
import { LoadState } from "../shared/LoadState.tsx";
import { useResource } from "../shared/useResource.ts";
import { CaseStatusBadge } from "../cases/CaseStatusBadge.tsx";
import { hitLink } from "./hit-link.ts";

/** Wraps each occurrence of the terms in <mark> (case-insensitive). */
export function highlight(text: string, terms: readonly string[]): ReactNode[] {
  const words = terms.filter(Boolean).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  if (words.length === 0) return [text];
  const parts = text.split(new RegExp(`(${words.join("|")})`, "gi"));
  return parts.map((p, i) => (i % 2 === 1 ? <mark key={i}>{p}</mark> : p));
}

/** /admin/search — one box over transcripts, tickets, cases and message-box messages of the user's venues. */
export function SearchPage() {
  const t = useT();
  const lang = useLang();
  useDocumentTitle(t("admin.search.title"));
  const [params, setParams] = useSearchParams();
  const q = params.get("q") ?? "";
  const [draft, setDraft] = useState(q);
  const res = useResource(() => (q ? boApi.search(q, 100) : Promise.resolve({ ok: true as const, data: null })), q);
  const data = res.data;

  function submit(e: FormEvent) {
    e.preventDefault();
    const next = draft.trim();
    setParams(next ? { q: next } : {});
  }

  return (
    <div className="bo-page">
      <header className="page-head">
        <h1>{t("admin.search.title")}</h1>
      </header>
      <form className="bo-search card" role="search" onSubmit={submit}>
        <label htmlFor="bo-search-q" className="field__label">
          {t("admin.search.label")}
        </label>
        <div className="bo-search__row">
          <input id="bo-search-q" type="search" name="q" maxLength={100} value={draft} onChange={(e) => setDraft(e.target.value)} aria-describedby="bo-search-hint" autoFocus />
          <button type="submit" className="button button--primary">
            {t("admin.common.search")}
          </button>
        </div>
        <p id="bo-search-hint" className="field__hint">
          {t("admin.search.hint")}
        </p>
      </form>
      <LoadState loading={res.loading && !!q} error={res.error} onRetry={() => void res.reload()}>
        {data ? (
          <section aria-live="polite" aria-labelledby="bo-search-count">
            <p id="bo-search-count" className="muted">
              {data.results.length ? t("admin.search.count", { n: data.results.length, ms: data.tookMs }) : t("admin.search.none")}
            </p>
            {data.truncated ? <p className="notice">{t("admin.search.truncated", { n: data.results.length })}</p> : null}
            <ol className="bo-results">
              {data.results.map((h) => (
                <li key={`${h.kind}-${h.id}`} className={`bo-result bo-result--${h.kind}`}>
                  <div className="bo-result__head">
                    <span className="badge">{t(`admin.search.kind.${h.kind}`)}</span>
                    {h.ticketLabel ? <span className="bo-result__label">{h.ticketLabel}</span> : null}
                    {h.trackingCode ? <span className="bo-result__label">{h.trackingCode}</span> : null}
                    {h.caseStatus ? <CaseStatusBadge status={h.caseStatus} /> : null}
                    <span className="muted">
                      {h.venueName}
                      {h.sessionTitle ? ` · ${h.sessionStartsAt ? formatDate(lang, h.sessionStartsAt) : ""} ${h.sessionTitle}` : ` · ${formatDate(lang, h.at)}`}
                    </span>
                  </div>
                  <Link to={hitLink(h)} className="bo-result__snippet">
                    {highlight(h.snippet, data.terms)}
                  </Link>
                </li>
              ))}
            </ol>
          </section>
        ) : null}
      </LoadState>
    </div>
  );
}
