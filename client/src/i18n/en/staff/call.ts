import type { call as zh } from "../../zh-CN/staff/call.ts";

/** The call words only staff pages show. English: exactly the keys of zh-CN/staff/call.ts. */
export const call: Record<keyof typeof zh, string> = {
  "call.hall.title": "Phone call",
  "call.hall.start": "Call the voter",
  "call.hall.hint": "Once the voter answers on their phone, they are heard on the hall's speakers and hear the hall's microphone.",
  "call.hall.micProblem": "The console's microphone could not be opened: the hall hears the voter, the voter does not hear the hall.",
  "call.hall.elsewhere": "{label} is on a call with another console.",
  "call.phase.idle": "No call",
  "call.phase.starting": "Calling…",
  "call.phase.ringing": "Ringing the voter…",
  "call.phase.connected": "On the line",
  "call.phase.muted": "Voter muted",
  "call.phase.interrupted": "Call interrupted, reconnecting…",
  "call.mute": "Mute voter",
  "call.unmute": "Unmute",
  "call.level.voter": "Voter's level",
};
