import { useEffect, useMemo } from "react";
import { Link, useLocation, useParams } from "react-router-dom";
import type { TicketView, TranscriptEntryView } from "@protocol/model.ts";
import { resolveAmendments } from "@domain/transcript-timeline.ts";
import { ChannelBadge } from "../../../components/ChannelBadge.tsx";
import { SessionStatusBadge } from "../../../components/SessionStatusBadge.tsx";
import { useDocumentTitle } from "../../../hooks/useDocumentTitle.ts";
import { useLang, useT } from "../../../i18n/useT.ts";
import { formatDateTime, formatTime } from "../../../lib/format.ts";
import { boApi } from "../api.ts";
import { minutes, secondsBetween } from "../format.ts";
import { LoadState } from "../shared/LoadState.tsx";
import { useResource } from "../shared/useResource.ts";
import { RecordAgendaSections } from "../../forum/RecordAgendaSections.tsx";

/** /admin/records/:sessionId — one reception day: transcript, tickets, cases, audit trail, exports. */
export function RecordPage() {
  const { sessionId = "" } = useParams();
  const t = useT();
  const lang = useLang();
  const record = useResource(() => boApi.record(sessionId), sessionId);
  const audit = useResource(() => boApi.audit(sessionId), sessionId);
  const r = record.data;
  useDocumentTitle(r ? `${r.session.venueName} ${r.session.title}` : t("admin.records.title"));
  const { hash } = useLocation();
  // A search hit links to #entry-… or #ticket-…: bring it into view once the record is there.
  useEffect(() => {
    if (!r || !hash) return;
    const el = document.getElementById(decodeURIComponent(hash.slice(1)));
    if (!el) return;
    el.classList.add("bo-target");
    el.scrollIntoView({ block: "center" });
  }, [r, hash]);

  const labelOf = useMemo(() => new Map((r?.tickets ?? []).map((tk) => [tk.id, tk.label])), [r]);
  const caseOf = useMemo(() => new Map((r?.cases ?? []).map((c) => [c.trackingCode, c])), [r]);
  const timeline = useMemo(() => resolveAmendments(r?.transcript ?? []), [r]);
  const heard = (r?.tickets ?? []).filter((tk) => tk.status === "DONE");
  // A forum's record is read by agenda item first (the minutes' order); a reception has none.
  const agenda = r?.agenda ?? r?.session.agenda ?? [];
  const missed = (r?.tickets ?? []).filter((tk) => tk.status === "NO_SHOW" || tk.status === "LEFT").length;

  return (
    <div className="bo-page">
      <p>
        <Link to="/admin/records">{t("admin.record.back")}</Link>
      </p>
      <LoadState loading={record.loading} error={record.error} onRetry={() => void record.reload()}>
        {r ? (
          <>
            <header className="page-head">
              <div>
                <p className="page-head__kicker">
                  {r.session.venueName} · {r.session.town}
                </p>
                <h1>{r.session.title}</h1>
                <p className="page-head__meta">
                  <SessionStatusBadge status={r.session.status} />
                  <span>
                    {formatDateTime(lang, r.session.startsAt)}–{formatTime(lang, r.session.endsAt)}
                  </span>
                  {r.session.theme ? (
                    <span>
                      {t("session.theme")}{t("punct.colon")}{r.session.theme}
                    </span>
                  ) : null}
                  {r.session.deputies.length ? (
                    <span>
                      {t(r.session.kind === "FORUM" ? "forum.session.deputies" : "session.deputies")}{t("punct.colon")}{r.session.deputies.join(t("list.separator"))}
                    </span>
                  ) : null}
                </p>
                <p>
                  {t("admin.record.heard", {
                    n: heard.length,
                    online: heard.filter((x) => x.channel === "ONLINE").length,
                    inPerson: heard.filter((x) => x.channel === "IN_PERSON").length,
                    missed,
                  })}
                </p>
              </div>
              <nav className="bo-exports" aria-label={t("admin.record.exports")}>
                <a className="button button--primary" href={boApi.minutesUrl(sessionId)} target="_blank" rel="noopener">
                  {t("admin.record.minutes")}
                </a>
                <a className="button" href={boApi.recordCsvUrl(sessionId, "tickets")} download>
                  {t("admin.record.csvTickets")}
                </a>
                <a className="button" href={boApi.recordCsvUrl(sessionId, "transcript")} download>
                  {t("admin.record.csvTranscript")}
                </a>
                <a className="button" href={boApi.recordCsvUrl(sessionId, "events")} download>
                  {t("admin.record.csvEvents")}
                </a>
                {agenda.length ? (
                  <a className="button" href={boApi.recordCsvUrl(sessionId, "agenda")} download>
                    {t("forum.record.csvAgenda")}
                  </a>
                ) : null}
              </nav>
            </header>

            {agenda.length ? <RecordAgendaSections agenda={agenda} tickets={r.tickets} transcript={r.transcript} cases={r.cases} /> : null}

            <section className="card" aria-labelledby="record-transcript">
              <h2 id="record-transcript">{t("admin.record.transcript")}</h2>
              {timeline.length === 0 ? <p className="muted">{t("admin.record.noTranscript")}</p> : null}
              <ol className="bo-timeline">
                {timeline.map((e) => (
                  <TranscriptItem key={e.id} entry={e} corrections={e.corrections} label={e.ticketId ? labelOf.get(e.ticketId) : undefined} />
                ))}
              </ol>
            </section>

            <section className="card" aria-labelledby="record-tickets">
              <h2 id="record-tickets">{t("admin.record.tickets")}</h2>
              {r.tickets.length === 0 ? (
                <p className="muted">{t("admin.record.noTickets")}</p>
              ) : (
                <div className="table-scroll">
                  <table className="bo-table">
                    <thead>
                      <tr>
                        <th scope="col">{t("admin.record.col.label")}</th>
                        <th scope="col">{t("common.name")}</th>
                        <th scope="col">{t("admin.record.col.topic")}</th>
                        <th scope="col">{t("admin.record.col.joined")}</th>
                        <th scope="col" className="num">
                          {t("admin.record.col.wait")}
                        </th>
                        <th scope="col" className="num">
                          {t("admin.record.col.speak")}
                        </th>
                        <th scope="col">{t("admin.record.col.outcome")}</th>
                        <th scope="col">{t("admin.record.col.case")}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {r.tickets.map((tk) => (
                        <TicketRow key={tk.id} ticket={tk} caseId={tk.trackingCode ? caseOf.get(tk.trackingCode)?.id : undefined} />
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            </section>

            <section className="card" aria-labelledby="record-cases">
              <h2 id="record-cases">{t("admin.record.cases")}</h2>
              {r.cases.length === 0 ? <p className="muted">{t("admin.record.noCases")}</p> : null}
              <ul className="plain-list">
                {r.cases.map((c) => (
                  <li key={c.id}>
                    <Link to={`/admin/cases/${c.id}`}>
                      <strong>{c.trackingCode}</strong> {t("punct.bracket", { text: c.category })}{c.summary}
                    </Link>{" "}
                    <span className={`badge badge--case-${c.status.toLowerCase()}`}>{t(`caseStatus.${c.status}`)}</span>
                  </li>
                ))}
              </ul>
            </section>

            <section className="card" aria-labelledby="record-audit">
              <h2 id="record-audit">{t("admin.record.audit")}</h2>
              <LoadState loading={audit.loading} error={audit.error} onRetry={() => void audit.reload()}>
                <details>
                  <summary>
                    {t("admin.record.audit")}{t("punct.paren", { text: audit.data?.events.length ?? 0 })}
                  </summary>
                  <div className="table-scroll">
                    <table className="bo-table bo-table--dense">
                      <thead>
                        <tr>
                          <th scope="col" className="num">
                            {t("admin.record.col.seq")}
                          </th>
                          <th scope="col">{t("admin.record.col.time")}</th>
                          <th scope="col">{t("admin.record.col.event")}</th>
                          <th scope="col">{t("admin.record.col.actor")}</th>
                          <th scope="col">{t("admin.record.col.detail")}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {(audit.data?.events ?? []).map((e) => (
                          <tr key={e.seq}>
                            <td className="num">{e.seq}</td>
                            <td>{formatTime(lang, e.at)}</td>
                            <td>
                              <code>{e.type}</code>
                            </td>
                            <td>{e.actorName ?? "—"}</td>
                            <td>{e.summary}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                </details>
              </LoadState>
            </section>
          </>
        ) : null}
      </LoadState>
    </div>
  );
}

function TranscriptItem({ entry, corrections, label }: { entry: TranscriptEntryView; corrections: TranscriptEntryView[]; label: string | undefined }) {
  const t = useT();
  const lang = useLang();
  const staffOnly = entry.visibility === "STAFF";
  return (
    <li className={`bo-timeline__item bo-timeline__item--${entry.kind.toLowerCase()}${staffOnly ? " bo-timeline__item--staff" : ""}`} id={`entry-${entry.id}`}>
      <div className="bo-timeline__head">
        <time dateTime={entry.createdAt}>{formatTime(lang, entry.createdAt)}</time>
        <span className="badge">{t(`transcriptKind.${entry.kind}`)}</span>
        <span className="bo-timeline__who">
          {t(`speakerRole.${entry.speakerRole}`)}
          {entry.speakerName ? ` · ${entry.speakerName}` : ""}
          {label && !entry.speakerName?.startsWith(label) ? ` · ${label}` : ""}
        </span>
        {staffOnly ? <span className="badge badge--staff">{t("transcript.staffOnly")}</span> : null}
        {corrections.length ? <span className="badge badge--amended">{t("admin.record.amended")}</span> : null}
      </div>
      {corrections.length ? (
        <div className="bo-amend">
          <p className="bo-amend__original">
            <span className="visually-hidden">{t("admin.record.original")}{t("punct.colon")}</span>
            <del>{entry.text}</del>
          </p>
          {corrections.map((c) => (
            <p key={c.id} className="bo-amend__correction" id={`entry-${c.id}`}>
              <span className="bo-amend__when">{t("admin.record.correction", { time: formatTime(lang, c.createdAt) })}</span>
              <ins>{c.text}</ins>
            </p>
          ))}
        </div>
      ) : (
        <p className="bo-timeline__text">{entry.text}</p>
      )}
    </li>
  );
}

function TicketRow({ ticket: tk, caseId }: { ticket: TicketView; caseId: string | undefined }) {
  const t = useT();
  const lang = useLang();
  return (
    <tr id={`ticket-${tk.id}`}>
      <th scope="row">
        {tk.label} <ChannelBadge channel={tk.channel} />
      </th>
      <td>
        {tk.name}
        {tk.priority ? <span className="badge badge--priority"> ★</span> : null}
      </td>
      <td>
        {tk.topic}
        {tk.question ? <div className="muted bo-clamp">{tk.question}</div> : null}
      </td>
      <td>{formatTime(lang, tk.joinedAt)}</td>
      <td className="num">{minutes(secondsBetween(tk.joinedAt, tk.calledAt))}</td>
      <td className="num">{minutes(secondsBetween(tk.startedAt, tk.finishedAt))}</td>
      <td>
        {t(`ticketStatus.${tk.status}`)}
        {tk.summary ? <div className="muted">{tk.summary}</div> : null}
      </td>
      <td>{tk.trackingCode && caseId ? <Link to={`/admin/cases/${caseId}`}>{tk.trackingCode}</Link> : (tk.trackingCode ?? "—")}</td>
    </tr>
  );
}
