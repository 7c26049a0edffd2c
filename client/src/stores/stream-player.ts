/**
 * The voter's livestream player, seen from outside it. During a call
 * (docs/ARCHITECTURE.md §5b) the voter hears the hall directly, so the call
 * code mutes the stream — otherwise they hear the deputy twice, seconds
 * apart, and the hall hears itself:
 *   usePlayerStore.getState().setMutedForCall(true)   // call connected
 *   usePlayerStore.getState().setMutedForCall(false)  // call over
 * The player restores the voter's own mute choice afterwards.
 *
 * `soundOn` is that choice. Browsers start a stream muted; the voter turns
 * the sound on once and it stays on for this page's life, also when the
 * player is rebuilt after an encoder drops out.
 */
import { create } from "zustand";

export interface PlayerStoreState {
  mutedForCall: boolean;
  setMutedForCall(muted: boolean): void;
  soundOn: boolean;
  setSoundOn(on: boolean): void;
}

export const usePlayerStore = create<PlayerStoreState>()((set) => ({
  mutedForCall: false,
  setMutedForCall: (mutedForCall) => set({ mutedForCall }),
  soundOn: false,
  setSoundOn: (soundOn) => set({ soundOn }),
}));

export const setStreamMutedForCall = (muted: boolean) => usePlayerStore.getState().setMutedForCall(muted);
