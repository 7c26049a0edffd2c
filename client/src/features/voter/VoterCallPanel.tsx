import { useEffect, useState } from "react";
import type { TicketView } from "@protocol/model.ts";
import { useT } from "../../i18n/useT.ts";
import {
  acceptIncomingCall,
  declineIncomingCall,
  hangUp,
  playBlockedAudio,
  prepareCalls,
  prepareMicrophone,
  releaseMicrophone,
  resumeCall,
  setCameraWanted,
  wasOnThisPage,
} from "../call/call-controller.ts";
import { micProblemKey, requestProblemKey, voterReasonKey } from "../call/call-messages.ts";
import { isCallActive } from "../call/call-reducer.ts";
import { useCall } from "../call/call-store.ts";
import { LevelMeter } from "../call/LevelMeter.tsx";
import { listMicrophones, micUnavailableReason, type MicDevice } from "../call/media-access.ts";
import { useStreamLevel } from "../call/useStreamLevel.ts";

/**
 * The voter's side of a call: a microphone check while waiting, the ringing
 * call with answer/decline, the call itself, and what happened after. Text
 * stays the fallback: the voter's question was submitted in writing anyway.
 * A page that comes back during a call (a reload) rejoins it by itself.
 */
export function VoterCallPanel({ ticket }: { ticket: TicketView }) {
  const t = useT();
  const call = useCall();
  useEffect(() => prepareCalls(), []);
  // Leaving the page (or the ticket ending) closes the microphone.
  useEffect(() => () => releaseMicrophone(), []);
  const onTurn = ticket.status === "WAITING" || ticket.status === "CALLED" || ticket.status === "SPEAKING";
  useEffect(() => {
    if (!onTurn && !isCallActive(useCall.getState())) releaseMicrophone();
  }, [onTurn]);

  const mine = call.role === "voter" && call.ticketId === ticket.id;
  const interrupted = mine && call.phase === "interrupted";
  const reloaded = interrupted && !!call.callId && wasOnThisPage(call.callId);
  // The ticket is resumed (this socket follows it again): a reloaded page takes its call back without a check.
  useEffect(() => {
    if (reloaded) void resumeCall();
  }, [reloaded]);
  if (ticket.channel !== "ONLINE" || (!onTurn && !(mine && isCallActive(call)))) return null;

  return (
    <section className="card call-card" aria-labelledby="voter-call-title" data-testid="voter-call" data-phase={mine ? call.phase : "idle"} data-media={call.media}>
      <h2 id="voter-call-title">{t("call.voter.title")}</h2>
      {mine && call.phase === "ringing" ? <Ringing withCamera={call.withCamera} /> : null}
      {interrupted ? <Interrupted reloaded={reloaded} /> : null}
      {mine && (call.phase === "connected" || call.phase === "muted") ? <OnTheLine muted={call.phase === "muted"} /> : null}
      {mine && call.phase === "ended" ? (
        <div className="notice" role="status" data-testid="voter-call-ended">
          <p>{t(voterReasonKey(call.endReason))}</p>
          {/* After a call, what comes next — not the waiting room's microphone check again. */}
          <p>{t(ticket.status === "WAITING" ? "call.voter.next.waiting" : "call.voter.next.onTurn")}</p>
        </div>
      ) : null}
      {/* Speaking already (a page that came back mid-call learns of its call a moment later): no check then. */}
      {!mine && ticket.status !== "SPEAKING" ? <MicCheck /> : null}
      {call.micProblem ? (
        <p className="notice notice--warn" role="alert" data-testid="mic-problem" data-problem={call.micProblem}>
          {t(micProblemKey(call.micProblem))} {t("call.voter.fallback")}
        </p>
      ) : null}
      {call.problem ? (
        <p className="form__error" role="alert">
          {t(requestProblemKey(call.problem))}
        </p>
      ) : null}
    </section>
  );
}

function Ringing({ withCamera }: { withCamera: boolean }) {
  const t = useT();
  return (
    <div className="call-card__ringing" role="alertdialog" aria-labelledby="ringing-text">
      <p id="ringing-text" className="call-card__ringing-text">
        {t("call.voter.ringing")}
      </p>
      <label className="checkbox">
        <input type="checkbox" checked={withCamera} onChange={(e) => setCameraWanted(e.target.checked)} /> {t("call.voter.camera")}
      </label>
      <div className="button-row">
        <button type="button" className="button button--primary button--large" data-testid="call-accept" onClick={() => void acceptIncomingCall()} autoFocus>
          {t("call.voter.accept")}
        </button>
        <button type="button" className="button" data-testid="call-decline" onClick={() => void declineIncomingCall()}>
          {t("call.voter.decline")}
        </button>
      </div>
    </div>
  );
}

/**
 * The call goes on without this page: a reloaded page reconnects by itself (the
 * button is for a browser that wants a tap); another tab takes it over on a tap.
 */
function Interrupted({ reloaded }: { reloaded: boolean }) {
  const t = useT();
  return (
    <div className="call-card__ringing" role="alertdialog" aria-labelledby="interrupted-text" data-testid="call-interrupted">
      <p id="interrupted-text" className="call-card__ringing-text">
        {t(reloaded ? "call.voter.interrupted" : "call.voter.elsewhere")}
      </p>
      <ResumeButton onClick={() => void resumeCall()} />
    </div>
  );
}

function ResumeButton({ onClick }: { onClick: () => void }) {
  const t = useT();
  return (
    <button type="button" className="button button--primary button--large" data-testid="call-resume" onClick={onClick}>
      {t("call.voter.resume")}
    </button>
  );
}

function OnTheLine({ muted }: { muted: boolean }) {
  const t = useT();
  const mic = useCall((s) => s.micStream);
  const media = useCall((s) => s.media);
  const audioBlocked = useCall((s) => s.audioBlocked);
  const level = useStreamLevel(mic);
  return (
    <div className="call-card__live">
      <p role="status" aria-live="polite" className="call-card__state">
        {t(muted ? "call.voter.muted" : "call.voter.connected")} · {t(`call.media.${media}`)}
      </p>
      {audioBlocked ? (
        <>
          <p className="notice notice--warn">{t("call.voter.audioBlocked")}</p>
          <ResumeButton onClick={playBlockedAudio} />
        </>
      ) : null}
      <LevelMeter level={muted ? 0 : level} label={t("call.level.mine")} testId="voter-level" />
      <button type="button" className="button button--danger button--large" data-testid="call-hang-up" onClick={() => void hangUp()}>
        {t("call.hangUp")}
      </button>
    </div>
  );
}

/** While waiting: open the microphone once, see the level move, pick another device. */
function MicCheck() {
  const t = useT();
  const mic = useCall((s) => s.micStream);
  const deviceId = useCall((s) => s.micDeviceId);
  const level = useStreamLevel(mic);
  const [devices, setDevices] = useState<MicDevice[]>([]);
  const blocked = micUnavailableReason();

  useEffect(() => {
    if (mic) void listMicrophones().then(setDevices, () => setDevices([]));
  }, [mic]);

  if (blocked) {
    return (
      <p className="notice notice--warn" data-testid="mic-problem" data-problem={blocked}>
        {t(micProblemKey(blocked))} {t("call.voter.fallback")}
      </p>
    );
  }
  if (!mic) {
    return (
      <div className="mic-check">
        <p>{t("call.mic.intro")}</p>
        <button type="button" className="button" data-testid="mic-check" onClick={() => void prepareMicrophone()}>
          {t("call.mic.check")}
        </button>
      </div>
    );
  }
  return (
    <div className="mic-check" data-testid="mic-ready">
      <p>{t("call.mic.ok")}</p>
      <LevelMeter level={level} label={t("call.level.mine")} testId="mic-level" />
      {devices.length > 1 ? (
        <label className="field">
          <span className="field__label">{t("call.mic.device")}</span>
          <select value={deviceId ?? ""} onChange={(e) => void prepareMicrophone(e.target.value || null)}>
            {devices.map((d) => (
              <option key={d.deviceId} value={d.deviceId}>
                {d.label}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <button type="button" className="button button--quiet" onClick={releaseMicrophone}>
        {t("call.mic.stop")}
      </button>
    </div>
  );
}
