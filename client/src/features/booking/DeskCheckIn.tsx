import { useState, type FormEvent } from "react";
import type { JoinResult } from "@protocol/events.ts";
import { FormField } from "../../components/FormField.tsx";
import { useT } from "../../i18n/useT.ts";
import "./booking.css";
import type { ClientError } from "../../lib/client-error.ts";
import { errorMessage } from "../../lib/error-message.ts";
import { deskCheckIn } from "../../socket.ts";

/** The desk checks a booking in by its code (typed, or read by a scanner that types it): an in-person ticket. */
export function DeskCheckIn({ sessionId, onCheckedIn }: { sessionId: string; onCheckedIn: (r: JoinResult) => void }) {
  const t = useT();
  const [code, setCode] = useState("");
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ClientError | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    // A scanned QR types the whole link: keep only the code at its end.
    const typed = code.trim().split("/").pop() ?? "";
    if (!typed) return;
    setBusy(true);
    setFailure(null);
    const res = await deskCheckIn(sessionId, typed);
    setBusy(false);
    if (res.ok) {
      setDone(t("desk.checkIn.done", { name: res.data.ticket.name, label: res.data.ticket.label }));
      setCode("");
      onCheckedIn(res.data);
    } else {
      setDone(null);
      setFailure(res.error);
    }
  }

  const why = failure?.code === "CONFLICT" ? t("desk.checkIn.conflict") : failure?.code === "NOT_FOUND" || failure?.code === "BAD_REQUEST" ? t("desk.checkIn.notFound") : failure ? errorMessage(t, failure) : null;
  return (
    <section className="panel" aria-labelledby="desk-check-in-title" data-testid="desk-check-in">
      <h2 id="desk-check-in-title">{t("desk.checkIn.title")}</h2>
      <form className="form form--inline" onSubmit={(e) => void submit(e)} noValidate>
        <FormField label={t("desk.checkIn.code")} hint={t("desk.checkIn.hint")}>
          {(p) => <input {...p} name="bookingCode" autoComplete="off" autoCapitalize="characters" maxLength={200} value={code} onChange={(e) => setCode(e.target.value)} />}
        </FormField>
        <button type="submit" className="button button--primary" disabled={busy}>
          {t("desk.checkIn.submit")}
        </button>
      </form>
      {done ? (
        <p className="notice notice--ok" role="status" data-testid="desk-check-in-done">
          {done}
        </p>
      ) : null}
      {why ? (
        <p className="form__error" role="alert">
          {why}
        </p>
      ) : null}
    </section>
  );
}
