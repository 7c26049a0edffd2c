import type { hall as zh } from "../zh-CN/hall.ts";

/** The hall screen's and the live captions' words (the hall console's and the desk's: staff/hall.ts). English: exactly the keys of zh-CN/hall.ts (the type says so). */
export const hall: Record<keyof typeof zh, string> = {
  "transcript.corrected": "corrected",

  "screen.title": "Hall screen",
  "screen.pleaseCome": "Please come to the speaker's desk",
  "screen.pleaseComeOnline": "Online speaker, please get ready: the hall is calling you",
  "screen.next": "Coming up",
  "screen.idle": "Please wait",
  "screen.enableSound": "Enable chime",
  "screen.fullscreen": "Full screen",

  "streamPanel.watchUrl": "Viewing address (HLS)",
};
