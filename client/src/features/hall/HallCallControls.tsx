import { useEffect, useRef } from "react";
import type { TicketView } from "@protocol/model.ts";
import { useT } from "../../i18n/useT.ts";
import { useLiveSession } from "../../stores/live-session.ts";
import { dismissCall, hangUp, prepareCalls, setVoterMuted, startPhoneCall } from "../call/call-controller.ts";
import { micProblemKey, reasonKey, requestProblemKey } from "../call/call-messages.ts";
import { isCallActive } from "../call/call-reducer.ts";
import { useCall } from "../call/call-store.ts";
import { LevelMeter } from "../call/LevelMeter.tsx";

/**
 * 电话连线 at the hall console: call the online voter at the lectern, hear
 * them on the hall's speakers, watch their level, mute them, hang up.
 */
export function HallCallControls({ current }: { current: TicketView | undefined }) {
  const t = useT();
  const call = useCall();
  const onCall = useLiveSession((s) => s.onCall);
  const videoRef = useRef<HTMLVideoElement>(null);
  // The AudioContext is slow to create: make it when the console opens, not at the click.
  useEffect(() => prepareCalls(), []);
  const hasVideo = !!call.remoteStream?.getVideoTracks().length;
  useEffect(() => {
    if (videoRef.current) videoRef.current.srcObject = hasVideo ? call.remoteStream : null;
  }, [call.remoteStream, hasVideo]);

  const active = isCallActive(call);
  // Another console's call (from the session log): say so instead of offering a button that would be refused.
  const elsewhere = !active && onCall && onCall.callId !== call.callId ? onCall.label : null;
  const eligible = current && current.channel === "ONLINE" && (current.status === "CALLED" || current.status === "SPEAKING");
  const ours = call.role === "hall" && call.ticketId === current?.id;
  if (!eligible && !(ours && active)) return null;

  return (
    <section className="panel call-panel" aria-labelledby="call-title" data-testid="hall-call" data-phase={call.role === "hall" ? call.phase : "idle"} data-media={call.media}>
      <h2 id="call-title">{t("call.hall.title")}</h2>
      {elsewhere ? (
        <p className="notice" role="status">
          {t("call.hall.elsewhere", { label: elsewhere })}
        </p>
      ) : !active ? (
        <>
          {ours && call.phase === "ended" ? (
            <p className="muted" role="status">
              {t(reasonKey(call.endReason))}
            </p>
          ) : null}
          <button
            type="button"
            className="button button--primary button--large"
            data-testid="call-start"
            onClick={() => {
              dismissCall();
              void startPhoneCall(current!.id);
            }}
          >
            {t("call.hall.start")}
          </button>
          <p className="muted">{t("call.hall.hint")}</p>
        </>
      ) : (
        <>
          <p className="call-panel__state" role="status" aria-live="polite">
            {t(`call.phase.${call.phase}`)}
            {call.phase !== "ringing" && call.phase !== "starting" ? ` · ${t(`call.media.${call.media}`)}` : ""}
          </p>
          <LevelMeter level={call.level} label={t("call.level.voter")} testId="call-level" />
          {hasVideo ? <video ref={videoRef} className="call-panel__video" autoPlay playsInline muted /> : null}
          <div className="button-row">
            {call.phase === "muted" ? (
              <button type="button" className="button" data-testid="call-unmute" onClick={() => void setVoterMuted(false)}>
                {t("call.unmute")}
              </button>
            ) : (
              <button type="button" className="button" data-testid="call-mute" disabled={call.phase !== "connected"} onClick={() => void setVoterMuted(true)}>
                {t("call.mute")}
              </button>
            )}
            <button type="button" className="button button--danger" data-testid="call-hang-up" onClick={() => void hangUp()}>
              {t("call.hangUp")}
            </button>
          </div>
        </>
      )}
      {call.micProblem && call.role === "hall" ? <p className="notice notice--warn">{t("call.hall.micProblem")} {t(micProblemKey(call.micProblem))}</p> : null}
      {call.problem ? (
        <p className="form__error" role="alert">
          {t(requestProblemKey(call.problem))}
        </p>
      ) : null}
    </section>
  );
}
