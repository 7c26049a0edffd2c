import { MaskedPhone } from "../../privacy/MaskedPhone.tsx";
import { privacyApi } from "../../privacy/privacy-api.ts";
import { useState, type FormEvent } from "react";
import { Link, useParams } from "react-router-dom";
import type { CaseEventView } from "@protocol/back-office.ts";
import { ChannelBadge } from "../../../components/ChannelBadge.tsx";
import { useDocumentTitle } from "../../../hooks/useDocumentTitle.ts";
import { useLang, useT, type MessageKey } from "../../../i18n/useT.ts";
import type { ClientError } from "../../../lib/client-error.ts";
import { formatDate, formatDateTime } from "../../../lib/format.ts";
import { useAuth } from "../../../stores/auth.ts";
import { boApi } from "../api.ts";
import { FormError, LoadState } from "../shared/LoadState.tsx";
import { useResource } from "../shared/useResource.ts";
import { CaseActions } from "./CaseActions.tsx";
import { CaseStatusBadge } from "./CaseStatusBadge.tsx";

/** /admin/cases/:caseId — one case: who raised it, what was done, what to do next, internal notes. */
export function CaseDetailPage() {
  const { caseId = "" } = useParams();
  const t = useT();
  const lang = useLang();
  const role = useAuth((s) => s.user?.role);
  const res = useResource(() => boApi.case(caseId), caseId);
  const d = res.data;
  useDocumentTitle(d ? `${d.case.trackingCode} · ${t("admin.cases.title")}` : t("admin.cases.title"));
  const [note, setNote] = useState("");
  const [noteError, setNoteError] = useState<ClientError | null>(null);

  async function addNote(e: FormEvent) {
    e.preventDefault();
    const r = await boApi.addNote(caseId, note.trim());
    if (!r.ok) return setNoteError(r.error);
    setNote("");
    setNoteError(null);
    void res.reload();
  }

  return (
    <div className="bo-page">
      <p>
        <Link to="/admin/cases">{t("admin.case.back")}</Link>
      </p>
      <LoadState loading={res.loading} error={res.error} onRetry={() => void res.reload()}>
        {d ? (
          <div className="bo-case">
            <header className="page-head">
              <div>
                <p className="page-head__kicker">
                  {d.case.venueName} · {d.case.category}
                </p>
                <h1>
                  {d.case.trackingCode} <CaseStatusBadge status={d.case.status} />
                  {d.case.overdue ? <span className="badge badge--overdue">{t("admin.cases.overdue")}</span> : null}
                </h1>
                <p className="bo-case__summary">{d.case.summary}</p>
              </div>
              <a className="button button--quiet" href={`/track/${d.case.trackingCode}`} target="_blank" rel="noopener">
                {t("admin.case.trackPage")}
              </a>
            </header>

            <div className="bo-case__grid">
              <section className="card" aria-labelledby="case-facts">
                <h2 id="case-facts" className="visually-hidden">
                  {t("admin.case.source")}
                </h2>
                <dl className="bo-facts">
                  <dt>{t("admin.case.source")}</dt>
                  <dd>
                    {d.case.source === "MESSAGE" ? (
                      <>
                        {t("caseSource.MESSAGE")}
                        {d.message?.deputyName ? ` · ${t("message.staff.toDeputy", { name: d.message.deputyName })}` : ""}
                      </>
                    ) : d.case.sessionId ? (
                      <Link to={`/admin/records/${d.case.sessionId}`}>
                        {d.case.sessionStartsAt ? formatDate(lang, d.case.sessionStartsAt) : ""} {d.case.sessionTitle}
                      </Link>
                    ) : (
                      t("admin.case.byHand")
                    )}
                  </dd>
                  {d.voter ? (
                    <>
                      <dt>{t("admin.case.voter")}</dt>
                      <dd>
                        {d.voter.label} {d.voter.name} <ChannelBadge channel={d.voter.channel} />
                        <div className="muted">
                          {d.voter.topic}
                          {d.voter.question ? `${t("punct.colon")}${d.voter.question}` : ""}
                        </div>
                      </dd>
                      <dt>{t("admin.case.phone")}</dt>
                      <dd>
                        <MaskedPhone key={d.case.id} masked={d.voter.phone} reveal={() => privacyApi.caseContact(d.case.id)} />
                      </dd>
                    </>
                  ) : null}
                  {d.message ? (
                    <>
                      <dt>{t("admin.case.voter")}</dt>
                      <dd>
                        {d.message.name}{" "}
                        <span className="badge">{d.message.isPublic ? t("message.staff.public") : t("message.staff.private")}</span>
                      </dd>
                      <dt>{t("admin.case.phone")}</dt>
                      <dd>
                        <MaskedPhone key={d.case.id} masked={d.message.phone} reveal={() => privacyApi.caseContact(d.case.id)} />
                      </dd>
                      <dt>{t("message.staff.text")}</dt>
                      <dd className="bo-message-text" data-testid="message-text">
                        <strong>{d.message.topic}</strong>
                        <p>{d.message.text}</p>
                      </dd>
                    </>
                  ) : null}
                  <dt>{t("admin.case.assignee")}</dt>
                  <dd>{d.case.assignee ?? "—"}</dd>
                  <dt>{t("admin.case.dueAt")}</dt>
                  <dd className={d.case.overdue ? "is-overdue" : ""}>
                    {formatDate(lang, d.case.effectiveDueAt)}
                    {d.case.dueAt ? "" : <span className="muted">{t("admin.case.defaultDue")}</span>}
                  </dd>
                  {d.case.resolution ? (
                    <>
                      <dt>{t("admin.case.resolution")}</dt>
                      <dd>{d.case.resolution}</dd>
                    </>
                  ) : null}
                  {d.case.rejectReason ? (
                    <>
                      <dt>{t("admin.case.rejectReason")}</dt>
                      <dd>{d.case.rejectReason}</dd>
                    </>
                  ) : null}
                  <dt>{t("admin.case.satisfaction")}</dt>
                  <dd>
                    {d.case.satisfaction ? (
                      <>
                        <span aria-label={t("case.stars", { n: d.case.satisfaction })}>{"★".repeat(d.case.satisfaction) + "☆".repeat(5 - d.case.satisfaction)}</span>
                        {d.case.feedbackComment ? <div>“{d.case.feedbackComment}”</div> : null}
                      </>
                    ) : (
                      t("admin.case.notRated")
                    )}
                  </dd>
                </dl>
              </section>

              <section className="card" aria-labelledby="case-act">
                <h2 id="case-act">{t("admin.case.act")}</h2>
                {role === "DEPUTY" ? (
                  <p>
                    <Link className="button button--primary" to={`/admin/suggestions/new?caseId=${encodeURIComponent(d.case.id)}`}>
                      {t("suggestion.fromCase")}
                    </Link>
                  </p>
                ) : (
                  <CaseActions key={d.case.updatedAt} detail={d} onChanged={(next) => res.setData(next)} />
                )}
                <form className="form bo-note-form" onSubmit={(e) => void addNote(e)}>
                  <label className="field__label" htmlFor="case-note">
                    {t("admin.case.noteLabel")}
                  </label>
                  <textarea id="case-note" rows={2} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
                  <FormError error={noteError} />
                  <button type="submit" className="button" disabled={!note.trim()}>
                    {t("admin.case.addNote")}
                  </button>
                </form>
              </section>
            </div>

            <section className="card" aria-labelledby="case-history">
              <h2 id="case-history">{t("case.history")}</h2>
              <ol className="bo-history">
                {d.history.map((e) => (
                  <HistoryItem key={e.id} e={e} statusLabel={(s) => t(`caseStatus.${s}` as MessageKey)} />
                ))}
              </ol>
            </section>
          </div>
        ) : null}
      </LoadState>
    </div>
  );
}

function HistoryItem({ e, statusLabel }: { e: CaseEventView; statusLabel: (s: string) => string }) {
  const t = useT();
  const lang = useLang();
  const key = `admin.case.event.${e.type}` as MessageKey;
  const label = t(key) === key ? e.type : t(key);
  const note = e.type === "due" && e.note ? formatDate(lang, e.note) : e.note;
  return (
    <li className={`bo-history__item${e.internal ? " bo-history__item--internal" : ""}`}>
      <time dateTime={e.at}>{formatDateTime(lang, e.at)}</time>
      <span className="bo-history__what">
        <strong>{label}</strong>
        {e.toStatus ? ` ${e.fromStatus ? `${statusLabel(e.fromStatus)} → ` : ""}${statusLabel(e.toStatus)}` : ""}
        {e.internal ? <span className="badge badge--staff">{t("admin.case.internal")}</span> : null}
      </span>
      {note ? <span className="bo-history__note">{note}</span> : null}
      {e.actorName ? <span className="muted bo-history__actor">{e.actorName}</span> : null}
    </li>
  );
}
