/**
 * Who may see what (docs/ARCHITECTURE.md §3, "Rooms and projections"). Pure:
 * every view the server sends to a non-staff socket goes through here.
 */
import type { CommittedEvent, LiveEvent, Projection, SessionView, TicketView, TranscriptEntryView } from "../protocol/model.ts";
import { maskName, maskPhone, publicVoterSpeaker } from "./privacy.ts";

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
    agendaItemId: t.agendaItemId,
  };
}

/** The voter's own ticket: what they gave us and where it stands; not the staff's reason for priority. */
export function ownTicket(t: TicketView): TicketView {
  const { priorityReason: _reason, ...own } = t;
  return own;
}

/**
 * Staff see everything but the phone in full: it is masked (138****5678) and
 * shown whole only through the audited reveal (services/privacy-and-accounts/pii-reveal.ts).
 */
export function staffTicket(t: TicketView): TicketView {
  return t.phone ? { ...t, phone: maskPhone(t.phone) } : t;
}

export function projectTicket(t: TicketView, projection: Projection): TicketView {
  if (projection === "staff") return staffTicket(t);
  return projection === "own" ? ownTicket(t) : publicTicket(t);
}

/** What a viewer may know of a session: everything but the secret stream key (§5c). */
export function publicSession(s: SessionView): SessionView {
  const { streamKey: _secret, ...visible } = s;
  return visible;
}

export function projectSession(s: SessionView, projection: Projection): SessionView {
  return projection === "staff" ? s : publicSession(s);
}

export function transcriptVisibleTo(e: TranscriptEntryView, projection: Projection): boolean {
  return projection === "staff" || e.visibility === "PUBLIC";
}

/** A transcript line as viewers see it: a voter speaking is named by label and 张*; staff keep the line as written. */
export function projectTranscriptEntry(e: TranscriptEntryView, projection: Projection): TranscriptEntryView {
  const entry = { ...e, agendaItemId: e.agendaItemId ?? null };
  return projection === "staff" || e.speakerRole !== "VOTER" ? entry : { ...entry, speakerName: publicVoterSpeaker(e.speakerName) };
}

/** Events stored before forums (§5e) lack the forum fields: a reception's values fill them. */
function withForumDefaults(s: SessionView): SessionView {
  return { ...s, kind: s.kind ?? "RECEPTION", agenda: s.agenda ?? [], currentAgendaItemId: s.currentAgendaItemId ?? null };
}

/** An event as one projection receives it; what it may not see arrives as `redacted` to keep seq contiguous. */
export function projectEvent(e: CommittedEvent, projection: Projection): LiveEvent {
  const base = { sessionId: e.sessionId, seq: e.seq, at: e.at };
  switch (e.type) {
    case "session.updated":
      return { ...base, type: e.type, data: projectSession(withForumDefaults(e.data), projection) };
    case "ticket.joined":
    case "ticket.updated":
      return { ...base, type: e.type, data: projectTicket({ ...e.data, agendaItemId: e.data.agendaItemId ?? null }, projection) };
    case "transcript.appended":
    case "transcript.amended":
      return transcriptVisibleTo(e.data, projection) ? { ...base, type: e.type, data: projectTranscriptEntry(e.data, projection) } : { ...base, type: "redacted" };
    case "case.created":
      return projection === "staff" ? { ...base, type: e.type, data: e.data } : { ...base, type: "redacted" };
    case "stream.started":
    case "stream.stopped":
      return { ...base, type: e.type, data: e.data };
    case "call.started":
    case "call.ended":
      // §5b: viewers learn only that a label is on the line.
      return projection === "staff" ? { ...base, type: e.type, data: e.data } : { ...base, type: e.type, data: { label: e.data.label } };
    default: {
      const unknown: never = e;
      throw new Error(`unknown event type ${String((unknown as { type: unknown }).type)}`);
    }
  }
}
