import { useState, type FormEvent } from "react";
import type { TicketView } from "@protocol/model.ts";
import { Dialog } from "../../components/Dialog.tsx";
import { FormField } from "../../components/FormField.tsx";
import { useAction } from "../../hooks/useAction.ts";
import { useT, type MessageKey } from "../../i18n/useT.ts";
import { errorMessage, fieldMessages } from "../../lib/error-message.ts";
import { finishTurn } from "../../socket.ts";

const CATEGORY_KEYS: MessageKey[] = [
  "category.urban",
  "category.traffic",
  "category.environment",
  "category.education",
  "category.health",
  "category.elderly",
  "category.social",
  "category.economy",
  "category.other",
];

/** Closes a turn: a summary, and optionally a follow-up that becomes a case. */
export function FinishTurnDialog({ ticket, onClose, onFinished }: { ticket: TicketView | null; onClose: () => void; onFinished?: (ticket: TicketView) => void }) {
  const t = useT();
  const { busy, error, run } = useAction();
  const [summary, setSummary] = useState("");
  const [needsFollowUp, setNeedsFollowUp] = useState(false);
  const [category, setCategory] = useState("");
  const [caseSummary, setCaseSummary] = useState("");
  const fields = fieldMessages(t, error);

  function close() {
    setSummary("");
    setNeedsFollowUp(false);
    setCategory("");
    setCaseSummary("");
    onClose();
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!ticket) return;
    const res = await run(() =>
      finishTurn({
        ticketId: ticket.id,
        summary: summary.trim() || undefined,
        ...(needsFollowUp ? { followUp: { category: category.trim(), summary: caseSummary.trim() } } : {}),
      }),
    );
    if (res.ok) {
      close();
      onFinished?.(res.data.ticket);
    }
  }

  return (
    <Dialog open={ticket != null} title={t("finish.title", { label: ticket?.label ?? "" })} onClose={close}>
      <form className="form" onSubmit={(e) => void submit(e)}>
        <FormField label={t("finish.summary")} error={fields.summary}>
          {(p) => <textarea {...p} rows={3} maxLength={2000} value={summary} onChange={(e) => setSummary(e.target.value)} autoFocus />}
        </FormField>
        <div className="check">
          <input
            id="finish-follow-up"
            type="checkbox"
            checked={needsFollowUp}
            onChange={(e) => {
              setNeedsFollowUp(e.target.checked);
              if (e.target.checked && !caseSummary) setCaseSummary(summary || ticket?.topic || "");
            }}
          />
          <label htmlFor="finish-follow-up">{t("finish.followUp")}</label>
        </div>
        {needsFollowUp ? (
          <fieldset className="fieldset">
            <legend>{t("finish.caseLegend")}</legend>
            <FormField label={t("case.category")} error={fields["followUp.category"]} required>
              {(p) => (
                <>
                  <input {...p} list="case-categories" maxLength={50} value={category} onChange={(e) => setCategory(e.target.value)} />
                  <datalist id="case-categories">
                    {CATEGORY_KEYS.map((key) => (
                      <option key={key} value={t(key)} />
                    ))}
                  </datalist>
                </>
              )}
            </FormField>
            <FormField label={t("finish.caseSummary")} error={fields["followUp.summary"]} required>
              {(p) => <textarea {...p} rows={3} maxLength={2000} value={caseSummary} onChange={(e) => setCaseSummary(e.target.value)} />}
            </FormField>
          </fieldset>
        ) : null}
        {error ? (
          <p className="form__error" role="alert">
            {errorMessage(t, error)}
          </p>
        ) : null}
        <div className="dialog__actions">
          <button type="button" className="button" onClick={close}>
            {t("common.cancel")}
          </button>
          <button type="submit" className="button button--primary" disabled={busy}>
            {t("finish.submit")}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
