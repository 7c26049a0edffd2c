import { useState } from "react";
import { useT } from "../../../i18n/useT.ts";
import type { ClientError } from "../../../lib/client-error.ts";
import { formatDateTime } from "../../../lib/format.ts";
import { usePreferences } from "../../../stores/preferences.ts";
import { privacyApi } from "../../privacy/privacy-api.ts";
import { FormError, LoadState } from "../shared/LoadState.tsx";
import { useResource } from "../shared/useResource.ts";

/** 保存期限: what the next retention run will anonymize, when it last ran, and a button to run it now. */
export function RetentionAdmin() {
  const t = useT();
  const lang = usePreferences((s) => s.lang);
  const preview = useResource(() => privacyApi.retention(), "retention");
  const [error, setError] = useState<ClientError | null>(null);
  const [busy, setBusy] = useState(false);
  const p = preview.data;

  async function runNow() {
    setBusy(true);
    const res = await privacyApi.runRetention();
    setBusy(false);
    setError(res.ok ? null : res.error);
    void preview.reload();
  }

  return (
    <section className="card" aria-labelledby="bo-retention" data-testid="retention-admin">
      <h2 id="bo-retention">{t("admin.privacy.retention")}</h2>
      <LoadState loading={preview.loading} error={preview.error} onRetry={() => void preview.reload()}>
        {p ? (
          <>
            <p>{p.retentionDays > 0 ? t("admin.privacy.retentionDays", { n: p.retentionDays }) : t("admin.privacy.retentionOff")}</p>
            {p.cutoff ? (
              <p data-testid="retention-next">
                {t("admin.privacy.retentionNext", { tickets: p.tickets, comments: p.caseComments, cutoff: formatDateTime(lang, p.cutoff) })}
              </p>
            ) : null}
            <p className="muted">
              {t("admin.privacy.retentionLast")}: {p.lastRunAt ? formatDateTime(lang, p.lastRunAt) : "—"}
              {p.nextRunAt ? ` · ${t("admin.privacy.retentionNextRun")}: ${formatDateTime(lang, p.nextRunAt)}` : ""}
            </p>
            {p.retentionDays > 0 ? (
              <button type="button" className="button button--small" disabled={busy} onClick={() => void runNow()}>
                {t("admin.privacy.retentionRun")}
              </button>
            ) : null}
          </>
        ) : null}
        <FormError error={error} />
      </LoadState>
    </section>
  );
}
