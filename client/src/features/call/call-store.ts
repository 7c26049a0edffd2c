/** The call store: the reducer's state plus the live levels the meters show. */
import { create } from "zustand";
import { callReducer, initialCallState, type CallAction, type CallViewState } from "./call-reducer.ts";

export interface CallStore extends CallViewState {
  /** hall: the voter's audio; voter: their own microphone (0…1) */
  level: number;
  /** the other side's media, for the <audio>/<video> elements */
  remoteStream: MediaStream | null;
  /** voter: the microphone opened by the check, kept open so a call starts at once */
  micStream: MediaStream | null;
  micDeviceId: string | null;
  withCamera: boolean;
  /** the browser refused to play the call's sound without a tap (a page that came back on its own) */
  audioBlocked: boolean;
}

export const useCall = create<CallStore>(() => ({
  ...initialCallState,
  level: 0,
  remoteStream: null,
  micStream: null,
  micDeviceId: null,
  withCamera: false,
  audioBlocked: false,
}));

export function dispatchCall(action: CallAction): CallViewState {
  const current = useCall.getState();
  const next = callReducer(current, action);
  if (next !== current) useCall.setState(next);
  return next;
}

export const setCallLevel = (level: number): void => {
  // Two decimals are plenty for a meter; fewer renders.
  const rounded = Math.round(level * 100) / 100;
  if (useCall.getState().level !== rounded) useCall.setState({ level: rounded });
};
