import { useRef, useState, type FormEvent } from "react";
import { FormField } from "../../components/FormField.tsx";
import { useT } from "../../i18n/useT.ts";
import type { ClientError } from "../../lib/client-error.ts";
import { errorMessage, fieldMessages } from "../../lib/error-message.ts";
import { focusFirstError, focusHeading } from "../../lib/form-focus.ts";
import { ConsentCheck } from "../privacy/ConsentCheck.tsx";
import { ReplyContactFields } from "../privacy/ReplyContactFields.tsx";
import { usePrivacyNotice } from "../privacy/usePrivacyNotice.ts";
import { messageApi } from "./message-api.ts";
import { MessageSent } from "./MessageSent.tsx";
import { attemptFor, type SendAttempt } from "../../lib/send-attempt.ts";

interface Draft {
  name: string;
  phone: string;
  topic: string;
  text: string;
  isPublic: boolean;
  consent: boolean;
  /** the phone is asked for only when the voter wants a reply (docs/PRIVACY.md) */
  wantsReply: boolean;
}
const EMPTY: Draft = { name: "", phone: "", topic: "", text: "", isPublic: false, consent: false, wantsReply: false };

interface Props {
  /** the station that handles the message; "" until the voter picks one of `stations` */
  venueId: string;
  /** addressed to one deputy (their public page) */
  deputy?: { id: string; name: string };
  /** a deputy with several stations: the voter picks the one that handles it (nothing preselected) */
  stations?: readonly { id: string; name: string }[];
}

/** 全天候 message box: the same fields, phone rule, notice and consent as joining a queue; the tracking code at once. */
export function MessageForm({ venueId: givenVenueId, deputy, stations }: Props) {
  const t = useT();
  const [chosenVenueId, setChosenVenueId] = useState(givenVenueId);
  const venueId = stations ? chosenVenueId : givenVenueId;
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<ClientError | null>(null);
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState<string | null>(null);
  const notice = usePrivacyNotice();
  // Kept while the voter resends the same words (the first send may have arrived): see lib/send-attempt.ts.
  const attempt = useRef<SendAttempt | null>(null);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  if (sent) {
    return (
      <MessageSent
        trackingCode={sent}
        onAnother={() => {
          setSent(null);
          setDraft(EMPTY);
        }}
      />
    );
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    const local: Record<string, string> = {};
    if (!venueId) local.venue = t("message.deputy.viaRequired");
    if (!draft.name.trim()) local.name = t("field.required");
    if (!draft.topic.trim()) local.topic = t("field.required");
    if (!draft.text.trim()) local.text = t("field.required");
    const phone = draft.wantsReply ? draft.phone.trim() : "";
    if (phone && !/^[0-9+\-() ]+$/.test(phone)) local.phone = t("field.phone.invalid");
    if (!draft.consent) local.consent = t("message.form.consentRequired");
    setErrors(local);
    setFailure(null);
    if (Object.keys(local).length) return focusFirstError(".message-card");
    setBusy(true);
    const payload = {
      name: draft.name.trim(),
      phone: phone || undefined,
      topic: draft.topic.trim(),
      text: draft.text.trim(),
      isPublic: draft.isPublic,
      ...(notice ? { consentVersion: notice.version } : {}),
      ...(deputy ? { deputyId: deputy.id } : {}),
    };
    attempt.current = attemptFor(attempt.current, { venueId, ...payload });
    const res = await messageApi.leave(venueId, { ...payload, requestId: attempt.current.requestId });
    setBusy(false);
    if (res.ok) {
      attempt.current = null;
      setSent(res.data.trackingCode);
      focusHeading("message-sent-title");
      return;
    }
    setFailure(res.error);
    setErrors(fieldMessages(t, res.error));
    focusFirstError(".message-card");
  }

  return (
    <section className="card message-card" aria-labelledby="message-title" id="message">
      <h2 id="message-title">{deputy ? t("message.form.titleDeputy", { name: deputy.name }) : t("message.form.title")}</h2>
      <p className="muted">{t("message.form.intro")}</p>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate data-testid="message-form">
        {stations ? (
          <FormField label={t("message.deputy.via")} error={errors.venue} required requiredMark={t("field.requiredMark")}>
            {(p) => (
              <select {...p} name="venue" value={chosenVenueId} onChange={(e) => setChosenVenueId(e.target.value)}>
                <option value="" disabled>
                  {t("message.deputy.viaPlaceholder")}
                </option>
                {stations.map((v) => (
                  <option key={v.id} value={v.id}>
                    {v.name}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        ) : null}
        <FormField label={t("common.name")} error={errors.name} required requiredMark={t("field.requiredMark")}>
          {(p) => <input {...p} name="name" autoComplete="name" maxLength={50} value={draft.name} onChange={(e) => set("name", e.target.value)} />}
        </FormField>
        <FormField label={t("join.topic")} hint={t("message.form.topicHint")} error={errors.topic} required requiredMark={t("field.requiredMark")}>
          {(p) => <input {...p} name="topic" maxLength={100} value={draft.topic} onChange={(e) => set("topic", e.target.value)} />}
        </FormField>
        <FormField label={t("message.form.text")} error={errors.text} required requiredMark={t("field.requiredMark")}>
          {(p) => <textarea {...p} name="text" rows={6} maxLength={2000} value={draft.text} onChange={(e) => set("text", e.target.value)} />}
        </FormField>
        <ReplyContactFields
          idPrefix="message"
          wantsReply={draft.wantsReply}
          phone={draft.phone}
          onWantsReply={(v) => set("wantsReply", v)}
          onPhone={(v) => set("phone", v)}
          phoneError={errors.phone}
        />
        <div className="check">
          <input id="message-public" type="checkbox" name="isPublic" checked={draft.isPublic} onChange={(e) => set("isPublic", e.target.checked)} aria-describedby="message-public-hint" />
          <label htmlFor="message-public">{t("message.form.isPublic")}</label>
          <p id="message-public-hint" className="field__hint">
            {t("message.form.isPublicHint")}
          </p>
        </div>
        <ConsentCheck id="message-consent" notice={notice} checked={draft.consent} onChange={(v) => set("consent", v)} error={errors.consent} />
        {failure && failure.code !== "BAD_REQUEST" ? (
          <p className="form__error" role="alert">
            {failure.code === "RATE_LIMITED" ? t("message.form.rateLimited") : errorMessage(t, failure)}
          </p>
        ) : null}
        <button type="submit" className="button button--primary button--large" disabled={busy}>
          {busy ? t("message.form.sending") : t("message.form.submit")}
        </button>
      </form>
    </section>
  );
}
