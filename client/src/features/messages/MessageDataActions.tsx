import { useState } from "react";
import type { MessageDataExport } from "@protocol/messages.ts";
import { request } from "../../api.ts";
import { Dialog } from "../../components/Dialog.tsx";
import { useT } from "../../i18n/useT.ts";
import type { ClientError } from "../../lib/client-error.ts";
import { errorMessage } from "../../lib/error-message.ts";

const path = (code: string, what: "data" | "erase") => `/api/track/${encodeURIComponent(code)}/${what}`;

/** 我的数据 for a message-box message, with its tracking code as the key: download what is stored, or erase the name, phone and text. */
export function MessageDataActions({ trackingCode }: { trackingCode: string }) {
  const t = useT();
  const [confirming, setConfirming] = useState(false);
  const [failure, setFailure] = useState<ClientError | null>(null);
  const [erased, setErased] = useState(false);

  async function download() {
    setFailure(null);
    const res = await request<MessageDataExport>("GET", path(trackingCode, "data"));
    if (!res.ok) return setFailure(res.error);
    const url = URL.createObjectURL(new Blob([JSON.stringify(res.data, null, 2)], { type: "application/json" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = "tongxin-my-message.json";
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  async function erase() {
    setConfirming(false);
    setFailure(null);
    const res = await request<MessageDataExport>("POST", path(trackingCode, "erase"), {});
    if (!res.ok) return setFailure(res.error);
    setErased(true);
  }

  return (
    <div className="my-data" data-testid="message-data">
      <h2>{t("privacy.me.title")}</h2>
      <div className="button-row">
        <button type="button" className="button button--small" onClick={() => void download()}>
          {t("privacy.me.download")}
        </button>
        <button type="button" className="button button--quiet button--small" onClick={() => setConfirming(true)} disabled={erased}>
          {t("privacy.me.erase")}
        </button>
      </div>
      {erased ? <p className="notice" role="status">{t("privacy.me.erased")}</p> : null}
      {failure ? (
        <p className="form__error" role="alert">
          {errorMessage(t, failure)}
        </p>
      ) : null}
      <Dialog open={confirming} title={t("privacy.me.eraseTitle")} onClose={() => setConfirming(false)}>
        <p>{t("message.me.eraseConfirm")}</p>
        <div className="dialog__actions">
          <button type="button" className="button" onClick={() => setConfirming(false)} autoFocus>
            {t("privacy.me.eraseKeep")}
          </button>
          <button type="button" className="button button--danger" onClick={() => void erase()}>
            {t("privacy.me.erase")}
          </button>
        </div>
      </Dialog>
    </div>
  );
}
