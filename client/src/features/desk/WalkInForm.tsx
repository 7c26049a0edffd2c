import { useEffect, useRef, useState, type FormEvent } from "react";
import type { InvitationView } from "@protocol/forums.ts";
import type { SessionView } from "@protocol/model.ts";
import type { JoinResult } from "@protocol/events.ts";
import { FormField } from "../../components/FormField.tsx";
import { EMPTY_VOTER_FIELDS, useVoterForm, type VoterFields } from "../../hooks/useVoterForm.ts";
import { useT, type MessageKey } from "../../i18n/useT.ts";
import { errorMessage, fieldMessages } from "../../lib/error-message.ts";
import { registerWalkIn } from "../../socket.ts";
import { PrivacyNoticeBox } from "../privacy/PrivacyNoticeBox.tsx";
import { usePrivacyNotice } from "../privacy/usePrivacyNotice.ts";
import { forumApi } from "../forum/forum-api.ts";
import { defaultSpeakItem, openItems } from "../forum/forum-logic.ts";
import { AgendaItemSelect } from "../forum/AgendaItemSelect.tsx";

const PRIORITY_REASONS: MessageKey[] = ["reason.elderly", "reason.disabled", "reason.pregnant", "reason.urgent"];

interface Draft extends VoterFields {
  priority: string;
  /** the clerk showed (or read out) the privacy notice to this walk-in */
  noticeShown: boolean;
  /** 座谈会: the agenda item to speak on ("" = the default) and the invitee checked in ("" = a walk-in) */
  agendaItemId: string;
  invitationId: string;
}
const EMPTY: Draft = { ...EMPTY_VOTER_FIELDS, priority: "", noticeShown: false, agendaItemId: "", invitationId: "" };

/** Registers a walk-in from the keyboard: type, Tab, Enter — the ticket prints next. */
export function WalkInForm({ session, onRegistered }: { session: SessionView; onRegistered: (r: JoinResult) => void }) {
  const t = useT();
  const { draft, setDraft, set, errors, setErrors, failure, setFailure, busy, setBusy } = useVoterForm(EMPTY);
  const nameRef = useRef<HTMLInputElement>(null);
  const notice = usePrivacyNotice();
  const forum = session.kind === "FORUM";
  const [invitees, setInvitees] = useState<InvitationView[]>([]);
  const [inviteesKey, setInviteesKey] = useState(0);
  useEffect(() => {
    if (!forum) return;
    let cancelled = false;
    void forumApi.invitations(session.id).then((res) => {
      if (!cancelled && res.ok) setInvitees(res.data.invitations.filter((i) => !i.ticketId && i.rsvp !== "DECLINED"));
    });
    return () => {
      cancelled = true;
    };
  }, [forum, session.id, inviteesKey]);
  const items = forum ? openItems(session) : [];
  const chosenItem = items.find((i) => i.id === draft.agendaItemId) ?? defaultSpeakItem(session);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const local: Record<string, string> = {};
    if (!draft.name.trim()) local.name = t("field.required");
    if (!draft.topic.trim()) local.topic = t("field.required");
    setErrors(local);
    setFailure(null);
    if (Object.keys(local).length) return;
    setBusy(true);
    const res = await registerWalkIn({
      sessionId: session.id,
      name: draft.name.trim(),
      phone: draft.phone.trim() || undefined,
      topic: draft.topic.trim(),
      question: draft.question.trim() || undefined,
      isPublic: draft.isPublic,
      priority: draft.priority || undefined,
      ...(notice && draft.noticeShown ? { consentVersion: notice.version } : {}),
      ...(forum && chosenItem ? { agendaItemId: chosenItem.id } : {}),
      ...(forum && draft.invitationId ? { invitationId: draft.invitationId } : {}),
    });
    setBusy(false);
    if (!res.ok) {
      setFailure(res.error);
      setErrors(fieldMessages(t, res.error));
      return;
    }
    setDraft(EMPTY);
    if (forum && draft.invitationId) setInviteesKey((k) => k + 1);
    onRegistered(res.data);
  }

  return (
    <section className="panel" aria-labelledby="walk-in-title">
      <h2 id="walk-in-title">{t("desk.form.title")}</h2>
      <form className="form desk-form" onSubmit={(e) => void submit(e)} noValidate data-testid="walk-in-form">
        {forum && invitees.length ? (
          <FormField label={t("forum.desk.invitee")} error={errors.invitationId}>
            {(p) => (
              <select
                {...p}
                name="invitationId"
                value={draft.invitationId}
                onChange={(e) => {
                  const chosen = invitees.find((i) => i.id === e.target.value);
                  setDraft((d) => ({ ...d, invitationId: e.target.value, name: chosen ? chosen.name : d.name }));
                }}
              >
                <option value="">{t("forum.desk.noInvitee")}</option>
                {invitees.map((i) => (
                  <option key={i.id} value={i.id}>
                    {i.name}
                    {i.organization ? ` · ${i.organization}` : ""} · {t(`forum.invite.role.${i.role}`)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        ) : null}
        <FormField label={t("common.name")} error={errors.name} required requiredMark={t("field.requiredMark")}>
          {(p) => (
            <input {...p} ref={nameRef} name="name" maxLength={50} autoFocus autoComplete="off" value={draft.name} onChange={(e) => set("name", e.target.value)} />
          )}
        </FormField>
        <FormField label={t("join.phone")} error={errors.phone}>
          {(p) => <input {...p} name="phone" type="tel" maxLength={30} autoComplete="off" value={draft.phone} onChange={(e) => set("phone", e.target.value)} />}
        </FormField>
        <FormField label={t("join.topic")} error={errors.topic} required requiredMark={t("field.requiredMark")}>
          {(p) => <input {...p} name="topic" maxLength={100} autoComplete="off" value={draft.topic} onChange={(e) => set("topic", e.target.value)} />}
        </FormField>
        {forum ? <AgendaItemSelect label={t("forum.desk.item")} items={items} value={chosenItem?.id ?? ""} onChange={(v) => set("agendaItemId", v)} error={errors.agendaItemId} /> : null}
        <FormField label={t("join.question")} error={errors.question}>
          {(p) => <input {...p} name="question" maxLength={2000} autoComplete="off" value={draft.question} onChange={(e) => set("question", e.target.value)} />}
        </FormField>
        <FormField label={t("desk.form.priority")} error={errors.priority}>
          {(p) => (
            <select {...p} name="priority" value={draft.priority} onChange={(e) => set("priority", e.target.value)}>
              <option value="">{t("desk.form.noPriority")}</option>
              {PRIORITY_REASONS.map((key) => (
                <option key={key} value={t(key)}>
                  {t(key)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <div className="check">
          <input id="desk-public" type="checkbox" checked={draft.isPublic} onChange={(e) => set("isPublic", e.target.checked)} />
          <label htmlFor="desk-public">{t("desk.form.isPublic")}</label>
        </div>
        <PrivacyNoticeBox notice={notice} />
        {notice ? (
          <div className="check">
            <input id="desk-notice" type="checkbox" name="noticeShown" checked={draft.noticeShown} onChange={(e) => set("noticeShown", e.target.checked)} />
            <label htmlFor="desk-notice">{t("privacy.desk.noticeShown", { n: notice.version })}</label>
          </div>
        ) : null}
        {failure && failure.code !== "BAD_REQUEST" ? (
          <p className="form__error" role="alert">
            {errorMessage(t, failure)}
          </p>
        ) : null}
        <button type="submit" className="button button--primary button--large" disabled={busy || session.status === "ENDED"}>
          {t("desk.form.submit")}
        </button>
      </form>
    </section>
  );
}
