import { useT } from "../../../i18n/useT.ts";
import { formatDateTime } from "../../../lib/format.ts";
import { usePreferences } from "../../../stores/preferences.ts";
import { privacyApi } from "../../privacy/privacy-api.ts";
import { LoadState } from "../shared/LoadState.tsx";
import { useResource } from "../shared/useResource.ts";
import { actionWords } from "./AuditResult.tsx";

/** The chain's verification (GET /api/audit/verify), said in words: intact, or where it broke. */
export function AuditVerdict() {
  const t = useT();
  const lang = usePreferences((s) => s.lang);
  const verdict = useResource(() => privacyApi.auditVerify(), "verify");
  return (
    <LoadState loading={verdict.loading} error={verdict.error} onRetry={() => void verdict.reload()}>
      {verdict.data ? (
        verdict.data.ok ? (
          <p className="notice" role="status" data-testid="audit-verdict">
            {t("admin.audit.chainOk", { n: verdict.data.entries })}
          </p>
        ) : (
          <p className="notice notice--warn" role="alert" data-testid="audit-verdict">
            {t("admin.audit.chainBroken", { seq: verdict.data.firstBrokenAt ?? 0 })}
            {verdict.data.broken
              ? ` ${t("admin.audit.chainBrokenAt", { at: formatDateTime(lang, verdict.data.broken.at), action: actionWords(t, verdict.data.broken.action) })}`
              : ""}
          </p>
        )
      ) : null}
    </LoadState>
  );
}
