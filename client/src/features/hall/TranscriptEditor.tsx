import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import { SPEAKER_ROLES, type SessionView, type SpeakerRole, type TicketView, type TranscriptEntryView, type TranscriptKind, type UserView } from "@protocol/model.ts";
import { maskName } from "@domain/privacy.ts";
import { useAction } from "../../hooks/useAction.ts";
import { useT } from "../../i18n/useT.ts";
import { errorMessage } from "../../lib/error-message.ts";
import { appendTranscript } from "../../socket.ts";
import { transcriptLines } from "../../stores/live-session-selectors.ts";
import { TranscriptLine } from "./TranscriptLine.tsx";

/** In the order a recorder picks them, a question first: not the protocol's order. */
const KINDS: TranscriptKind[] = ["QUESTION", "ANSWER", "NOTE", "SYSTEM"];
const ROLE_FOR_KIND: Record<TranscriptKind, SpeakerRole> = { QUESTION: "VOTER", ANSWER: "DEPUTY", NOTE: "STAFF", SYSTEM: "SYSTEM" };
/** A line becomes a caption on the screen and every phone: a voter is named as the queue names them (label, 张*). */
const voterSpeaker = (ticket: TicketView) => `${ticket.label} ${maskName(ticket.name)}`;

interface Props {
  session: SessionView;
  transcript: TranscriptEntryView[];
  current: TicketView | undefined;
  user: UserView | null;
}

/** The recorder's desk: type, Enter appends; pick kind and speaker; amend a line; staff-only notes. */
export function TranscriptEditor({ session, transcript, current, user }: Props) {
  const t = useT();
  const { busy, error, run } = useAction();
  const [kind, setKind] = useState<TranscriptKind>("ANSWER");
  const [role, setRole] = useState<SpeakerRole>("DEPUTY");
  const [speakerName, setSpeakerName] = useState("");
  const [nameTouched, setNameTouched] = useState(false);
  const [staffOnly, setStaffOnly] = useState(false);
  const [text, setText] = useState("");
  const listRef = useRef<HTMLOListElement>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const lines = transcriptLines(transcript);

  // Suggest who is speaking until the recorder types a name themselves.
  const suggestedName =
    role === "VOTER" ? (current ? voterSpeaker(current) : "") : role === "DEPUTY" ? (user?.role === "DEPUTY" ? user.displayName : (session.deputies[0] ?? "")) : role === "STAFF" ? (user?.role !== "DEPUTY" ? (user?.displayName ?? "") : "") : "";
  const shownName = nameTouched ? speakerName : suggestedName;

  useEffect(() => {
    const el = listRef.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [lines.length]);

  async function append() {
    const body = text.trim();
    if (!body || busy) return;
    const res = await run(() =>
      appendTranscript({
        sessionId: session.id,
        ticketId: current?.id,
        kind,
        speakerRole: role,
        speakerName: shownName.trim() || undefined,
        text: body,
        visibility: staffOnly ? "STAFF" : "PUBLIC",
      }),
    );
    if (res.ok) setText("");
    textRef.current?.focus();
  }

  function onKeyDown(e: KeyboardEvent<HTMLTextAreaElement>) {
    if (e.key === "Enter" && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      void append();
    }
  }

  return (
    <section className="panel transcript-editor" aria-labelledby="transcript-title">
      <h2 id="transcript-title">{t("transcript.title")}</h2>
      <ol className="transcript-list" ref={listRef} aria-live="off" data-testid="transcript-list">
        {lines.length === 0 ? <li className="muted">{t("transcript.empty")}</li> : null}
        {lines.map((line) => (
          <TranscriptLine key={line.id} line={line} />
        ))}
      </ol>
      <div className="transcript-composer">
        <div className="transcript-composer__row">
          <label>
            <span className="field__label">{t("transcript.kind")}</span>
            <select
              value={kind}
              onChange={(e) => {
                const k = e.target.value as TranscriptKind;
                setKind(k);
                setRole(ROLE_FOR_KIND[k]);
                setNameTouched(false);
              }}
            >
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`transcriptKind.${k}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span className="field__label">{t("transcript.speaker")}</span>
            <select
              value={role}
              onChange={(e) => {
                setRole(e.target.value as SpeakerRole);
                setNameTouched(false);
              }}
            >
              {SPEAKER_ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`speakerRole.${r}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span className="field__label">{t("common.name")}</span>
            <input
              value={shownName}
              maxLength={50}
              onChange={(e) => {
                setNameTouched(true);
                setSpeakerName(e.target.value);
              }}
            />
          </label>
          <div className="check check--inline">
            <input id="transcript-staff-only" type="checkbox" checked={staffOnly} onChange={(e) => setStaffOnly(e.target.checked)} />
            <label htmlFor="transcript-staff-only">{t("transcript.staffOnly")}</label>
          </div>
        </div>
        <label className="visually-hidden" htmlFor="transcript-text">
          {t("transcript.text")}
        </label>
        <textarea
          id="transcript-text"
          ref={textRef}
          className="transcript-composer__text"
          rows={2}
          maxLength={5000}
          placeholder={t("transcript.placeholder")}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onKeyDown}
          data-testid="transcript-input"
        />
        <div className="button-row">
          <span className="muted">{current ? t("transcript.attachedTo", { label: current.label }) : t("transcript.notAttached")}</span>
          <button type="button" className="button button--primary" disabled={busy || !text.trim()} onClick={() => void append()}>
            {t("transcript.append")}
          </button>
        </div>
        {error ? (
          <p className="form__error" role="alert">
            {errorMessage(t, error)}
          </p>
        ) : null}
      </div>
    </section>
  );
}
