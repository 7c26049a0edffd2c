/** Message keys of call phases, end reasons and microphone problems. */
import type { CallEndReason } from "@protocol/model.ts";
import type { MessageKey } from "../../i18n/useT.ts";
import type { MicProblem } from "./media-access.ts";

export const reasonKey = (r: CallEndReason | null): MessageKey => (r ? (`call.reason.${r}` as MessageKey) : "call.phase.ended");
export const micProblemKey = (p: MicProblem): MessageKey => `call.mic.problem.${p}` as MessageKey;
export const requestProblemKey = (code: string): MessageKey => `error.${code}` as MessageKey;
