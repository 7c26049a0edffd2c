/**
 * Who may see what (docs/ARCHITECTURE.md §3, "Rooms and projections"). Pure:
 * every view the server sends to a non-staff socket goes through here.
 */
import type { CommittedEvent, LiveEvent, Projection, TicketView, TranscriptEntryView } from "../protocol/model.ts";
import { maskName } from "./privacy.ts";

/** What a viewer may know of a ticket: label, masked name, topic only if public. */
export function publicTicket(t: TicketView): TicketView {
  return {
    id: t.id,
    sessionId: t.sessionId,
    label: t.label,
    channel: t.channel,
    status: t.status,
    rank: t.rank,
    name: maskName(t.name),
    topic: t.isPublic ? t.topic : null,
    isPublic: t.isPublic,
    priority: t.priority,
    joinedAt: t.joinedAt,
    calledAt: t.calledAt,
    startedAt: t.startedAt,
    finishedAt: t.finishedAt,
    supportCount: t.supportCount ?? 0,
  };
}

/** The voter's own ticket: what they gave us and where it stands; not the staff's reason for priority. */
export function ownTicket(t: TicketView): TicketView {
  const { priorityReason: _reason, ...own } = t;
  return own;
}

export function projectTicket(t: TicketView, projection: Projection): TicketView {
  if (projection === "staff") return t;
  return projection === "own" ? ownTicket(t) : publicTicket(t);
}

export function transcriptVisibleTo(e: TranscriptEntryView, projection: Projection): boolean {
  return projection === "staff" || e.visibility === "PUBLIC";
}

/** An event as one projection receives it; what it may not see arrives as `redacted` to keep seq contiguous. */
export function projectEvent(e: CommittedEvent, projection: Projection): LiveEvent {
  const base = { sessionId: e.sessionId, seq: e.seq, at: e.at };
  switch (e.type) {
    case "session.updated":
      return { ...base, type: e.type, data: e.data };
    case "ticket.joined":
    case "ticket.updated":
      return { ...base, type: e.type, data: projectTicket(e.data, projection) };
    case "transcript.appended":
    case "transcript.amended":
      return transcriptVisibleTo(e.data, projection) ? { ...base, type: e.type, data: e.data } : { ...base, type: "redacted" };
    case "case.created":
      return projection === "staff" ? { ...base, type: e.type, data: e.data } : { ...base, type: "redacted" };
    default: {
      const unknown: never = e;
      throw new Error(`unknown event type ${String((unknown as { type: unknown }).type)}`);
    }
  }
}
