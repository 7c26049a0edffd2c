import { useState } from "react";
import { AUDIT_ACTIONS, type AuditAction } from "@protocol/privacy.ts";
import { useDocumentTitle } from "../../../hooks/useDocumentTitle.ts";
import { useT } from "../../../i18n/useT.ts";
import { formatDateTime } from "../../../lib/format.ts";
import { useAuth } from "../../../stores/auth.ts";
import { usePreferences } from "../../../stores/preferences.ts";
import { privacyApi } from "../../privacy/privacy-api.ts";
import { LoadState } from "../shared/LoadState.tsx";
import { useResource } from "../shared/useResource.ts";
import { AuditResult, actionWords } from "./AuditResult.tsx";
import { AuditTarget } from "./AuditTarget.tsx";
import { AuditVerdict } from "./AuditVerdict.tsx";

type ResultFilter = "" | "ok" | "failed";

/**
 * /admin/audit — who did what, when, to what, with what result (docs/ARCHITECTURE.md §6f),
 * in words, filtered by action and result, with the chain's verification on
 * top. Administrators only.
 */
export function AuditPage() {
  const t = useT();
  useDocumentTitle(t("admin.audit.title"));
  const lang = usePreferences((s) => s.lang);
  const role = useAuth((s) => s.user?.role);
  const [action, setAction] = useState<AuditAction | "">("");
  const [result, setResult] = useState<ResultFilter>("");
  const entries = useResource(() => privacyApi.audit({ ...(action ? { action } : {}), ...(result ? { result } : {}) }), `${action}|${result}`);
  if (role !== "ADMIN") return <p className="notice notice--warn">{t("admin.settings.adminOnly")}</p>;
  return (
    <div className="bo-page" data-testid="audit-page">
      <header className="page-head">
        <h1>{t("admin.audit.title")}</h1>
        <label>
          <span className="visually-hidden">{t("admin.audit.action")}</span>
          <select name="action" value={action} onChange={(e) => setAction(e.target.value as AuditAction | "")}>
            <option value="">{t("admin.audit.all")}</option>
            {AUDIT_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {t(`admin.audit.${a}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="visually-hidden">{t("admin.audit.result")}</span>
          <select name="result" value={result} onChange={(e) => setResult(e.target.value as ResultFilter)}>
            <option value="">{t("admin.audit.resultAll")}</option>
            <option value="ok">{t("admin.audit.resultOk")}</option>
            <option value="failed">{t("admin.audit.resultFailed")}</option>
          </select>
        </label>
      </header>
      <p className="muted">{t("admin.audit.intro")}</p>
      <AuditVerdict />
      <LoadState loading={entries.loading} error={entries.error} onRetry={() => void entries.reload()}>
        {entries.data && entries.data.entries.length ? (
          <table className="bo-table">
            <thead>
              <tr>
                <th>{t("admin.audit.at")}</th>
                <th>{t("admin.audit.who")}</th>
                <th>{t("admin.audit.action")}</th>
                <th>{t("admin.audit.target")}</th>
                <th>{t("admin.audit.result")}</th>
              </tr>
            </thead>
            <tbody>
              {entries.data.entries.map((e, i) => (
                <tr key={`${e.seq ?? e.at}-${i}`} data-testid="audit-row">
                  <td>{formatDateTime(lang, e.at)}</td>
                  <td>{e.username}</td>
                  <td>{actionWords(t, e.action)}</td>
                  <td data-testid="audit-target">
                    <AuditTarget about={e.about} empty={e.target === ""} />
                  </td>
                  <td>
                    <AuditResult result={e.result} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p>{t("admin.audit.none")}</p>
        )}
      </LoadState>
    </div>
  );
}
