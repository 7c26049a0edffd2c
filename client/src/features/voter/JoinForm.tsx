import { useEffect, useLayoutEffect, useRef, useState, type FormEvent } from "react";
import type { SessionView } from "@protocol/model.ts";
import { FormField } from "../../components/FormField.tsx";
import { EMPTY_VOTER_FIELDS, useVoterForm, type VoterFields } from "../../hooks/useVoterForm.ts";
import { useT } from "../../i18n/useT.ts";
import { unlockSound } from "../../lib/attention.ts";
import { errorMessage, fieldMessages } from "../../lib/error-message.ts";
import { focusFirstError, focusHeading } from "../../lib/form-focus.ts";
import { joinQueue } from "../../socket.ts";
import { ConsentCheck } from "../privacy/ConsentCheck.tsx";
import { usePrivacyNotice } from "../privacy/usePrivacyNotice.ts";
import { forumApi } from "../forum/forum-api.ts";
import { defaultSpeakItem, openItems } from "../forum/forum-logic.ts";
import { AgendaItemSelect } from "../forum/AgendaItemSelect.tsx";
import { ReplyContactFields } from "../privacy/ReplyContactFields.tsx";
import { dropFirstView } from "../../lib/first-view.ts";
import { draftFromStandIn, placeLikeStandIn, readStandIn } from "./join-handover.ts";

interface Draft extends VoterFields {
  consent: boolean;
  /** the phone is asked for only when the voter wants a reply (docs/PRIVACY.md) */
  wantsReply: boolean;
}
const EMPTY: Draft = { ...EMPTY_VOTER_FIELDS, consent: false, wantsReply: false };

/**
 * Join the queue online: name, topic, question, a phone only for a reply,
 * consent to the notice. In a forum (`inviteToken` given) it is 申请发言: the
 * invitation's name comes prefilled and the speaker chooses the agenda item.
 */
export function JoinForm({ session, inviteToken }: { session: SessionView; inviteToken?: string | null }) {
  const t = useT();
  const forum = session.kind === "FORUM";
  // The server's stand-in form, read once as this form first renders (join-handover.ts): the
  // draft starts from what the voter typed there, and the same commit removes it.
  const [standIn] = useState(() => readStandIn());
  const { draft, setDraft, set, errors, setErrors, failure, setFailure, busy, setBusy } = useVoterForm(standIn ? draftFromStandIn(EMPTY, standIn.fields) : EMPTY);
  const formRef = useRef<HTMLFormElement>(null);
  useLayoutEffect(() => {
    if (!standIn) return;
    dropFirstView();
    if (formRef.current) placeLikeStandIn(formRef.current, standIn);
  }, [standIn]);
  const [itemId, setItemId] = useState<string>("");
  const [invitedName, setInvitedName] = useState<string | null>(null);
  const notice = usePrivacyNotice();

  useEffect(() => {
    if (!forum || !inviteToken) return;
    let cancelled = false;
    void forumApi.invitation(inviteToken).then((res) => {
      if (cancelled || !res.ok) return;
      setInvitedName(res.data.name);
      setDraft((d) => (d.name ? d : { ...d, name: res.data.name }));
    });
    return () => {
      cancelled = true;
    };
  }, [forum, inviteToken, setDraft]);

  if (session.status === "ENDED") return <p className="notice">{forum ? t("forum.join.ended") : t("join.ended")}</p>;
  if (!session.queueOpen) return <p className="notice">{t("join.closed")}</p>;
  const items = forum ? openItems(session) : [];
  if (forum && items.length === 0) return <p className="notice">{t("forum.join.agendaDone")}</p>;
  // The chosen item, or the default one if that item has since ended.
  const chosenItem = items.find((i) => i.id === itemId) ?? defaultSpeakItem(session);

  async function submit(e: FormEvent) {
    e.preventDefault();
    unlockSound(); // this click is the gesture that lets the page beep later
    const local: Record<string, string> = {};
    if (!draft.name.trim()) local.name = t("field.required");
    if (!draft.topic.trim()) local.topic = t("field.required");
    const phone = draft.wantsReply ? draft.phone.trim() : "";
    if (phone && !/^[0-9+\-() ]+$/.test(draft.phone.trim())) local.phone = t("field.phone.invalid");
    if (!draft.consent) local.consent = t("field.consentRequired");
    setErrors(local);
    setFailure(null);
    if (Object.keys(local).length) {
      focusFirstError(".join-card");
      return;
    }
    setBusy(true);
    const res = await joinQueue({
      sessionId: session.id,
      name: draft.name.trim(),
      phone: phone || undefined,
      topic: draft.topic.trim(),
      question: draft.question.trim() || undefined,
      isPublic: draft.isPublic,
      ...(notice ? { consentVersion: notice.version } : {}),
      ...(forum && inviteToken ? { invitationToken: inviteToken } : {}),
      ...(forum && chosenItem ? { agendaItemId: chosenItem.id } : {}),
    });
    setBusy(false);
    if (res.ok) {
      // The form is gone; take the reader (and the screen reader) to their new ticket.
      focusHeading("my-ticket-title");
      return;
    }
    setFailure(res.error);
    setErrors(fieldMessages(t, res.error));
    focusFirstError(".join-card");
  }

  return (
    <section className="card join-card" aria-labelledby="join-title" id="join">
      <h2 id="join-title">{forum ? t("forum.join.title") : t("join.title")}</h2>
      <p className="muted">{forum ? t("forum.join.intro") : t("join.intro")}</p>
      {forum && invitedName ? <p className="join-card__invited">{t("forum.join.invitedAs", { name: invitedName })}</p> : null}
      <form ref={formRef} className="form" onSubmit={(e) => void submit(e)} noValidate>
        {forum ? <AgendaItemSelect label={t("forum.join.item")} items={items} value={chosenItem?.id ?? ""} onChange={setItemId} error={errors.agendaItemId} required /> : null}
        <FormField label={t("common.name")} error={errors.name} required requiredMark={t("field.requiredMark")}>
          {(p) => <input {...p} name="name" autoComplete="name" maxLength={50} value={draft.name} onChange={(e) => set("name", e.target.value)} />}
        </FormField>
        <ReplyContactFields
          idPrefix="join"
          wantsReply={draft.wantsReply}
          phone={draft.phone}
          onWantsReply={(v) => set("wantsReply", v)}
          onPhone={(v) => set("phone", v)}
          phoneError={errors.phone}
        />
        <FormField
          label={forum ? t("forum.join.topic") : t("join.topic")}
          hint={forum ? t("forum.join.topicHint") : t("join.topicHint")}
          error={errors.topic}
          required
          requiredMark={t("field.requiredMark")}
        >
          {(p) => <input {...p} name="topic" maxLength={100} value={draft.topic} onChange={(e) => set("topic", e.target.value)} />}
        </FormField>
        <FormField label={t("join.question")} error={errors.question}>
          {(p) => <textarea {...p} name="question" rows={4} maxLength={2000} value={draft.question} onChange={(e) => set("question", e.target.value)} />}
        </FormField>
        <div className="check">
          <input id="join-public" type="checkbox" name="isPublic" checked={draft.isPublic} onChange={(e) => set("isPublic", e.target.checked)} aria-describedby="join-public-hint" />
          <label htmlFor="join-public">{t("join.isPublic")}</label>
          <p id="join-public-hint" className="field__hint">
            {t("join.isPublicHint")}
          </p>
        </div>
        <ConsentCheck id="join-consent" notice={notice} checked={draft.consent} onChange={(v) => set("consent", v)} error={errors.consent} />
        {failure && failure.code !== "BAD_REQUEST" ? (
          <p className="form__error" role="alert">
            {forum && failure.code === "FORBIDDEN"
              ? t("forum.join.invitationRequired")
              : forum && failure.code === "CONFLICT" && /invitation/i.test(failure.message)
                ? t("forum.join.invitationUsed")
                : failure.code === "CONFLICT"
                  ? t("join.conflict")
                  : errorMessage(t, failure)}
          </p>
        ) : null}
        <button type="submit" className="button button--primary button--large" disabled={busy}>
          {busy ? t("join.submitting") : forum ? t("forum.join.submit") : t("join.submit")}
        </button>
      </form>
    </section>
  );
}
