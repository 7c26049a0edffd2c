import { useState } from "react";
import { Dialog } from "../../components/Dialog.tsx";
import { useT } from "../../i18n/useT.ts";
import type { ClientError } from "../../lib/client-error.ts";
import { errorMessage } from "../../lib/error-message.ts";
import { useVoterTicket, voterTicketReceived } from "../../stores/voter-ticket.ts";
import { privacyApi } from "./privacy-api.ts";

/** 我的数据: download what the station stores about this ticket (JSON), or erase the contact data (after a confirmation). */
export function MyDataActions() {
  const t = useT();
  const voterToken = useVoterTicket((s) => s.voterToken);
  const [confirming, setConfirming] = useState(false);
  const [failure, setFailure] = useState<ClientError | null>(null);
  const [erased, setErased] = useState(false);
  if (!voterToken) return null;

  async function download() {
    setFailure(null);
    const res = await privacyApi.myData(voterToken!);
    if (!res.ok) return setFailure(res.error);
    const url = URL.createObjectURL(new Blob([JSON.stringify(res.data, null, 2)], { type: "application/json" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = "tongxin-my-data.json";
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  async function erase() {
    setConfirming(false);
    setFailure(null);
    const res = await privacyApi.eraseMyData(voterToken!);
    if (!res.ok) return setFailure(res.error);
    voterTicketReceived(res.data.ticket);
    setErased(true);
  }

  return (
    <div className="my-data" data-testid="my-data">
      <h3>{t("privacy.me.title")}</h3>
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
        <p>{t("privacy.me.eraseConfirm")}</p>
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
