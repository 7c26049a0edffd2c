/** The step a reader may take on a suggestion now: submit, assign, answer, evaluate (docs/ARCHITECTURE.md §6e). */
import { useState, type FormEvent } from "react";
import { cnInstant } from "@domain/cn-calendar.ts";
import type { AnswerKind, EvaluationResult, SuggestionDetail } from "@protocol/suggestions.ts";
import { ANSWER_KINDS, EVALUATION_RESULTS, SUGGESTION_LIMITS } from "@protocol/suggestions.ts";
import { FormField } from "../../components/FormField.tsx";
import { useAction } from "../../hooks/useAction.ts";
import { useT } from "../../i18n/useT.ts";
import { isoDate } from "../../lib/format.ts";
import { FormError } from "../admin/shared/LoadState.tsx";
import { useResource } from "../admin/shared/useResource.ts";
import { suggestionApi } from "./suggestion-api.ts";

type Changed = { s: SuggestionDetail; onChanged: (next: SuggestionDetail) => void };

export function SubmitBox({ s, onChanged }: Changed) {
  const t = useT();
  const action = useAction();
  return (
    <section className="card" aria-labelledby="sugg-submit">
      <h2 id="sugg-submit">{t("suggestion.draft.isDraft")}</h2>
      <p>{t("suggestion.draft.submitHint")}</p>
      <FormError error={action.error} />
      <button
        type="button"
        className="button button--primary"
        disabled={action.busy}
        onClick={async () => {
          const res = await action.run(() => suggestionApi.submit(s.id));
          if (res.ok) onChanged(res.data.suggestion);
        }}
      >
        {t("suggestion.draft.submit")}
      </button>
    </section>
  );
}

/** The office: a lead department, helpers, and the deadline (three months on by default). */
export function AssignForm({ s, onChanged }: Changed) {
  const t = useT();
  const departments = useResource(suggestionApi.departments, "departments");
  const [lead, setLead] = useState(s.leadDepartmentId ?? "");
  const [co, setCo] = useState<string[]>(s.coDepartmentIds);
  const [due, setDue] = useState(() => (s.dueAt ? s.dueAt.slice(0, 10) : isoDate(new Date(Date.now() + 90 * 24 * 3600_000))));
  const action = useAction();
  const details = action.error?.details ?? {};
  const list = departments.data?.departments ?? [];

  async function submit(e: FormEvent) {
    e.preventDefault();
    // The deadline is the end of the chosen day, China time.
    const dueAt = due ? cnInstant(due, "23:59:59").toISOString() : "";
    const res = await action.run(() => suggestionApi.assign(s.id, { leadDepartmentId: lead, coDepartmentIds: co.filter((d) => d !== lead), dueAt }));
    if (res.ok) onChanged(res.data.suggestion);
  }

  return (
    <form className="card form" aria-labelledby="sugg-assign" onSubmit={(e) => void submit(e)}>
      <h2 id="sugg-assign">{s.status === "ASSIGNED" ? t("suggestion.assign.reassign") : t("suggestion.assign.title")}</h2>
      <FormField label={t("suggestion.assign.lead")} error={details.leadDepartmentId} required>
        {(p) => (
          <select {...p} value={lead} onChange={(e) => setLead(e.target.value)}>
            <option value="">{t("suggestion.assign.choose")}</option>
            {list.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <fieldset className="suggestion-choices">
        <legend>{t("suggestion.assign.co")}</legend>
        {list
          .filter((d) => d.id !== lead)
          .map((d) => (
            <label key={d.id}>
              <input type="checkbox" checked={co.includes(d.id)} onChange={(e) => setCo((c) => (e.target.checked ? [...c, d.id] : c.filter((x) => x !== d.id)))} />
              {d.name}
            </label>
          ))}
      </fieldset>
      <FormField label={t("suggestion.assign.due")} hint={t("suggestion.assign.dueHint")} error={details.dueAt} required>
        {(p) => <input {...p} type="date" value={due} onChange={(e) => setDue(e.target.value)} />}
      </FormField>
      <FormError error={action.error} />
      <button type="submit" className="button button--primary" disabled={action.busy || !lead}>
        {s.status === "ASSIGNED" ? t("suggestion.assign.reassign") : t("suggestion.assign.submit")}
      </button>
    </form>
  );
}

/** The lead department's written answer, with its class A/B/C. */
export function AnswerForm({ s, onChanged }: Changed) {
  const t = useT();
  // A draft a helper returned (会签) is the starting point of the revision.
  const [kind, setKind] = useState<AnswerKind | "">(s.draftAnswer?.kind ?? "");
  const [text, setText] = useState(s.draftAnswer?.text ?? "");
  const action = useAction();
  const details = action.error?.details ?? {};
  return (
    <form
      className="card form"
      aria-labelledby="sugg-answer"
      onSubmit={async (e) => {
        e.preventDefault();
        if (!kind) return;
        const res = await action.run(() => suggestionApi.answer(s.id, { kind, text: text.trim() }));
        if (res.ok) onChanged(res.data.suggestion);
      }}
    >
      <h2 id="sugg-answer">{s.secondRound ? t("suggestion.answer.titleAgain") : t("suggestion.answer.title")}</h2>
      {s.draftAnswer ? <p className="field__error">{t("suggestion.cs.revise")}</p> : null}
      <fieldset className="suggestion-choices">
        <legend>{t("suggestion.answer.kind")}</legend>
        {ANSWER_KINDS.map((k) => (
          <label key={k}>
            <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} required />
            {t(`suggestion.kind.${k}`)}
          </label>
        ))}
        {details.kind ? <p className="field__error">{details.kind}</p> : null}
      </fieldset>
      <FormField label={t("suggestion.answer.text")} hint={t("suggestion.answer.textHint")} error={details.text} required>
        {(p) => <textarea {...p} rows={8} value={text} maxLength={SUGGESTION_LIMITS.answer} onChange={(e) => setText(e.target.value)} />}
      </FormField>
      <FormError error={action.error} />
      <button type="submit" className="button button--primary" disabled={action.busy || !kind || !text.trim()}>
        {s.coDepartmentIds.length ? t("suggestion.answer.submitCountersign") : t("suggestion.answer.submit")}
      </button>
    </form>
  );
}

/** The lead deputy's evaluation; the first 不满意 sends it back once. */
export function EvaluateForm({ s, onChanged }: Changed) {
  const t = useT();
  const [result, setResult] = useState<EvaluationResult | "">("");
  const [comment, setComment] = useState("");
  const action = useAction();
  return (
    <form
      className="card form"
      aria-labelledby="sugg-evaluate"
      onSubmit={async (e) => {
        e.preventDefault();
        if (!result) return;
        const res = await action.run(() => suggestionApi.evaluate(s.id, { result, ...(comment.trim() ? { comment: comment.trim() } : {}) }));
        if (res.ok) onChanged(res.data.suggestion);
      }}
    >
      <h2 id="sugg-evaluate">{t("suggestion.evaluate.title")}</h2>
      <fieldset className="suggestion-choices">
        <legend>{t("suggestion.evaluate.result")}</legend>
        {EVALUATION_RESULTS.map((r) => (
          <label key={r}>
            <input type="radio" name="result" value={r} checked={result === r} onChange={() => setResult(r)} required />
            {t(`suggestion.result.${r}`)}
          </label>
        ))}
      </fieldset>
      <p className="muted">{s.secondRound ? t("suggestion.evaluate.lastRound") : t("suggestion.evaluate.hint")}</p>
      <FormField label={t("suggestion.evaluate.comment")}>
        {(p) => <textarea {...p} rows={3} value={comment} maxLength={SUGGESTION_LIMITS.comment} onChange={(e) => setComment(e.target.value)} />}
      </FormField>
      <FormError error={action.error} />
      <button type="submit" className="button button--primary" disabled={action.busy || !result}>
        {t("suggestion.evaluate.submit")}
      </button>
    </form>
  );
}

/** 退办: the lead department gives back what is not its responsibility (within 7 working days of assignment). */
export function ReturnForm({ s, onChanged }: Changed) {
  const t = useT();
  const [reason, setReason] = useState("");
  const action = useAction();
  const details = action.error?.details ?? {};
  return (
    <details className="card">
      <summary>{t("suggestion.return.title")}</summary>
      <form
        className="form"
        aria-label={t("suggestion.return.title")}
        onSubmit={async (e) => {
          e.preventDefault();
          const res = await action.run(() => suggestionApi.returnToOffice(s.id, reason.trim()));
          if (res.ok) onChanged(res.data.suggestion);
        }}
      >
        <p className="muted">{t("suggestion.return.hint")}</p>
        <FormField label={t("suggestion.return.reason")} error={details.reason} required>
          {(p) => <textarea {...p} rows={3} value={reason} maxLength={SUGGESTION_LIMITS.comment} onChange={(e) => setReason(e.target.value)} />}
        </FormField>
        <FormError error={action.error} />
        <button type="submit" className="button" disabled={action.busy || !reason.trim()}>
          {t("suggestion.return.submit")}
        </button>
      </form>
    </details>
  );
}

/** The office reviews the department's A/B/C class and adjusts it, with a reason. */
export function ClassifyForm({ s, onChanged }: Changed) {
  const t = useT();
  const current = s.answers.at(-1)?.kind ?? "A";
  const [kind, setKind] = useState<AnswerKind>(current);
  const [reason, setReason] = useState("");
  const action = useAction();
  const details = action.error?.details ?? {};
  return (
    <details className="card">
      <summary>{t("suggestion.classify.title")}</summary>
      <form
        className="form"
        aria-label={t("suggestion.classify.title")}
        onSubmit={async (e) => {
          e.preventDefault();
          const res = await action.run(() => suggestionApi.classify(s.id, { kind, reason: reason.trim() }));
          if (res.ok) onChanged(res.data.suggestion);
        }}
      >
        <fieldset className="suggestion-choices">
          <legend>{t("suggestion.answer.kind")}</legend>
          {ANSWER_KINDS.map((k) => (
            <label key={k}>
              <input type="radio" name="classify-kind" value={k} checked={kind === k} onChange={() => setKind(k)} />
              {t(`suggestion.kind.${k}`)}
            </label>
          ))}
        </fieldset>
        <FormField label={t("suggestion.classify.reason")} error={details.reason} required>
          {(p) => <textarea {...p} rows={2} value={reason} maxLength={SUGGESTION_LIMITS.comment} onChange={(e) => setReason(e.target.value)} />}
        </FormField>
        <FormError error={action.error} />
        <button type="submit" className="button" disabled={action.busy || kind === current || !reason.trim()}>
          {t("suggestion.classify.submit")}
        </button>
      </form>
    </details>
  );
}
