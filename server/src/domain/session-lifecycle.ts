/** Reception-day status machine: SCHEDULED → OPEN → LIVE ⇄ PAUSED → ENDED. Pure. */
import type { SessionStatus } from "../protocol/model.ts";

const NEXT: Record<SessionStatus, readonly SessionStatus[]> = {
  SCHEDULED: ["OPEN", "ENDED"],
  OPEN: ["LIVE", "ENDED", "SCHEDULED"],
  LIVE: ["PAUSED", "ENDED"],
  PAUSED: ["LIVE", "ENDED"],
  ENDED: [],
};

export function canMoveSession(from: SessionStatus, to: SessionStatus): boolean {
  return from === to || NEXT[from].includes(to);
}

/** The statuses in which the hall may call and serve voters: open and not ended. */
const SERVING: readonly SessionStatus[] = ["OPEN", "LIVE", "PAUSED"];

/** Voters may join while the queue is open and the day has not ended. */
export function acceptsJoins(status: SessionStatus, queueOpen: boolean): boolean {
  return queueOpen && canServe(status);
}

/** The hall may call and serve voters once the session is open and not ended. */
export function canServe(status: SessionStatus): boolean {
  return SERVING.includes(status);
}

/** What the day's status implies for the queue when staff changes only the status. */
export function queueOpenAfter(to: SessionStatus, current: boolean): boolean {
  if (to === "ENDED" || to === "SCHEDULED") return false;
  if (to === "OPEN") return true;
  return current;
}

/**
 * The day's status once the hall calls a voter: the first call makes an OPEN
 * day LIVE (calling has begun, whether or not someone pressed 开始接待);
 * a paused or live day keeps its status.
 */
export function statusAfterCall(status: SessionStatus): SessionStatus {
  return status === "OPEN" ? "LIVE" : status;
}
