/**
 * 会签 (docs/ARCHITECTURE.md §6e): the lead department's draft answer and each
 * helper department's countersign of it, and a helper's own countersign —
 * agree (with a note if it wishes) or return it to the lead with a reason.
 */
import { useState } from "react";
import type { SuggestionDetail, SuggestionView } from "@protocol/suggestions.ts";
import { SUGGESTION_LIMITS } from "@protocol/suggestions.ts";
import { FormField } from "../../components/FormField.tsx";
import { useAction } from "../../hooks/useAction.ts";
import { useLang, useT } from "../../i18n/useT.ts";
import { formatDate } from "../../lib/format.ts";
import { FormError } from "../admin/shared/LoadState.tsx";
import { suggestionApi } from "./suggestion-api.ts";

type T = ReturnType<typeof useT>;

/** 会签中（2/3 已会签）, or that a helper returned the draft; null when no countersign is under way. */
export function countersignState(t: T, s: SuggestionView): string | null {
  // A deputy is not shown the countersigns (§6e): the status alone says it.
  if (!s.countersigns.length) return null;
  if (s.status === "COUNTERSIGNING") {
    return t("suggestion.cs.progress", { agreed: s.countersigns.filter((c) => c.decision === "AGREED").length, total: s.countersigns.length });
  }
  if (s.status === "ASSIGNED" && s.draftAnswer && s.countersigns.some((c) => c.decision === "RETURNED")) return t("suggestion.cs.returnedBadge");
  return null;
}

/** The draft and who has countersigned it, for the departments and the office. */
export function CountersignPanel({ s }: { s: SuggestionDetail }) {
  const t = useT();
  const lang = useLang();
  if (!s.draftAnswer) return null;
  const state = countersignState(t, s);
  return (
    <section className="card" aria-labelledby="sugg-countersign">
      <h2 id="sugg-countersign">
        {t("suggestion.cs.title")}
        {state ? <span className="badge countersign-state">{state}</span> : null}
      </h2>
      <p className="muted">{t("suggestion.cs.intro")}</p>
      <h3>{t("suggestion.cs.draft")}</h3>
      <p>
        <strong>{t(`suggestion.kind.${s.draftAnswer.kind}`)}</strong>
        <span className="muted">
          {" "}
          · {s.leadDepartmentName} · {formatDate(lang, s.draftAnswer.at)}
        </span>
      </p>
      <p className="suggestion-answer">{s.draftAnswer.text}</p>
      <div className="table-scroll">
        <table className="bo-table">
          <thead>
            <tr>
              <th scope="col">{t("suggestion.cs.helper")}</th>
              <th scope="col">{t("suggestion.cs.decision")}</th>
            </tr>
          </thead>
          <tbody>
            {s.countersigns.map((c) => (
              <tr key={c.departmentId}>
                <th scope="row">{c.departmentName}</th>
                <td>
                  <strong className={c.decision === "RETURNED" ? "countersign--returned" : undefined}>{c.decision ? t(`suggestion.cs.${c.decision}`) : t("suggestion.cs.pending")}</strong>
                  {c.at ? <span className="muted"> · {formatDate(lang, c.at)}</span> : null}
                  {c.note ? <span className="suggestion-history__note">{c.note}</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** A helper department's countersign: agree, or return to the lead with a reason. */
export function CountersignForm({ s, onChanged }: { s: SuggestionDetail; onChanged: (next: SuggestionDetail) => void }) {
  const t = useT();
  const [note, setNote] = useState("");
  const [missing, setMissing] = useState(false);
  const action = useAction();
  const details = action.error?.details ?? {};
  async function send(agree: boolean) {
    const text = note.trim();
    if (!agree && !text) {
      setMissing(true);
      return;
    }
    setMissing(false);
    const res = await action.run(() => suggestionApi.countersign(s.id, { agree, ...(text ? { note: text } : {}) }));
    if (res.ok) onChanged(res.data.suggestion);
  }
  return (
    <form className="card form" aria-labelledby="sugg-countersign-form" onSubmit={(e) => e.preventDefault()}>
      <h2 id="sugg-countersign-form">{t("suggestion.cs.formTitle")}</h2>
      <p className="muted">{t("suggestion.cs.formHint")}</p>
      <FormField label={t("suggestion.cs.note")} error={missing ? t("suggestion.cs.noteRequired") : details.note}>
        {(p) => <textarea {...p} rows={3} value={note} maxLength={SUGGESTION_LIMITS.comment} onChange={(e) => setNote(e.target.value)} />}
      </FormField>
      <FormError error={action.error} />
      <div className="button-row">
        <button type="button" className="button button--primary" disabled={action.busy} onClick={() => void send(true)}>
          {t("suggestion.cs.agree")}
        </button>
        <button type="button" className="button" disabled={action.busy} onClick={() => void send(false)}>
          {t("suggestion.cs.return")}
        </button>
      </div>
    </form>
  );
}
