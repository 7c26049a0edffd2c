/** Calls between a called online voter and the hall (docs/ARCHITECTURE.md §5b): their states and what each side is sent. */

export type CallState = "RINGING" | "CONNECTED" | "MUTED" | "ENDED";
/** Why a call ended. */
export type CallEndReason =
  | "HALL_HUNG_UP"
  | "VOTER_HUNG_UP"
  | "DECLINED"
  /** its ticket left CALLED/SPEAKING (finish, no-show, requeue, leave) */
  | "TURN_ENDED"
  /** the voter's last socket was gone for longer than the grace */
  | "VOTER_GONE"
  /** the hall console that started the call disconnected */
  | "HALL_GONE"
  | "TIME_LIMIT";

/** `call.started` / `call.ended` data as staff see it. `durationSec` counts from CONNECTED (0 when never connected). */
export interface CallLogView {
  callId: string;
  ticketId: string;
  label: string;
  durationSec: number;
  reason: CallEndReason | null;
}
/** What viewers learn of a call: that the ticket with this label is on the line. */
export interface PublicCallLogView {
  label: string;
}

/** An RTCIceServer as the browser takes it. */
export interface IceServer {
  urls: string[];
  username?: string;
  credential?: string;
}
export interface CallSetup {
  callId: string;
  iceServers: IceServer[];
  /** extension: "relay" when RTC_RELAY_ONLY=1 — the client sets RTCPeerConnection's iceTransportPolicy */
  iceTransportPolicy: "all" | "relay";
}
export interface CallInvite extends CallSetup {
  sessionId: string;
  ticketId: string;
  /**
   * extension: absent while the call rings; CONNECTED/MUTED when the invite is
   * sent again to a page that comes back (a reload) after the voter answered —
   * the page rejoins with `call:rejoin` instead of answering
   */
  state?: "CONNECTED" | "MUTED";
}
export interface CallSignal {
  callId: string;
  from: "hall" | "voter";
  description?: { type: "offer" | "answer" | "pranswer" | "rollback"; sdp?: string };
  candidate?: { candidate: string; sdpMid?: string | null; sdpMLineIndex?: number | null; usernameFragment?: string | null } | null;
}
export interface CallStateChange {
  callId: string;
  state: CallState;
  reason?: CallEndReason;
  /** extension: the voter's page re-attached (`call:rejoin`); the hall builds a fresh peer connection and offers again */
  rejoined?: true;
}
