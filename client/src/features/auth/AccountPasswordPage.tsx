import { useState, type FormEvent } from "react";
import { useNavigate, useSearchParams } from "react-router-dom";
import { FormField } from "../../components/FormField.tsx";
import { useDocumentTitle } from "../../hooks/useDocumentTitle.ts";
import { useT } from "../../i18n/useT.ts";
import type { ClientError } from "../../lib/client-error.ts";
import { errorMessage, fieldMessages } from "../../lib/error-message.ts";
import { changePassword, useAuth } from "../../stores/auth.ts";
import { safeNext } from "./LoginPage.tsx";

/**
 * /account/password — anyone logged in changes their own password; an account
 * still on the initial password an admin set is sent here first and goes on
 * to where it was headed afterwards (docs/SECURITY.md).
 */
export function AccountPasswordPage() {
  const t = useT();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const forced = useAuth((s) => s.user?.mustChangePassword ?? false);
  const [draft, setDraft] = useState({ current: "", next: "", repeat: "" });
  const [failure, setFailure] = useState<ClientError | null>(null);
  const [mismatch, setMismatch] = useState(false);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  useDocumentTitle(`${t("account.password.title")} · ${t("app.name")}`);

  const fields = fieldMessages(t, failure);
  const nextError = mismatch ? undefined : fields.next;
  const repeatError = mismatch ? t("field.password.mismatch") : undefined;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setDone(false);
    if (draft.next !== draft.repeat) {
      setFailure(null);
      setMismatch(true);
      return;
    }
    setMismatch(false);
    setBusy(true);
    const error = await changePassword(draft.current, draft.next);
    setBusy(false);
    setFailure(error);
    if (error) return;
    setDraft({ current: "", next: "", repeat: "" });
    const next = params.get("next");
    if (next) navigate(safeNext(next), { replace: true });
    else setDone(true);
  }

  const set = (key: keyof typeof draft) => (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [key]: e.target.value }));

  return (
    <div className="login-page">
      <section className="card login-card" aria-labelledby="password-title">
        <h1 id="password-title">{t("account.password.title")}</h1>
        {forced ? (
          <p className="notice notice--warn" role="status">
            {t("account.password.forcedIntro")}
          </p>
        ) : (
          <p className="muted">{t("account.password.intro")}</p>
        )}
        <form className="form" onSubmit={(e) => void submit(e)} noValidate>
          <FormField label={t("account.password.current")} error={fields.current} required>
            {(p) => <input {...p} name="current" type="password" autoComplete="current-password" value={draft.current} onChange={set("current")} />}
          </FormField>
          <FormField label={t("account.password.next")} hint={t("account.password.rules")} error={nextError} required>
            {(p) => <input {...p} name="next" type="password" autoComplete="new-password" value={draft.next} onChange={set("next")} />}
          </FormField>
          <FormField label={t("account.password.repeat")} error={repeatError} required>
            {(p) => <input {...p} name="repeat" type="password" autoComplete="new-password" value={draft.repeat} onChange={set("repeat")} />}
          </FormField>
          {failure && !failure.details ? (
            <p className="form__error" role="alert">
              {errorMessage(t, failure)}
            </p>
          ) : null}
          {done ? (
            <p className="ok-text" role="status">
              {t("account.password.done")}
            </p>
          ) : null}
          <button type="submit" className="button button--primary button--large" disabled={busy}>
            {busy ? t("account.password.saving") : t("account.password.submit")}
          </button>
        </form>
      </section>
    </div>
  );
}
