/** Rows → wire views (staff projection: everything). Projections narrow these. */
import type {
  $Enums,
  AgendaItem,
  Case,
  ReceptionSession,
  Ticket,
  TranscriptEntry,
  Venue,
} from "../generated/prisma/client.ts";
import type {
  AgendaItemView,
  CaseStatus,
  CaseView,
  Channel,
  InviteeRole,
  RsvpStatus,
  SessionKind,
  Role,
  SessionStatus,
  SessionView,
  SpeakerRole,
  TicketStatus,
  TicketView,
  TranscriptEntryView,
  VenueFields,
  TranscriptKind,
  VenueKind,
  Visibility,
} from "../protocol/model.ts";

// The database's enums (prisma/schema.prisma) and the wire's tuples (protocol/model.ts)
// must list the same values: adding one on one side only fails the type check here.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Agree<T extends true> = T;
export type EnumsAgree = [
  Agree<Same<$Enums.VenueKind, VenueKind>>,
  Agree<Same<$Enums.Role, Role>>,
  Agree<Same<$Enums.SessionStatus, SessionStatus>>,
  Agree<Same<$Enums.Channel, Channel>>,
  Agree<Same<$Enums.TicketStatus, TicketStatus>>,
  Agree<Same<$Enums.TranscriptKind, TranscriptKind>>,
  Agree<Same<$Enums.SpeakerRole, SpeakerRole>>,
  Agree<Same<$Enums.Visibility, Visibility>>,
  Agree<Same<$Enums.CaseStatus, CaseStatus>>,
  Agree<Same<$Enums.SessionKind, SessionKind>>,
  Agree<Same<$Enums.RsvpStatus, RsvpStatus>>,
  Agree<Same<$Enums.InviteeRole, InviteeRole>>,
];
import { hlsUrlFor } from "../domain/livestream.ts";

const iso = (d: Date | null | undefined): string | null => (d ? d.toISOString() : null);

export function parseDeputies(json: string): string[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
  } catch {
    return [];
  }
}

/**
 * What every query that builds a SessionView includes: the venue and, for a
 * forum, the agenda in order (§5e).
 */
export const SESSION_VIEW_INCLUDE = { venue: true, agenda: { orderBy: { position: "asc" } } } as const;
export type SessionRow = ReceptionSession & { venue: Pick<Venue, "name" | "kind" | "town">; agenda: AgendaItem[] };

/** An item is DONE once ended, CURRENT while it has the floor, PENDING before. */
export function toAgendaItemView(a: AgendaItem, currentAgendaItemId: string | null): AgendaItemView {
  return {
    id: a.id,
    position: a.position,
    title: a.title,
    timeboxMin: a.timeboxMin,
    speakerMin: a.speakerMin,
    startedAt: iso(a.startedAt),
    endedAt: iso(a.endedAt),
    status: a.endedAt ? "DONE" : a.id === currentAgendaItemId ? "CURRENT" : "PENDING",
  };
}

/** `hlsBase` is config.mediaHlsBase: the session's hlsUrl is derived from it and the stream key. */
export function toSessionView(s: SessionRow, hlsBase: string | null): SessionView {
  return {
    id: s.id,
    venueId: s.venueId,
    venueName: s.venue.name,
    venueKind: s.venue.kind,
    town: s.venue.town,
    title: s.title,
    theme: s.theme,
    startsAt: s.startsAt.toISOString(),
    endsAt: s.endsAt.toISOString(),
    deputies: parseDeputies(s.deputies),
    streamUrl: s.streamUrl,
    slotMin: s.slotMin,
    walkInHeadStartMin: s.walkInHeadStartMin,
    status: s.status,
    queueOpen: s.queueOpen,
    avgServiceSec: s.avgServiceSec,
    streamLive: s.streamLive,
    hlsUrl: hlsUrlFor(hlsBase, s.streamKey),
    streamKey: s.streamKey,
    bookingCapacity: s.bookingCapacity,
    bookingOpensAt: iso(s.bookingOpensAt),
    bookingClosesAt: iso(s.bookingClosesAt),
    kind: s.kind,
    agenda: [...s.agenda].sort((a, b) => a.position - b.position).map((a) => toAgendaItemView(a, s.currentAgendaItemId)),
    currentAgendaItemId: s.currentAgendaItemId,
  };
}

export function toTicketView(t: Ticket, trackingCode?: string | null): TicketView {
  return {
    id: t.id,
    sessionId: t.sessionId,
    label: t.label,
    channel: t.channel,
    status: t.status,
    rank: t.rank,
    name: t.name,
    topic: t.topic,
    isPublic: t.isPublic,
    priority: t.priorityReason != null,
    joinedAt: t.joinedAt.toISOString(),
    calledAt: iso(t.calledAt),
    startedAt: iso(t.startedAt),
    finishedAt: iso(t.finishedAt),
    phone: t.phone,
    question: t.question,
    priorityReason: t.priorityReason,
    summary: t.summary,
    trackingCode: trackingCode ?? null,
    supportCount: t.supportCount,
    agendaItemId: t.agendaItemId,
  };
}

export function toTranscriptView(e: TranscriptEntry): TranscriptEntryView {
  return {
    id: e.id,
    sessionId: e.sessionId,
    ticketId: e.ticketId,
    kind: e.kind,
    speakerRole: e.speakerRole,
    speakerName: e.speakerName,
    text: e.text,
    visibility: e.visibility,
    amendsId: e.amendsId,
    agendaItemId: e.agendaItemId,
    createdAt: e.createdAt.toISOString(),
  };
}

export function toCaseView(c: Case): CaseView {
  return {
    id: c.id,
    trackingCode: c.trackingCode,
    sessionId: c.sessionId,
    ticketId: c.ticketId,
    venueId: c.venueId,
    category: c.category,
    summary: c.summary,
    status: c.status,
    assignee: c.assignee,
    dueAt: iso(c.dueAt),
    resolution: c.resolution,
    rejectReason: c.rejectReason,
    satisfaction: c.satisfaction,
    feedbackComment: c.feedbackComment,
    supportCount: c.supportCount,
    source: c.source,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

/** A venue row's own fields, as the tree and the admin's view both send them (no other column leaves). */
export function venueFieldsOf(v: VenueFields): VenueFields {
  return { id: v.id, name: v.name, kind: v.kind, town: v.town, address: v.address, parentId: v.parentId, deputyGroupId: v.deputyGroupId };
}
