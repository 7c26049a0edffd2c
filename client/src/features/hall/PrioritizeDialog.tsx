import { useState, type FormEvent } from "react";
import type { TicketView } from "@protocol/model.ts";
import { Dialog } from "../../components/Dialog.tsx";
import { useAction } from "../../hooks/useAction.ts";
import { useT, type MessageKey } from "../../i18n/useT.ts";
import { errorMessage } from "../../lib/error-message.ts";
import { prioritizeTicket } from "../../socket.ts";

const REASONS: MessageKey[] = ["reason.elderly", "reason.disabled", "reason.pregnant", "reason.urgent"];

/** Moves a voter just ahead of the line, with a reason the record keeps. */
export function PrioritizeDialog({ ticket, onClose }: { ticket: TicketView | null; onClose: () => void }) {
  const t = useT();
  const { busy, error, run } = useAction();
  const [choice, setChoice] = useState<string>("");
  const [other, setOther] = useState("");
  const reason = choice === "other" ? other.trim() : choice;

  function close() {
    setChoice("");
    setOther("");
    onClose();
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!ticket || !reason) return;
    const res = await run(() => prioritizeTicket({ ticketId: ticket.id, reason }));
    if (res.ok) close();
  }

  return (
    <Dialog open={ticket != null} title={t("prioritize.title", { label: ticket?.label ?? "" })} onClose={close}>
      <form className="form" onSubmit={(e) => void submit(e)}>
        <fieldset className="fieldset">
          <legend>{t("prioritize.reason")}</legend>
          {REASONS.map((key) => (
            <div className="check" key={key}>
              <input id={`reason-${key}`} type="radio" name="reason" value={t(key)} checked={choice === t(key)} onChange={() => setChoice(t(key))} />
              <label htmlFor={`reason-${key}`}>{t(key)}</label>
            </div>
          ))}
          <div className="check">
            <input id="reason-other" type="radio" name="reason" value="other" checked={choice === "other"} onChange={() => setChoice("other")} />
            <label htmlFor="reason-other">{t("reason.other")}</label>
          </div>
          {choice === "other" ? (
            <input aria-label={t("reason.otherLabel")} maxLength={200} value={other} onChange={(e) => setOther(e.target.value)} autoFocus />
          ) : null}
        </fieldset>
        {error ? (
          <p className="form__error" role="alert">
            {errorMessage(t, error)}
          </p>
        ) : null}
        <div className="dialog__actions">
          <button type="button" className="button" onClick={close}>
            {t("common.cancel")}
          </button>
          <button type="submit" className="button button--primary" disabled={busy || !reason}>
            {t("prioritize.submit")}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
