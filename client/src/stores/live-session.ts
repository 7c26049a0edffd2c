/** The watched session's live state; only the socket module dispatches into it. */
import { create } from "zustand";
import {
  initialLiveSessionState,
  liveSessionReducer,
  type LiveSessionAction,
  type LiveSessionState,
} from "./live-session-reducer.ts";

export const useLiveSession = create<LiveSessionState>()(() => initialLiveSessionState);

export function dispatchLiveSession(action: LiveSessionAction): LiveSessionState {
  useLiveSession.setState((s) => liveSessionReducer(s, action), true);
  return useLiveSession.getState();
}
