import { useState, type FormEvent } from "react";
import { useT } from "../../../i18n/useT.ts";
import type { CaseDetail } from "@protocol/back-office.ts";
import type { CaseStatus } from "@protocol/model.ts";
import { FormField } from "../../../components/FormField.tsx";
import type { ClientError } from "../../../lib/client-error.ts";
import { boApi, type CasePatchInput } from "../api.ts";
import { localDate } from "../format.ts";
import { FormError } from "../shared/LoadState.tsx";

/** Moving a case on: one button per allowed next status, each asking for what that step needs. */
export function CaseActions({ detail, onChanged }: { detail: CaseDetail; onChanged: (d: CaseDetail) => void }) {
  const t = useT();
  const c = detail.case;
  const [target, setTarget] = useState<CaseStatus | null>(null);
  const [assignee, setAssignee] = useState(c.assignee ?? "");
  const [dueAt, setDueAt] = useState(c.dueAt ? localDate(new Date(c.dueAt)) : "");
  const [resolution, setResolution] = useState(c.resolution ?? "");
  const [rejectReason, setRejectReason] = useState("");
  const [note, setNote] = useState("");
  const [error, setError] = useState<ClientError | null>(null);
  const [busy, setBusy] = useState(false);
  const details = error?.details ?? {};

  async function send(patch: CasePatchInput) {
    setBusy(true);
    const res = await boApi.patchCase(c.id, patch);
    setBusy(false);
    if (!res.ok) return setError(res.error);
    setError(null);
    setTarget(null);
    setNote("");
    setRejectReason("");
    onChanged(res.data);
  }

  function submitMove(e: FormEvent) {
    e.preventDefault();
    if (!target) return;
    const patch: CasePatchInput = { status: target };
    if (note.trim()) patch.note = note.trim();
    if (target === "ASSIGNED") {
      patch.assignee = assignee.trim() || null;
      if (dueAt) patch.dueAt = new Date(`${dueAt}T23:59:59`).toISOString();
    }
    if (target === "RESOLVED") patch.resolution = resolution.trim();
    if (target === "REJECTED") patch.rejectReason = rejectReason.trim();
    void send(patch);
  }

  function submitDetails(e: FormEvent) {
    e.preventDefault();
    void send({ assignee: assignee.trim() || null, dueAt: dueAt ? new Date(`${dueAt}T23:59:59`).toISOString() : null });
  }

  // From RESOLVED, going back to IN_PROGRESS is a reopening, not a start.
  const moveLabel = (s: CaseStatus) => (c.status === "RESOLVED" && s === "IN_PROGRESS" ? t("admin.case.reopen") : t(`admin.case.move.${s}`));

  if (detail.nextStatuses.length === 0) return <p className="notice">{t("admin.case.final")}</p>;

  return (
    <div className="bo-case-actions">
      <div className="button-row" role="group" aria-label={t("admin.case.act")}>
        {detail.nextStatuses.map((s) => (
          <button
            key={s}
            type="button"
            className={`button${s === "REJECTED" || s === "OPEN" ? " button--quiet" : " button--primary"}${target === s ? " is-on" : ""}`}
            aria-expanded={target === s}
            onClick={() => {
              setTarget(target === s ? null : s);
              setError(null);
            }}
          >
            {moveLabel(s)}
          </button>
        ))}
      </div>

      {target ? (
        <form className="form card bo-move-form" onSubmit={submitMove} aria-label={moveLabel(target)}>
          {target === "ASSIGNED" ? (
            <>
              <FormField label={t("admin.case.assignee")} required error={details.assignee}>
                {(p) => <input {...p} name="assignee" maxLength={100} value={assignee} onChange={(e) => setAssignee(e.target.value)} />}
              </FormField>
              <FormField label={t("admin.case.dueAt")} error={details.dueAt}>
                {(p) => <input {...p} name="dueAt" type="date" value={dueAt} onChange={(e) => setDueAt(e.target.value)} />}
              </FormField>
            </>
          ) : null}
          {target === "RESOLVED" ? (
            <FormField label={t("admin.case.resolution")} required error={details.resolution}>
              {(p) => <textarea {...p} name="resolution" rows={3} maxLength={2000} value={resolution} onChange={(e) => setResolution(e.target.value)} />}
            </FormField>
          ) : null}
          {target === "REJECTED" ? (
            <FormField label={t("admin.case.rejectReason")} required error={details.rejectReason}>
              {(p) => <textarea {...p} name="rejectReason" rows={2} maxLength={200} value={rejectReason} onChange={(e) => setRejectReason(e.target.value)} />}
            </FormField>
          ) : null}
          <FormField label={t("admin.case.note")} error={details.note}>
            {(p) => <input {...p} name="note" maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />}
          </FormField>
          <FormError error={error} />
          <div className="button-row">
            <button type="submit" className="button button--primary" disabled={busy}>
              {moveLabel(target)}
            </button>
            <button type="button" className="button button--quiet" onClick={() => setTarget(null)}>
              {t("admin.common.close")}
            </button>
          </div>
        </form>
      ) : (
        <details className="bo-case-details">
          <summary>{t("admin.case.editDetails")}</summary>
          <form className="form bo-form-row" onSubmit={submitDetails}>
            <FormField label={t("admin.case.assignee")} error={details.assignee}>
              {(p) => <input {...p} name="assignee" maxLength={100} value={assignee} onChange={(e) => setAssignee(e.target.value)} />}
            </FormField>
            <FormField label={t("admin.case.dueAt")} error={details.dueAt}>
              {(p) => <input {...p} name="dueAt" type="date" value={dueAt} onChange={(e) => setDueAt(e.target.value)} />}
            </FormField>
            <button type="submit" className="button" disabled={busy}>
              {t("common.save")}
            </button>
          </form>
          <FormError error={error} />
        </details>
      )}
    </div>
  );
}
