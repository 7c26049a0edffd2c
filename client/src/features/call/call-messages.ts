/** Message keys of call phases, end reasons and microphone problems. */
import type { CallEndReason } from "@protocol/calls.ts";
import type { MessageKey } from "../../i18n/useT.ts";
import type { MicProblem } from "./media-access.ts";

export const reasonKey = (r: CallEndReason | null): MessageKey => (r ? (`call.reason.${r}` as MessageKey) : "call.phase.ended");
/** The same, said to the voter about themselves ("您已挂断", not "选民已挂断"). */
export const voterReasonKey = (r: CallEndReason | null): MessageKey => (r ? (`call.voter.reason.${r}` as MessageKey) : "call.voter.ended");
export const micProblemKey = (p: MicProblem): MessageKey => `call.mic.problem.${p}` as MessageKey;
export const requestProblemKey = (code: string): MessageKey => `error.${code}` as MessageKey;
