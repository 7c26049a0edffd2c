import { useEffect, useRef, useState, type FormEvent } from "react";
import type { BookingPublicView } from "@protocol/bookings.ts";
import type { SessionView } from "@protocol/model.ts";
import { api } from "../../api.ts";
import { FormField } from "../../components/FormField.tsx";
import { EMPTY_VOTER_FIELDS, useVoterForm, type VoterFields } from "../../hooks/useVoterForm.ts";
import { useT } from "../../i18n/useT.ts";
import "./booking.css";
import { errorMessage, fieldMessages } from "../../lib/error-message.ts";
import { attemptFor, type SendAttempt } from "../../lib/send-attempt.ts";
import { ConsentCheck } from "../privacy/ConsentCheck.tsx";
import { usePrivacyNotice } from "../privacy/usePrivacyNotice.ts";
import { bookPlace } from "./booking-api.ts";
import { BookingConfirmation } from "./BookingConfirmation.tsx";

type Window = "open" | "notYet" | "closed";

/** Where the day's booking window stands now (the server decides; this only picks the words). */
export function bookingWindow(session: SessionView, now = Date.now()): Window | null {
  if (!session.bookingCapacity) return null;
  if (session.status === "ENDED") return "closed";
  if (session.bookingOpensAt && now < Date.parse(session.bookingOpensAt)) return "notYet";
  if (now >= Date.parse(session.bookingClosesAt ?? session.startsAt)) return "closed";
  return "open";
}

interface Draft extends VoterFields {
  consent: boolean;
}
const EMPTY: Draft = { ...EMPTY_VOTER_FIELDS, consent: false };

/** 预约 on the voter's page: places left, the form, then the code with its QR and link. */
export function BookingPanel({ session }: { session: SessionView }) {
  const t = useT();
  const [placesLeft, setPlacesLeft] = useState<number | null>(null);
  const { draft, set, errors, setErrors, failure, setFailure, busy, setBusy } = useVoterForm(EMPTY);
  const [done, setDone] = useState<BookingPublicView | null>(null);
  const window_ = bookingWindow(session);
  const notice = usePrivacyNotice();
  // Kept while the voter presses 预约 again with the same details (the first may have booked): see lib/send-attempt.ts.
  const attempt = useRef<SendAttempt | null>(null);

  useEffect(() => {
    if (!session.bookingCapacity) return;
    void api.session(session.id).then((r) => {
      if (r.ok) setPlacesLeft(r.data.session.placesLeft);
    });
  }, [session.id, session.bookingCapacity, done]);

  if (!window_) return null;
  if (done) return <BookingConfirmation booking={done} />;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const local: Record<string, string> = {};
    if (!draft.name.trim()) local.name = t("field.required");
    if (!draft.topic.trim()) local.topic = t("field.required");
    if (draft.phone.trim() && !/^[0-9+\-() ]+$/.test(draft.phone.trim())) local.phone = t("field.phone.invalid");
    if (!draft.consent) local.consent = t("booking.consentRequired");
    setErrors(local);
    setFailure(null);
    if (Object.keys(local).length) return;
    setBusy(true);
    const payload = {
      name: draft.name.trim(),
      phone: draft.phone.trim() || undefined,
      topic: draft.topic.trim(),
      question: draft.question.trim() || undefined,
      isPublic: draft.isPublic,
      ...(notice ? { consentVersion: notice.version } : {}),
    };
    attempt.current = attemptFor(attempt.current, { sessionId: session.id, ...payload });
    const res = await bookPlace(session.id, { ...payload, requestId: attempt.current.requestId });
    setBusy(false);
    if (res.ok) {
      attempt.current = null;
      setDone(res.data.booking);
      return;
    }
    setFailure(res.error);
    setErrors(fieldMessages(t, res.error));
  }

  return (
    <section className="card join-card booking-card" aria-labelledby="booking-title" id="booking" data-testid="booking-panel">
      <h2 id="booking-title">{t("booking.title")}</h2>
      {window_ === "notYet" ? <p className="notice">{t("booking.notOpen")}</p> : null}
      {window_ === "closed" ? <p className="notice">{t("booking.closed")}</p> : null}
      {window_ === "open" ? (
        <>
          <p className="muted">{t("booking.intro")}</p>
          {placesLeft !== null ? (
            <p className={placesLeft > 0 ? "booking-card__places" : "notice"} data-testid="booking-places">
              {placesLeft > 0 ? t("booking.placesLeft", { n: placesLeft }) : t("booking.full")}
            </p>
          ) : null}
          <form className="form" onSubmit={(e) => void submit(e)} noValidate data-testid="booking-form">
            <FormField label={t("common.name")} error={errors.name} required requiredMark={t("field.requiredMark")}>
              {(p) => <input {...p} name="name" autoComplete="name" maxLength={50} value={draft.name} onChange={(e) => set("name", e.target.value)} />}
            </FormField>
            <FormField label={t("join.phone")} hint={t("join.phoneHint")} error={errors.phone}>
              {(p) => <input {...p} name="phone" type="tel" inputMode="tel" autoComplete="tel" maxLength={30} value={draft.phone} onChange={(e) => set("phone", e.target.value)} />}
            </FormField>
            <FormField label={t("join.topic")} hint={t("join.topicHint")} error={errors.topic} required requiredMark={t("field.requiredMark")}>
              {(p) => <input {...p} name="topic" maxLength={100} value={draft.topic} onChange={(e) => set("topic", e.target.value)} />}
            </FormField>
            <FormField label={t("join.question")} error={errors.question}>
              {(p) => <textarea {...p} name="question" rows={3} maxLength={2000} value={draft.question} onChange={(e) => set("question", e.target.value)} />}
            </FormField>
            <div className="check">
              <input id="booking-public" type="checkbox" name="isPublic" checked={draft.isPublic} onChange={(e) => set("isPublic", e.target.checked)} />
              <label htmlFor="booking-public">{t("join.isPublic")}</label>
            </div>
            <ConsentCheck id="booking-consent" notice={notice} checked={draft.consent} onChange={(v) => set("consent", v)} error={errors.consent} />
            {failure && failure.code !== "BAD_REQUEST" ? (
              <p className="form__error" role="alert">
                {failure.code === "CONFLICT" ? t("booking.conflict") : errorMessage(t, failure)}
              </p>
            ) : null}
            <button type="submit" className="button button--primary button--large" disabled={busy}>
              {busy ? t("booking.submitting") : t("booking.submit")}
            </button>
          </form>
        </>
      ) : null}
    </section>
  );
}
