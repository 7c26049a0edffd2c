/** Ticket labels: W001… online, A001… in person, per session and channel. */
import type { Channel } from "../protocol/model.ts";

export const LABEL_PREFIX: Record<Channel, string> = { ONLINE: "W", IN_PERSON: "A" };

export function ticketLabel(channel: Channel, n: number): string {
  return `${LABEL_PREFIX[channel]}${String(n).padStart(3, "0")}`;
}

/** A ticket label as `ticketLabel` writes it (W001, A012), possibly followed by words: the label and the rest. */
export function splitLeadingLabel(text: string): { label: string; rest: string } | null {
  const m = /^([A-Z]\d{3,})(?:\s+(.*))?$/s.exec(text.trim());
  return m ? { label: m[1]!, rest: (m[2] ?? "").trim() } : null;
}
