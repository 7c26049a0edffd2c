import { useEffect } from "react";
import type { TicketView } from "@protocol/model.ts";
import { useT } from "../../i18n/useT.ts";

const SHOW_MS = 8000;

/** "W003's turn is closed (case ABCD2345 opened)": the deputy sees that the click took, then it fades. */
export function TurnFinishedNotice({ ticket, onDismiss }: { ticket: TicketView | null; onDismiss: () => void }) {
  const t = useT();
  useEffect(() => {
    if (!ticket) return;
    const id = window.setTimeout(onDismiss, SHOW_MS);
    return () => window.clearTimeout(id);
  }, [ticket, onDismiss]);
  return (
    <div className="turn-finished" role="status" aria-live="polite">
      {ticket ? (
        <p className="notice notice--ok" data-testid="turn-finished">
          {t("finish.done", { label: ticket.label })}
          {ticket.trackingCode ? ` ${t("finish.doneCase", { code: ticket.trackingCode })}` : ""}
          <button type="button" className="link-button turn-finished__close" onClick={onDismiss}>
            {t("finish.doneDismiss")}
          </button>
        </p>
      ) : null}
    </div>
  );
}
