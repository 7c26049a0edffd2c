import { useEffect, useState } from "react";
import { useParams } from "react-router-dom";
import type { CaseStatus, TrackSuggestionView, TrackView } from "@protocol/model.ts";
import { api } from "../../api.ts";
import { useDocumentTitle } from "../../hooks/useDocumentTitle.ts";
import { useLang, useT, type MessageKey } from "../../i18n/useT.ts";
import type { ClientError } from "../../lib/client-error.ts";
import { errorMessage } from "../../lib/error-message.ts";
import { formatDate, formatDateTime, titleBesideVenue } from "../../lib/format.ts";
import { CopyButton } from "../../components/CopyButton.tsx";
import { ReadAloudButton } from "../../components/ReadAloudButton.tsx";
import { caseReadout } from "../../lib/spoken-text.ts";
import { MessageDataActions } from "../messages/MessageDataActions.tsx";
import { RatingForm } from "./RatingForm.tsx";
import "./track.css";

const STEPS: { key: MessageKey; reached: CaseStatus[] }[] = [
  { key: "caseStatus.OPEN", reached: ["OPEN", "ASSIGNED", "IN_PROGRESS", "RESOLVED", "CLOSED"] },
  { key: "caseStatus.ASSIGNED", reached: ["ASSIGNED", "IN_PROGRESS", "RESOLVED", "CLOSED"] },
  { key: "caseStatus.IN_PROGRESS", reached: ["IN_PROGRESS", "RESOLVED", "CLOSED"] },
  { key: "caseStatus.RESOLVED", reached: ["RESOLVED", "CLOSED"] },
];

/** /track/:code — where a voter follows what became of their concern, and rates it once resolved. No personal data. */
export function TrackPage() {
  const { code = "" } = useParams();
  const t = useT();
  const lang = useLang();
  const [view, setView] = useState<TrackView | null>(null);
  const [suggestion, setSuggestion] = useState<TrackSuggestionView | null>(null);
  const [failure, setFailure] = useState<ClientError | null>(null);
  const [justRated, setJustRated] = useState(false);
  useDocumentTitle(`${t("track.title")} · ${t("app.name")}`);

  useEffect(() => {
    let cancelled = false;
    void api.track(code).then((res) => {
      if (cancelled) return;
      if (res.ok) {
        setView(res.data.case);
        setSuggestion(res.data.suggestion ?? null);
      } else setFailure(res.error);
    });
    return () => {
      cancelled = true;
    };
  }, [code]);

  if (failure) {
    return (
      <p className="page-message" role="alert">
        {failure.code === "NOT_FOUND" ? t("track.notFound") : errorMessage(t, failure)}
      </p>
    );
  }
  if (!view) {
    return (
      <p className="page-message" role="status">
        {t("common.loading")}
      </p>
    );
  }

  const describe = (h: TrackView["history"][number]): { title: string; note: string | null } => {
    if (h.type === "created") return { title: t("track.ev.created"), note: null };
    if (h.type === "status" && h.status) return { title: t(`track.ev.status.${h.status}`), note: h.note };
    if (h.type === "assigned") return { title: t("track.ev.assigned"), note: h.note };
    if (h.type === "due") return { title: t("track.ev.due"), note: h.note ? formatDate(lang, h.note) : null };
    if (h.type === "resolution") return { title: t("track.ev.resolution"), note: h.note };
    if (h.type === "progress") return { title: t("track.ev.progress"), note: h.note };
    if (h.type === "feedback") return { title: t("track.ev.feedback"), note: null };
    return { title: t("track.ev.other"), note: h.note };
  };

  return (
    <div className="track-page">
      <section className="card" aria-labelledby="track-title">
        <h1 id="track-title">{t("track.title")}</h1>
        <p className="muted">{view.source === "MESSAGE" ? t("track.intro.message") : t("track.intro")}</p>
        <p className="track-code">
          {t("track.code")}
          {t("punct.colon")}
          <strong>{view.trackingCode}</strong> <CopyButton text={view.trackingCode} label={t("track.code")} />
        </p>

        <h2 className="visually-hidden">{t("track.status.now")}</h2>
        {view.status === "REJECTED" ? (
          <p className="notice notice--warn">{t("track.rejected")}</p>
        ) : (
          <ol className="track-steps" aria-label={t("track.status.now")}>
            {STEPS.map((s, i) => {
              const reached = s.reached.includes(view.status);
              const current = i === STEPS.findLastIndex((x) => x.reached.includes(view.status));
              return (
                <li key={s.key} className={`track-step${reached ? " track-step--reached" : ""}`} aria-current={current ? "step" : undefined}>
                  <span className="track-step__dot" aria-hidden="true">
                    {reached ? "✓" : ""}
                  </span>
                  {t(s.key)}
                </li>
              );
            })}
          </ol>
        )}
        <p className={`badge badge--case-${view.status.toLowerCase()}`}>{t(`caseStatus.${view.status}`)}</p>
        <ReadAloudButton
          text={() =>
            caseReadout(t, {
              status: view.status,
              summary: view.summary,
              due: view.dueAt && (view.status === "ASSIGNED" || view.status === "IN_PROGRESS" || view.status === "OPEN") ? formatDate(lang, view.dueAt) : null,
            })
          }
        />
        {view.dueAt && (view.status === "ASSIGNED" || view.status === "IN_PROGRESS" || view.status === "OPEN") ? (
          <p>{t("track.due", { date: formatDate(lang, view.dueAt) })}</p>
        ) : null}

        <dl className="session-facts">
          <div>
            <dt>{t("case.category")}</dt>
            <dd>{view.category}</dd>
          </div>
          <div>
            <dt>{t("case.summary")}</dt>
            <dd>{view.summary}</dd>
          </div>
          <div>
            <dt>{t("session.venue")}</dt>
            <dd>
              {view.venueName}
              {view.sessionTitle ? ` · ${titleBesideVenue(view.sessionTitle, view.venueName)}` : ""}
            </dd>
          </div>
          {view.resolution ? (
            <div>
              <dt>{t("track.resolution")}</dt>
              <dd className="track-resolution">{view.resolution}</dd>
            </div>
          ) : null}
          {view.rejectReason ? (
            <div>
              <dt>{t("track.rejectReason")}</dt>
              <dd>{view.rejectReason}</dd>
            </div>
          ) : null}
        </dl>
      </section>

      {suggestion ? <SuggestionOfCase s={suggestion} /> : null}

      {view.canRate ? (
        <section className="card">
          <RatingForm
            code={view.trackingCode}
            onRated={(next) => {
              setView(next);
              setJustRated(true);
            }}
          />
        </section>
      ) : view.satisfaction ? (
        <section className="card track-rated" aria-live="polite">
          {justRated ? <p className="ok-text">{t("track.rate.thanks")}</p> : null}
          <p>
            {t("track.rate.yours")}
            {t("punct.colon")}
            <span className="track-rated__stars" aria-label={t("case.stars", { n: view.satisfaction })}>
              {"★".repeat(view.satisfaction)}
              {"☆".repeat(5 - view.satisfaction)}
            </span>
          </p>
          {view.feedbackComment ? <p className="muted">“{view.feedbackComment}”</p> : null}
        </section>
      ) : null}

      <section className="card" aria-labelledby="track-history">
        <h2 id="track-history">{t("case.history")}</h2>
        <ol className="track-history">
          {view.history.map((h, i) => {
            const d = describe(h);
            return (
              <li key={i} className="track-history__item">
                <time dateTime={h.at}>{formatDateTime(lang, h.at)}</time>
                <span className="track-history__title">{d.title}</span>
                {d.note ? <span className="track-history__note">{d.note}</span> : null}
              </li>
            );
          })}
        </ol>
        <p className="muted track-privacy">{t("track.privacy")}</p>
      </section>
      {view.source === "MESSAGE" ? (
        <section className="card">
          <MessageDataActions trackingCode={view.trackingCode} />
        </section>
      ) : null}
    </div>
  );
}

/** §6e: the deputy's suggestion this concern became, and the department's answer in words (no names). */
function SuggestionOfCase({ s }: { s: TrackSuggestionView }) {
  const t = useT();
  const lang = useLang();
  return (
    <section className="card track-suggestion" aria-labelledby="track-suggestion">
      <h2 id="track-suggestion">{t("suggestion.track.title")}</h2>
      <p className="muted">{t("suggestion.track.intro")}</p>
      <dl className="session-facts">
        <div>
          <dt>{t("suggestion.track.number")}</dt>
          <dd>
            <strong>{s.number}</strong> {s.title}
          </dd>
        </div>
        <div>
          <dt>{t("suggestion.track.status")}</dt>
          <dd>{t(`suggestion.status.${s.status}`)}</dd>
        </div>
        {s.departmentName ? (
          <div>
            <dt>{t("suggestion.track.department")}</dt>
            <dd>{s.departmentName}</dd>
          </div>
        ) : null}
        {s.answer ? (
          <div>
            <dt>{t("suggestion.track.answer")}</dt>
            <dd>
              <strong>{t(`suggestion.kind.${s.answer.kind}`)}</strong>
              <p className="track-suggestion__answer">{s.answer.text}</p>
              <p className="muted">
                {t("suggestion.track.answerAt")}
                {t("punct.colon")}
                {formatDate(lang, s.answer.at)}
              </p>
            </dd>
          </div>
        ) : s.status === "ASSIGNED" || s.status === "COUNTERSIGNING" ? (
          <p>{t("suggestion.track.waiting")}</p>
        ) : null}
      </dl>
    </section>
  );
}
