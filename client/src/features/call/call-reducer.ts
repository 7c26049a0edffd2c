/**
 * One call as this browser sees it (§5b): the server's word on the call's
 * state, and this side's media. Pure; the call controller feeds it.
 */
import type { CallEndReason, CallInvite, CallStateChange } from "@protocol/calls.ts";
import type { MicProblem } from "./media-access.ts";

/**
 * idle: no call · starting: the hall asked · ringing · connected · muted · ended ·
 * interrupted (voter): the call goes on but this page is not on it yet — it
 * came back (a reload) after the voter had answered, and rejoins
 */
export type CallPhase = "idle" | "starting" | "ringing" | "connected" | "muted" | "ended" | "interrupted";
/** Whether media flows: the ICE connection of this side's peer connection. */
export type MediaPhase = "none" | "connecting" | "flowing" | "failed";

export interface CallViewState {
  role: "hall" | "voter" | null;
  callId: string | null;
  ticketId: string | null;
  phase: CallPhase;
  media: MediaPhase;
  endReason: CallEndReason | null;
  /** voter: the call waiting for an answer */
  invite: CallInvite | null;
  /** an error code of a refused request, or a microphone problem */
  problem: string | null;
  micProblem: MicProblem | null;
}

export type CallAction =
  | { type: "startRequested"; ticketId: string }
  | { type: "started"; callId: string; ticketId: string }
  | { type: "startFailed"; code: string }
  | { type: "invited"; invite: CallInvite }
  | { type: "accepting" }
  | { type: "stateReceived"; change: CallStateChange }
  | { type: "mediaChanged"; media: MediaPhase }
  | { type: "micFailed"; problem: MicProblem }
  | { type: "requestFailed"; code: string }
  | { type: "dismissed" };

export const initialCallState: CallViewState = {
  role: null,
  callId: null,
  ticketId: null,
  phase: "idle",
  media: "none",
  endReason: null,
  invite: null,
  problem: null,
  micProblem: null,
};

const PHASE_OF = { RINGING: "ringing", CONNECTED: "connected", MUTED: "muted", ENDED: "ended" } as const;

export const isCallActive = (s: CallViewState): boolean =>
  s.phase === "starting" || s.phase === "ringing" || s.phase === "connected" || s.phase === "muted" || s.phase === "interrupted";

export function callReducer(state: CallViewState, action: CallAction): CallViewState {
  switch (action.type) {
    case "startRequested":
      return { ...initialCallState, role: "hall", ticketId: action.ticketId, phase: "starting", micProblem: state.micProblem };
    case "started":
      return { ...state, callId: action.callId, ticketId: action.ticketId, phase: state.phase === "starting" ? "ringing" : state.phase };
    case "startFailed":
      return { ...initialCallState, problem: action.code };
    case "invited":
      // A newer invite replaces a finished call; a live one is not interrupted.
      if (isCallActive(state) && state.callId !== action.invite.callId) return state;
      if (action.invite.state) {
        // Answered already: this page is on it (its socket came back) or rejoins it.
        if (state.callId === action.invite.callId && (state.phase === "connected" || state.phase === "muted")) return { ...state, invite: action.invite };
        return { ...initialCallState, role: "voter", callId: action.invite.callId, ticketId: action.invite.ticketId, phase: "interrupted", invite: action.invite, micProblem: state.micProblem };
      }
      return { ...initialCallState, role: "voter", callId: action.invite.callId, ticketId: action.invite.ticketId, phase: "ringing", invite: action.invite, micProblem: state.micProblem };
    case "accepting":
      return { ...state, media: "connecting", problem: null };
    case "stateReceived": {
      if (action.change.callId !== state.callId) return state;
      if (state.phase === "ended") return state;
      const phase = PHASE_OF[action.change.state];
      if (phase === "ended") return { ...state, phase, endReason: action.change.reason ?? null, invite: null, media: state.media === "failed" ? "failed" : "none" };
      // A RINGING echo must not undo an accept that already arrived.
      if (phase === "ringing" && state.phase !== "ringing") return state;
      // Until it has rejoined, a page that came back is not on the line, whatever the call does.
      if (state.phase === "interrupted" && !action.change.rejoined) return state;
      return { ...state, phase };
    }
    case "mediaChanged":
      return state.phase === "ended" || state.phase === "idle" ? state : { ...state, media: action.media };
    case "micFailed":
      return { ...state, micProblem: action.problem };
    case "requestFailed":
      return { ...state, problem: action.code };
    case "dismissed":
      return { ...initialCallState, micProblem: state.micProblem };
    default: {
      const never: never = action;
      throw new Error(`unexpected ${JSON.stringify(never)}`);
    }
  }
}
