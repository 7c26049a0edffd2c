/**
 * A call's state machine (docs/ARCHITECTURE.md §5b). Pure.
 *
 *   RINGING ──accept──▶ CONNECTED ◀──unmute── MUTED
 *      │                   │ ──mute──▶ ─┘      │
 *      └──decline/end──────┴────────end────────┴──▶ ENDED
 */
import type { CallState } from "../protocol/calls.ts";
import type { TicketStatus } from "../protocol/model.ts";

export type CallAction = "accept" | "decline" | "mute" | "unmute" | "end";

const NEXT: Record<CallAction, Partial<Record<CallState, CallState>>> = {
  accept: { RINGING: "CONNECTED" },
  decline: { RINGING: "ENDED" },
  mute: { CONNECTED: "MUTED", MUTED: "MUTED" },
  unmute: { MUTED: "CONNECTED", CONNECTED: "CONNECTED" },
  end: { RINGING: "ENDED", CONNECTED: "ENDED", MUTED: "ENDED" },
};

/** The state after `action`, or null when the action is not allowed in `from`. */
export function nextCallState(from: CallState, action: CallAction): CallState | null {
  return NEXT[action][from] ?? null;
}

export const isLive = (state: CallState): boolean => state !== "ENDED";

/** A call may exist only while its ticket holds the floor. */
export const ticketAllowsCall = (status: TicketStatus): boolean => status === "CALLED" || status === "SPEAKING";

/** Talk time: from CONNECTED to the end, whole seconds; 0 if the voter never picked up. */
export function callDurationSec(connectedAt: Date | null, endedAt: Date): number {
  if (!connectedAt) return 0;
  return Math.max(0, Math.round((endedAt.getTime() - connectedAt.getTime()) / 1000));
}

/** "3 分 12 秒", "45 秒", "1 小时 2 分 0 秒" — for the minutes and the audit log. */
export function formatCallDurationZh(sec: number): string {
  const s = Math.max(0, Math.round(sec));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const r = s % 60;
  if (h) return `${h} 小时 ${m} 分 ${r} 秒`;
  return m ? `${m} 分 ${r} 秒` : `${r} 秒`;
}
