import { useState } from "react";
import { useT } from "../../i18n/useT.ts";
import type { ClientError, Result } from "../../lib/client-error.ts";
import { errorMessage } from "../../lib/error-message.ts";

/**
 * A phone as staff screens show it: masked (138****5678), with a "show"
 * action that asks the server for the full number — which the server writes
 * to the audit log — and then offers it as a tel: link.
 */
export function MaskedPhone({ masked, reveal }: { masked: string | null | undefined; reveal: () => Promise<Result<{ phone: string | null }>> }) {
  const t = useT();
  const [full, setFull] = useState<string | null>(null);
  const [failure, setFailure] = useState<ClientError | null>(null);
  const [busy, setBusy] = useState(false);
  if (!masked) return <span data-testid="phone">—</span>;
  if (full) {
    return (
      <a href={`tel:${full}`} data-testid="phone" data-revealed="true">
        {full}
      </a>
    );
  }
  async function show() {
    setBusy(true);
    const res = await reveal();
    setBusy(false);
    if (res.ok) setFull(res.data.phone ?? "—");
    else setFailure(res.error);
  }
  return (
    <span className="masked-phone">
      <span data-testid="phone" data-revealed="false">{masked}</span>{" "}
      <button type="button" className="button button--quiet button--small" disabled={busy} onClick={() => void show()} title={t("privacy.phone.showHint")} data-testid="phone-show">
        {t("privacy.phone.show")}
      </button>
      {failure ? <span className="field__error" role="alert"> {errorMessage(t, failure)}</span> : null}
    </span>
  );
}
