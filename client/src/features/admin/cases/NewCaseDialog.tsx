import { useEffect, useState, type FormEvent } from "react";
import { useT } from "../../../i18n/useT.ts";
import { Dialog } from "../../../components/Dialog.tsx";
import { FormField } from "../../../components/FormField.tsx";
import type { ClientError } from "../../../lib/client-error.ts";
import { boApi } from "../api.ts";
import { localDate } from "../format.ts";
import { FormError } from "../shared/LoadState.tsx";
import { useResource } from "../shared/useResource.ts";
import { indentName, type FlatVenue } from "../shared/useVenues.ts";

/** Staff open a case by hand: a letter, a phone call, a concern raised after the day. */
export function NewCaseDialog({ open, venues, onClose, onCreated }: { open: boolean; venues: FlatVenue[]; onClose: () => void; onCreated: (caseId: string) => void }) {
  const t = useT();
  const [venueId, setVenueId] = useState(venues[0]?.id ?? "");
  const [sessionId, setSessionId] = useState("");
  const [category, setCategory] = useState("");
  const [summary, setSummary] = useState("");
  const [assignee, setAssignee] = useState("");
  const [dueAt, setDueAt] = useState("");
  const [error, setError] = useState<ClientError | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (open && !venueId && venues[0]) setVenueId(venues[0].id);
  }, [open, venues, venueId]);
  const sessions = useResource(() => (venueId ? boApi.sessions({ venueId, limit: 1000 }) : Promise.resolve({ ok: true as const, data: { sessions: [] } })), `${venueId}`);
  const details = error?.details ?? {};

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    const res = await boApi.openCase({
      venueId,
      sessionId: sessionId || null,
      category: category.trim(),
      summary: summary.trim(),
      assignee: assignee.trim() || null,
      dueAt: dueAt ? new Date(`${dueAt}T23:59:59`).toISOString() : null,
    });
    setBusy(false);
    if (!res.ok) return setError(res.error);
    setCategory("");
    setSummary("");
    setAssignee("");
    setDueAt("");
    onCreated(res.data.case.id);
  }

  return (
    <Dialog open={open} title={t("admin.cases.new")} onClose={onClose} className="bo-dialog">
      <form className="form" onSubmit={(e) => void submit(e)} aria-label={t("admin.cases.new")}>
        <FormField label={t("admin.common.venue")} required error={details.venueId}>
          {(p) => (
            <select {...p} value={venueId} onChange={(e) => setVenueId(e.target.value)}>
              {venues.map((v) => (
                <option key={v.id} value={v.id}>
                  {indentName(v)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label={t("admin.newCase.session")} error={details.sessionId}>
          {(p) => (
            <select {...p} value={sessionId} onChange={(e) => setSessionId(e.target.value)}>
              <option value="">—</option>
              {[...(sessions.data?.sessions ?? [])].reverse().map((s) => (
                <option key={s.id} value={s.id}>
                  {localDate(new Date(s.startsAt))} {s.title}
                  {s.theme ? ` · ${s.theme}` : ""}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label={t("case.category")} required error={details.category}>
          {(p) => <input {...p} name="category" maxLength={50} value={category} onChange={(e) => setCategory(e.target.value)} />}
        </FormField>
        <FormField label={t("admin.newCase.summary")} required error={details.summary}>
          {(p) => <textarea {...p} name="summary" rows={3} maxLength={2000} value={summary} onChange={(e) => setSummary(e.target.value)} />}
        </FormField>
        <FormField label={t("admin.case.assignee")} error={details.assignee}>
          {(p) => <input {...p} name="assignee" maxLength={100} value={assignee} onChange={(e) => setAssignee(e.target.value)} />}
        </FormField>
        <FormField label={t("admin.case.dueAt")} error={details.dueAt}>
          {(p) => <input {...p} name="dueAt" type="date" value={dueAt} onChange={(e) => setDueAt(e.target.value)} />}
        </FormField>
        <FormError error={error} />
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            {t("admin.common.close")}
          </button>
          <button type="submit" className="button button--primary" disabled={busy || !venueId}>
            {t("admin.newCase.submit")}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
