import { useEffect, useState, type FormEvent } from "react";
import { Navigate, useSearchParams } from "react-router-dom";
import { FormField } from "../../components/FormField.tsx";
import { useDocumentTitle } from "../../hooks/useDocumentTitle.ts";
import { useT } from "../../i18n/useT.ts";
import type { ClientError } from "../../lib/client-error.ts";
import { errorMessage } from "../../lib/error-message.ts";
import { ensureAuthChecked, login, useAuth } from "../../stores/auth.ts";
import { PASSWORD_PAGE } from "../../components/RequireLogin.tsx";

/** Only same-site paths may be redirect targets (no open redirect). */
export function safeNext(next: string | null): string {
  return next && next.startsWith("/") && !next.startsWith("//") ? next : "/";
}

/** /login — staff and deputies sign in, then go back where they were headed. */
export function LoginPage() {
  const t = useT();
  const [params] = useSearchParams();
  const status = useAuth((s) => s.status);
  const mustChange = useAuth((s) => s.user?.mustChangePassword ?? false);
  const ended = useAuth((s) => s.ended);
  // A department account has one desk (§6e): that is where it goes unless sent elsewhere.
  const role = useAuth((s) => s.user?.role);
  const next = params.get("next") === null && role === "DEPARTMENT" ? "/admin/suggestions" : safeNext(params.get("next"));
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [failure, setFailure] = useState<ClientError | null>(null);
  const [busy, setBusy] = useState(false);
  useDocumentTitle(`${t("login.title")} · ${t("app.name")}`);
  useEffect(() => {
    void ensureAuthChecked();
  }, []);

  // An initial password is replaced before anything else, wherever the login was headed.
  if (status === "authenticated") return <Navigate to={mustChange ? `${PASSWORD_PAGE}?next=${encodeURIComponent(next)}` : next} replace />;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setFailure(await login(username.trim(), password));
    setBusy(false);
  }

  return (
    <div className="login-page">
      <section className="card login-card" aria-labelledby="login-title">
        <h1 id="login-title">{t("login.title")}</h1>
        {ended ? (
          <p className="notice notice--warn" role="status">
            {t("login.endedIdle")}
          </p>
        ) : null}
        <p className="muted">{t("login.intro")}</p>
        <form className="form" onSubmit={(e) => void submit(e)}>
          <FormField label={t("login.username")} required>
            {(p) => <input {...p} name="username" autoComplete="username" autoFocus value={username} onChange={(e) => setUsername(e.target.value)} />}
          </FormField>
          <FormField label={t("login.password")} required>
            {(p) => (
              <input {...p} name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
            )}
          </FormField>
          {failure ? (
            <p className="form__error" role="alert">
              {failure.code === "UNAUTHENTICATED" || failure.code === "BAD_REQUEST" ? t("login.failed") : errorMessage(t, failure)}
            </p>
          ) : null}
          <button type="submit" className="button button--primary button--large" disabled={busy}>
            {busy ? t("login.submitting") : t("login.submit")}
          </button>
        </form>
      </section>
    </div>
  );
}
