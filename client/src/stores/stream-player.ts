/**
 * The voter's livestream player, seen from outside it. During a call
 * (docs/ARCHITECTURE.md §5b) the voter hears the hall directly, so the call
 * code mutes the stream — otherwise they hear the deputy twice, seconds
 * apart, and the hall hears itself:
 *   usePlayerStore.getState().setMutedForCall(true)   // call connected
 *   usePlayerStore.getState().setMutedForCall(false)  // call over
 * The player restores the voter's own mute choice afterwards.
 */
import { create } from "zustand";

export interface PlayerStoreState {
  mutedForCall: boolean;
  setMutedForCall(muted: boolean): void;
}

export const usePlayerStore = create<PlayerStoreState>()((set) => ({
  mutedForCall: false,
  setMutedForCall: (mutedForCall) => set({ mutedForCall }),
}));

export const setStreamMutedForCall = (muted: boolean) => usePlayerStore.getState().setMutedForCall(muted);
