import { Link, useParams } from "react-router-dom";
import type { SuggestionDetail, SuggestionEventView } from "@protocol/suggestions.ts";
import { useDocumentTitle } from "../../hooks/useDocumentTitle.ts";
import { useLang, useT } from "../../i18n/useT.ts";
import { formatDate, formatDateTime } from "../../lib/format.ts";
import { useAuth } from "../../stores/auth.ts";
import { LoadState } from "../admin/shared/LoadState.tsx";
import { useResource } from "../admin/shared/useResource.ts";
import { countersignState, CountersignForm, CountersignPanel } from "./Countersign.tsx";
import { AnswerForm, AssignForm, ClassifyForm, EvaluateForm, ReturnForm, SubmitBox } from "./SuggestionActions.tsx";
import { suggestionApi } from "./suggestion-api.ts";
import { SupervisionBadge } from "./SupervisionBadge.tsx";
import "./suggestions.css";

/** /admin/suggestions/:id — one suggestion, its answers and history, and the step the reader may take now. */
export function SuggestionDetailPage() {
  const { suggestionId = "" } = useParams();
  const t = useT();
  const res = useResource(() => suggestionApi.one(suggestionId), suggestionId);
  const s = res.data?.suggestion;
  useDocumentTitle(s ? `${s.number} ${s.title}` : t("suggestion.title"));
  return (
    <div className="bo-page">
      <p>
        <Link to="/admin/suggestions">← {t("suggestion.back")}</Link>
      </p>
      <LoadState loading={res.loading} error={res.error} onRetry={() => void res.reload()}>
        {s ? <Detail s={s} onChanged={(next) => res.setData({ suggestion: next })} /> : null}
      </LoadState>
    </div>
  );
}

function Detail({ s, onChanged }: { s: SuggestionDetail; onChanged: (next: SuggestionDetail) => void }) {
  const t = useT();
  const lang = useLang();
  const user = useAuth((st) => st.user);
  const isLead = user?.role === "DEPUTY" && user.id === s.leadDeputyId;
  const isOffice = user?.role === "ADMIN" || user?.role === "STAFF";
  const isLeadDepartment = user?.role === "DEPARTMENT" && !!user.departmentId && user.departmentId === s.leadDepartmentId;
  const mine = user?.role === "DEPARTMENT" ? s.countersigns.find((c) => c.departmentId === user.departmentId) : undefined;
  const countersign = countersignState(t, s);
  return (
    <>
      <header className="page-head">
        <div>
          <p className="muted">
            {t("suggestion.col.number")}
            {t("punct.colon")}
            <strong>{s.number}</strong>
          </p>
          <h1>{s.title}</h1>
          <p>
            <span className="badge">{t(`suggestion.status.${s.status}`)}</span> {countersign ? <span className="badge">{countersign}</span> : null}{" "}
            {s.supervision ? <SupervisionBadge supervision={s.supervision} /> : null}
          </p>
        </div>
      </header>

      {isLead && s.status === "DRAFT" ? <SubmitBox s={s} onChanged={onChanged} /> : null}
      {isOffice && (s.status === "SUBMITTED" || s.status === "ASSIGNED") ? <AssignForm key={s.updatedAt} s={s} onChanged={onChanged} /> : null}
      {mine && !mine.decision && s.status === "COUNTERSIGNING" ? <CountersignForm key={s.updatedAt} s={s} onChanged={onChanged} /> : null}
      <CountersignPanel s={s} />
      {isLeadDepartment && s.status === "ASSIGNED" ? <AnswerForm key={s.updatedAt} s={s} onChanged={onChanged} /> : null}
      {isLeadDepartment && s.status === "ASSIGNED" && !s.secondRound && !s.draftAnswer ? <ReturnForm s={s} onChanged={onChanged} /> : null}
      {isLead && s.status === "ANSWERED" ? <EvaluateForm s={s} onChanged={onChanged} /> : null}
      {isOffice && (s.status === "ANSWERED" || s.status === "EVALUATED") ? <ClassifyForm key={s.updatedAt} s={s} onChanged={onChanged} /> : null}

      <section className="card">
        <dl className="session-facts">
          <div>
            <dt>{t("suggestion.field.category")}</dt>
            <dd>{s.category}</dd>
          </div>
          <div>
            <dt>{t("suggestion.detail.lead")}</dt>
            <dd>{s.leadDeputyName}</dd>
          </div>
          {s.coSignerNames.length ? (
            <div>
              <dt>{t("suggestion.detail.coSigners")}</dt>
              <dd>{s.coSignerNames.join("、")}</dd>
            </div>
          ) : null}
          <div>
            <dt>{t("suggestion.detail.leadDept")}</dt>
            <dd>{s.leadDepartmentName ?? t("suggestion.detail.notAssigned")}</dd>
          </div>
          {s.coDepartmentNames.length ? (
            <div>
              <dt>{t("suggestion.detail.coDept")}</dt>
              <dd>{s.coDepartmentNames.join("、")}</dd>
            </div>
          ) : null}
          <div>
            <dt>{t("suggestion.col.due")}</dt>
            <dd>{s.dueAt ? formatDate(lang, s.dueAt) : "—"}</dd>
          </div>
          {s.secondRound ? (
            <div>
              <dt>{t("suggestion.detail.round")}</dt>
              <dd>{t("suggestion.detail.secondRound")}</dd>
            </div>
          ) : null}
        </dl>
        <h2 className="suggestion-section">{t("suggestion.field.body")}</h2>
        <p className="suggestion-body">{s.body}</p>
        {s.cases.length ? (
          <>
            <h2 className="suggestion-section">{t("suggestion.detail.cases", { n: s.cases.length })}</h2>
            <ul>
              {s.cases.map((c) => (
                <li key={c.id}>
                  {user?.role === "DEPARTMENT" ? null : <Link to={`/admin/cases/${c.id}`}>{c.trackingCode}</Link>} {t("punct.bracket", { text: c.category })}
                  {c.summary} <span className="muted">· {c.venueName}</span>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      {s.answers.length ? (
        <section className="card" aria-labelledby="sugg-answers">
          <h2 id="sugg-answers">{t("suggestion.detail.answers")}</h2>
          <p>
            <Link to={`/admin/suggestions/${encodeURIComponent(s.id)}/letter`}>{t("suggestion.letter.open")}</Link>
          </p>
          {s.answers.map((a) => (
            <article key={a.id}>
              <p>
                <strong>{t(`suggestion.kind.${a.kind}`)}</strong>
                {a.round > 1 ? ` · ${t("suggestion.detail.secondRound")}` : ""}
                <span className="muted">
                  {" "}
                  · {a.departmentName} · {formatDate(lang, a.at)}
                </span>
              </p>
              <p className="suggestion-answer">{a.text}</p>
            </article>
          ))}
          {s.evaluations.map((e) => (
            <p key={e.at}>
              {t("suggestion.detail.evaluation")}
              {t("punct.colon")}
              <strong>{t(`suggestion.result.${e.result}`)}</strong>
              {e.comment ? `（${e.comment}）` : ""}
            </p>
          ))}
        </section>
      ) : null}

      <section className="card" aria-labelledby="sugg-history">
        <h2 id="sugg-history">{t("suggestion.detail.history")}</h2>
        <ol className="suggestion-history">
          {s.history.map((h) => (
            <li key={h.id}>
              <time dateTime={h.at}>{formatDateTime(lang, h.at)}</time>
              <span>
                <strong>{eventTitle(t, h)}</strong>
                {h.actorName ? <span className="muted"> · {h.actorName}</span> : null}
                {h.note ? <span className="suggestion-history__note">{eventNote(t, lang, h)}</span> : null}
              </span>
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}

function eventTitle(t: ReturnType<typeof useT>, h: SuggestionEventView): string {
  if (h.type === "status" && h.toStatus === "SUBMITTED") return t("suggestion.ev.submitted");
  if (h.type === "status" && h.toStatus === "ASSIGNED") return t("suggestion.ev.assigned");
  if (h.type === "created" || h.type === "edited" || h.type === "reassigned" || h.type === "answered" || h.type === "evaluated" || h.type === "reopened" || h.type === "returned" || h.type === "reclassified" || h.type === "countersignRequested" || h.type === "countersigned" || h.type === "countersignReturned") {
    return t(`suggestion.ev.${h.type}`);
  }
  return h.type;
}

/** The office's assignment note carries the deadline as an ISO time: shown as a date. */
function eventNote(t: ReturnType<typeof useT>, lang: ReturnType<typeof useLang>, h: SuggestionEventView): string {
  const note = h.note ?? "";
  if (h.type === "answered" && (note === "A" || note === "B" || note === "C")) return t(`suggestion.kind.${note}`);
  // 会签 requested: "B；会签：区交通运输局、区水务局" — the class in words.
  const kind = h.type === "countersignRequested" ? /^([ABC])；/.exec(note)?.[1] : undefined;
  if (kind === "A" || kind === "B" || kind === "C") return `${t(`suggestion.kind.${kind}`)}${note.slice(1)}`;
  return note.replace(/\d{4}-\d{2}-\d{2}T[\d:.]+Z/g, (iso) => formatDate(lang, iso));
}
