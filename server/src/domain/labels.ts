/** Ticket labels: W001… online, A001… in person, per session and channel. */
import type { Channel } from "../protocol/model.ts";

export const LABEL_PREFIX: Record<Channel, string> = { ONLINE: "W", IN_PERSON: "A" };

export function ticketLabel(channel: Channel, n: number): string {
  return `${LABEL_PREFIX[channel]}${String(n).padStart(3, "0")}`;
}
