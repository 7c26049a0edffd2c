/** Which ticket transitions are allowed, per action. Pure. */
import type { TicketStatus } from "../protocol/model.ts";

export type TicketAction = "call" | "start" | "finish" | "noShow" | "requeue" | "prioritize" | "leave";

const ALLOWED_FROM: Record<TicketAction, readonly TicketStatus[]> = {
  call: ["WAITING"],
  start: ["CALLED"],
  finish: ["SPEAKING", "CALLED"],
  noShow: ["CALLED", "WAITING"],
  requeue: ["NO_SHOW", "CALLED", "LEFT"],
  prioritize: ["WAITING"],
  leave: ["WAITING", "CALLED"],
};

export const RESULT_OF: Record<TicketAction, TicketStatus> = {
  call: "CALLED",
  start: "SPEAKING",
  finish: "DONE",
  noShow: "NO_SHOW",
  requeue: "WAITING",
  prioritize: "WAITING",
  leave: "LEFT",
};

export function canApply(action: TicketAction, from: TicketStatus): boolean {
  return ALLOWED_FROM[action].includes(from);
}

/** Statuses that hold the floor: at most one ticket per session may be in one. */
export const ON_THE_FLOOR: readonly TicketStatus[] = ["CALLED", "SPEAKING"];
