import type { ReactNode } from "react";
import { useT } from "../../../i18n/useT.ts";
import type { ClientError } from "../../../lib/client-error.ts";
import { errorMessage } from "../../../lib/error-message.ts";

/** Loading and failure states of a page section, with a retry. */
export function LoadState({ loading, error, onRetry, children }: { loading: boolean; error: ClientError | null; onRetry: () => void; children: ReactNode }) {
  const t = useT();
  if (error) {
    return (
      <div className="form__error" role="alert">
        {errorMessage(t, error)}{" "}
        <button type="button" className="link-button" onClick={onRetry}>
          {t("admin.common.retry")}
        </button>
      </div>
    );
  }
  return (
    <>
      {loading ? (
        <p className="muted bo-loading" role="status">
          {t("common.loading")}
        </p>
      ) : null}
      {children}
    </>
  );
}

/** A form's error line: the friendly sentence for its code. */
export function FormError({ error }: { error: ClientError | null }) {
  const t = useT();
  if (!error) return null;
  return (
    <p className="form__error" role="alert">
      {errorMessage(t, error)}
    </p>
  );
}
