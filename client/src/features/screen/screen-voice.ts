/** The hall screen's spoken calls: on or off and how loud, remembered on the TV (docs/ARCHITECTURE.md §7b). */
import { create } from "zustand";

const KEY = "tongxin.screenVoice";

interface ScreenVoice {
  on: boolean;
  /** 0…1 */
  volume: number;
}

function stored(): ScreenVoice {
  try {
    const raw = JSON.parse(localStorage.getItem(KEY) ?? "null") as Partial<ScreenVoice> | null;
    const volume = typeof raw?.volume === "number" && raw.volume >= 0 && raw.volume <= 1 ? raw.volume : 1;
    return { on: raw?.on !== false, volume };
  } catch {
    return { on: true, volume: 1 };
  }
}

export const useScreenVoice = create<ScreenVoice>()(() => stored());

export function setScreenVoice(change: Partial<ScreenVoice>): void {
  useScreenVoice.setState(change);
  try {
    localStorage.setItem(KEY, JSON.stringify(useScreenVoice.getState()));
  } catch {
    // private mode: the setting lasts for this page only
  }
}
