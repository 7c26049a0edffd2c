import { useState } from "react";
import { useT } from "../../../i18n/useT.ts";
import type { ClientError } from "../../../lib/client-error.ts";
import { formatDateTime } from "../../../lib/format.ts";
import { usePreferences } from "../../../stores/preferences.ts";
import { FormError, LoadState } from "../shared/LoadState.tsx";
import { useResource } from "../shared/useResource.ts";
import { backupApi } from "./backup-api.ts";

const megabytes = (bytes: number) => `${(bytes / 1_048_576).toFixed(bytes < 10_485_760 ? 1 : 0)} MB`;

/** 数据备份: the snapshots the server keeps (newest first) and "back up now". */
export function BackupsAdmin() {
  const t = useT();
  const lang = usePreferences((s) => s.lang);
  const list = useResource(() => backupApi.list(), "backups");
  const [error, setError] = useState<ClientError | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);

  async function takeNow() {
    setBusy(true);
    setDone(null);
    const res = await backupApi.takeNow();
    setBusy(false);
    setError(res.ok ? null : res.error);
    if (res.ok) setDone(res.data.backup.name);
    void list.reload();
  }

  const backups = list.data?.backups ?? [];
  return (
    <section className="card" aria-labelledby="bo-backups" data-testid="backups-admin">
      <h2 id="bo-backups">{t("admin.backups.title")}</h2>
      <p className="muted">{t("admin.backups.intro")}</p>
      <button type="button" className="button" disabled={busy} onClick={() => void takeNow()}>
        {busy ? t("admin.backups.taking") : t("admin.backups.now")}
      </button>
      {done ? (
        <p role="status" data-testid="backup-done">
          {t("admin.backups.done", { name: done })}
        </p>
      ) : null}
      <FormError error={error} />
      <LoadState loading={list.loading} error={list.error} onRetry={() => void list.reload()}>
        {backups.length === 0 ? (
          <p>{t("admin.backups.none")}</p>
        ) : (
          <div className="table-scroll">
            <table className="bo-table" data-testid="backups-table">
              <thead>
                <tr>
                  <th scope="col">{t("admin.backups.at")}</th>
                  <th scope="col">{t("admin.backups.name")}</th>
                  <th scope="col">{t("admin.backups.size")}</th>
                </tr>
              </thead>
              <tbody>
                {backups.map((b) => (
                  <tr key={b.name}>
                    <td>{formatDateTime(lang, b.at)}</td>
                    <td>
                      <code>{b.name}</code>
                    </td>
                    <td>{megabytes(b.bytes)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </LoadState>
    </section>
  );
}
