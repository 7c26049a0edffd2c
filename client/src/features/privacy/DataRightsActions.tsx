import { useState } from "react";
import type { Result } from "../../lib/client-error.ts";
import { Dialog } from "../../components/Dialog.tsx";
import { useT, type MessageKey } from "../../i18n/useT.ts";
import type { ClientError } from "../../lib/client-error.ts";
import { errorMessage } from "../../lib/error-message.ts";

export interface DataRightsProps<E> {
  /** what the station stores, downloaded as JSON */
  load: () => Promise<Result<unknown>>;
  /** erases the personal data (after the confirmation) */
  erase: () => Promise<Result<E>>;
  onErased?: (data: E) => void;
  fileName: string;
  /** the confirmation's text: what exactly goes */
  eraseConfirm: MessageKey;
  testId: string;
  heading: "h2" | "h3";
}

/** 我的数据: download what the station stores, or erase the contact data — one panel for a ticket's and a message's holder. */
export function DataRightsActions<E>({ load, erase, onErased, fileName, eraseConfirm, testId, heading: Heading }: DataRightsProps<E>) {
  const t = useT();
  const [confirming, setConfirming] = useState(false);
  const [failure, setFailure] = useState<ClientError | null>(null);
  const [erased, setErased] = useState(false);

  async function download() {
    setFailure(null);
    const res = await load();
    if (!res.ok) return setFailure(res.error);
    const url = URL.createObjectURL(new Blob([JSON.stringify(res.data, null, 2)], { type: "application/json" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = fileName;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  async function confirmErase() {
    setConfirming(false);
    setFailure(null);
    const res = await erase();
    if (!res.ok) return setFailure(res.error);
    onErased?.(res.data);
    setErased(true);
  }

  return (
    <div className="my-data" data-testid={testId}>
      <Heading>{t("privacy.me.title")}</Heading>
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
        <p>{t(eraseConfirm)}</p>
        <div className="dialog__actions">
          <button type="button" className="button" onClick={() => setConfirming(false)} autoFocus>
            {t("privacy.me.eraseKeep")}
          </button>
          <button type="button" className="button button--danger" onClick={() => void confirmErase()}>
            {t("privacy.me.erase")}
          </button>
        </div>
      </Dialog>
    </div>
  );
}
