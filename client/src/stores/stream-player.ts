/**
 * The voter's livestream player. While the voter is on a call the player is
 * muted, or they would hear themselves with the stream's delay (§5b). Minimal
 * version from the calls branch; the livestream branch owns the player.
 */
import { create } from "zustand";

export interface StreamPlayerState {
  mutedForCall: boolean;
  setMutedForCall(muted: boolean): void;
}

export const useStreamPlayer = create<StreamPlayerState>((set) => ({
  mutedForCall: false,
  setMutedForCall: (mutedForCall) => set({ mutedForCall }),
}));
