import { useState, type FormEvent } from "react";
import { useT } from "../../../i18n/useT.ts";
import type { ClientError } from "../../../lib/client-error.ts";
import { formatDateTime } from "../../../lib/format.ts";
import { usePreferences } from "../../../stores/preferences.ts";
import { privacyApi } from "../../privacy/privacy-api.ts";
import { FormError, LoadState } from "../shared/LoadState.tsx";
import { useResource } from "../shared/useResource.ts";

/** 个人信息告知: the current notice in both languages; saving publishes a new version (the old ones stay, tickets point at them). */
export function PrivacyNoticeAdmin() {
  const t = useT();
  const lang = usePreferences((s) => s.lang);
  const versions = useResource(() => privacyApi.noticeVersions(), "notice");
  const [draft, setDraft] = useState<{ textZh: string; textEn: string } | null>(null);
  const [error, setError] = useState<ClientError | null>(null);
  const current = versions.data?.versions[0];

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!draft) return;
    const res = await privacyApi.publishNotice(draft.textZh, draft.textEn);
    if (!res.ok) return setError(res.error);
    setError(null);
    setDraft(null);
    void versions.reload();
  }

  return (
    <section className="card" aria-labelledby="bo-notice" data-testid="notice-admin">
      <div className="page-head">
        <h2 id="bo-notice">{t("admin.privacy.notice")}</h2>
        {current && !draft ? (
          <button type="button" className="button button--small" onClick={() => setDraft({ textZh: current.textZh, textEn: current.textEn })}>
            {t("admin.privacy.noticeEdit")}
          </button>
        ) : null}
      </div>
      <LoadState loading={versions.loading} error={versions.error} onRetry={() => void versions.reload()}>
        {current ? (
          <p className="muted">
            {t("privacy.notice.version", { n: current.version })} · {formatDateTime(lang, current.createdAt)}
            {current.createdBy ? ` · ${current.createdBy}` : ""}
          </p>
        ) : null}
        {draft ? (
          <form className="form" onSubmit={(e) => void submit(e)}>
            <p className="field__hint">{t("admin.privacy.noticeHint")}</p>
            <label className="field">
              <span className="field__label">中文</span>
              <textarea name="textZh" rows={8} maxLength={5000} value={draft.textZh} onChange={(e) => setDraft({ ...draft, textZh: e.target.value })} />
            </label>
            <label className="field">
              <span className="field__label">English</span>
              <textarea name="textEn" rows={8} maxLength={5000} value={draft.textEn} onChange={(e) => setDraft({ ...draft, textEn: e.target.value })} />
            </label>
            <div className="button-row">
              <button type="submit" className="button button--primary button--small">
                {t("admin.privacy.noticePublish")}
              </button>
              <button type="button" className="button button--quiet button--small" onClick={() => setDraft(null)}>
                {t("admin.common.close")}
              </button>
            </div>
            <FormError error={error} />
          </form>
        ) : current ? (
          <pre className="privacy-notice__text">{lang === "en" ? current.textEn : current.textZh}</pre>
        ) : null}
      </LoadState>
    </section>
  );
}
