import { useState, type FormEvent } from "react";
import { useNavigate, useSearchParams } from "react-router-dom";
import { SUGGESTION_LIMITS } from "@protocol/suggestions.ts";
import { FormField } from "../../components/FormField.tsx";
import { useDocumentTitle } from "../../hooks/useDocumentTitle.ts";
import { useAction } from "../../hooks/useAction.ts";
import { useT } from "../../i18n/useT.ts";
import { useAuth } from "../../stores/auth.ts";
import { boApi } from "../admin/api.ts";
import { FormError, LoadState } from "../admin/shared/LoadState.tsx";
import { useResource } from "../admin/shared/useResource.ts";
import { suggestionApi } from "./suggestion-api.ts";
import "./suggestions.css";

/**
 * /admin/suggestions/new — a deputy gathers several concerns voters raised at
 * their venues (the cases) into one suggestion (代表建议), and saves it as a
 * draft or submits it to the office at once. `?caseId=` ticks a case to start with.
 */
export function SuggestionDraftPage() {
  const t = useT();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const role = useAuth((s) => s.user?.role);
  useDocumentTitle(t("suggestion.draft.title"));
  const cases = useResource(() => boApi.cases({ limit: 500 }), "cases");
  const deputies = useResource(suggestionApi.deputies, "deputies");
  const [picked, setPicked] = useState<string[]>(() => params.getAll("caseId"));
  const [coSigners, setCoSigners] = useState<string[]>([]);
  const [title, setTitle] = useState("");
  const [category, setCategory] = useState("");
  const [body, setBody] = useState("");
  const action = useAction();
  const details = action.error?.details ?? {};

  if (role && role !== "DEPUTY") return <p className="notice notice--warn">{t("suggestion.draft.deputiesOnly")}</p>;

  const rows = (cases.data?.cases ?? []).filter((c) => c.status !== "REJECTED");
  const toggle = (id: string, on: boolean) => setPicked((p) => (on ? [...p, id] : p.filter((x) => x !== id)));
  const toggleCoSigner = (id: string, on: boolean) => setCoSigners((p) => (on ? [...p, id] : p.filter((x) => x !== id)));

  async function save(e: FormEvent, submit: boolean) {
    e.preventDefault();
    const made = await action.run(() => suggestionApi.create({ title: title.trim(), body: body.trim(), category: category.trim(), caseIds: picked, coSignerIds: coSigners }));
    if (!made.ok) return;
    const id = made.data.suggestion.id;
    if (submit) await action.run(() => suggestionApi.submit(id));
    navigate(`/admin/suggestions/${id}`);
  }

  return (
    <div className="bo-page">
      <header className="page-head">
        <div>
          <h1>{t("suggestion.draft.title")}</h1>
          <p className="muted">{t("suggestion.draft.intro")}</p>
        </div>
      </header>
      <form className="card form" onSubmit={(e) => void save(e, true)}>
        <fieldset className="suggestion-choices">
          <legend>{t("suggestion.field.cases", { n: picked.length })}</legend>
          <LoadState loading={cases.loading} error={cases.error} onRetry={() => void cases.reload()}>
            {rows.length === 0 && !cases.loading ? <p className="muted">{t("suggestion.draft.noCases")}</p> : null}
            <ul className="suggestion-cases">
              {rows.map((c) => (
                <li key={c.id}>
                  <label>
                    <input type="checkbox" checked={picked.includes(c.id)} onChange={(e) => toggle(c.id, e.target.checked)} />
                    <span>
                      <strong>{t("punct.bracket", { text: c.category })}</strong>
                      {c.summary}
                      <span className="muted"> · {c.venueName} · {c.trackingCode}</span>
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          </LoadState>
          {details.caseIds ? <p className="field__error">{details.caseIds}</p> : null}
        </fieldset>
        <fieldset className="suggestion-choices">
          <legend>{t("suggestion.field.coSigners", { n: coSigners.length })}</legend>
          <p className="muted">{t("suggestion.field.coSignersHint")}</p>
          <LoadState loading={deputies.loading} error={deputies.error} onRetry={() => void deputies.reload()}>
            <ul className="suggestion-cases suggestion-cosigners">
              {(deputies.data?.deputies ?? []).map((d) => (
                <li key={d.id}>
                  <label>
                    <input type="checkbox" checked={coSigners.includes(d.id)} onChange={(e) => toggleCoSigner(d.id, e.target.checked)} />
                    <span>{d.name}</span>
                  </label>
                </li>
              ))}
            </ul>
          </LoadState>
          {details.coSignerIds ? <p className="field__error">{details.coSignerIds}</p> : null}
        </fieldset>
        <FormField label={t("suggestion.field.title")} error={details.title} required>
          {(p) => <input {...p} value={title} maxLength={SUGGESTION_LIMITS.title} onChange={(e) => setTitle(e.target.value)} />}
        </FormField>
        <FormField label={t("suggestion.field.category")} hint={t("suggestion.field.categoryHint")} error={details.category} required>
          {(p) => <input {...p} value={category} maxLength={SUGGESTION_LIMITS.category} onChange={(e) => setCategory(e.target.value)} />}
        </FormField>
        <FormField label={t("suggestion.field.body")} hint={t("suggestion.field.bodyHint")} error={details.body} required>
          {(p) => <textarea {...p} rows={8} value={body} maxLength={SUGGESTION_LIMITS.body} onChange={(e) => setBody(e.target.value)} />}
        </FormField>
        <FormError error={action.error} />
        <div className="button-row">
          <button type="submit" className="button button--primary" disabled={action.busy}>
            {t("suggestion.draft.submit")}
          </button>
          <button type="button" className="button" disabled={action.busy} onClick={(e) => void save(e, false)}>
            {t("suggestion.draft.save")}
          </button>
        </div>
        <p className="muted">{t("suggestion.draft.submitHint")}</p>
      </form>
    </div>
  );
}
