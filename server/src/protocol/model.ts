/**
 * What crosses the wire: the views of the domain the server sends. Views are
 * projections — a viewer's TicketView has a masked name and no phone, private
 * question or staff note; the staff view and the voter's own view carry them.
 */
import type { CallLogView, PublicCallLogView } from "./calls.ts";

// Each enumeration is written once, as a tuple: the zod schemas take the tuple
// (z.enum(TICKET_STATUSES)) and the types are read off it, so the two cannot drift.
export const VENUE_KINDS = ["HOME", "STATION", "STUDIO"] as const;
export type VenueKind = (typeof VENUE_KINDS)[number];
/** DEPARTMENT: a 承办单位 account that answers deputies' suggestions (§6e); never in the back office of a venue */
export const ROLES = ["ADMIN", "STAFF", "DEPUTY", "DEPARTMENT"] as const;
export type Role = (typeof ROLES)[number];
export const SESSION_STATUSES = ["SCHEDULED", "OPEN", "LIVE", "PAUSED", "ENDED"] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];
export const CHANNELS = ["ONLINE", "IN_PERSON"] as const;
export type Channel = (typeof CHANNELS)[number];
export const TICKET_STATUSES = ["WAITING", "CALLED", "SPEAKING", "DONE", "NO_SHOW", "LEFT"] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];
export const TRANSCRIPT_KINDS = ["SYSTEM", "QUESTION", "ANSWER", "NOTE"] as const;
export type TranscriptKind = (typeof TRANSCRIPT_KINDS)[number];
export const SPEAKER_ROLES = ["VOTER", "DEPUTY", "STAFF", "SYSTEM"] as const;
export type SpeakerRole = (typeof SPEAKER_ROLES)[number];
export const VISIBILITIES = ["PUBLIC", "STAFF"] as const;
export type Visibility = (typeof VISIBILITIES)[number];
export const CASE_STATUSES = ["OPEN", "ASSIGNED", "IN_PROGRESS", "RESOLVED", "CLOSED", "REJECTED"] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
/** Where a case came from: a finished turn, staff by hand (a letter, a call), the message box (§6d). */
export const CASE_SOURCES = ["TURN", "STAFF", "MESSAGE"] as const;
export type CaseSource = (typeof CASE_SOURCES)[number];
export const PROJECTIONS = ["public", "staff", "own"] as const;
export type Projection = (typeof PROJECTIONS)[number];
/** 接待日 (one voter after another) or 座谈会 (an agenda, invitees, the floor per item; §5e) */
export const SESSION_KINDS = ["RECEPTION", "FORUM"] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];
/** An invitee's answer: coming to the hall, joining online, not coming; PENDING until they answer. */
export const RSVP_STATUSES = ["PENDING", "HALL", "ONLINE", "DECLINED"] as const;
export type RsvpStatus = (typeof RSVP_STATUSES)[number];
export const INVITEE_ROLES = ["VOTER", "DEPARTMENT"] as const;
export type InviteeRole = (typeof INVITEE_ROLES)[number];
export const AGENDA_ITEM_STATUSES = ["PENDING", "CURRENT", "DONE"] as const;
export type AgendaItemStatus = (typeof AGENDA_ITEM_STATUSES)[number];

/** One item of a forum's agenda (§5e); every projection sees the agenda. */
export interface AgendaItemView {
  id: string;
  /** 1-based order */
  position: number;
  title: string;
  /** the item's time box, minutes */
  timeboxMin: number;
  /** each speaker's time box, minutes (a countdown from the ticket's startedAt; nobody is cut off) */
  speakerMin: number;
  startedAt: string | null;
  endedAt: string | null;
  status: AgendaItemStatus;
}

export interface SessionView {
  id: string;
  venueId: string;
  venueName: string;
  venueKind: VenueKind;
  town: string;
  title: string;
  theme: string;
  startsAt: string;
  endsAt: string;
  deputies: string[];
  streamUrl: string | null;
  slotMin: number;
  walkInHeadStartMin: number;
  status: SessionStatus;
  queueOpen: boolean;
  /** running mean of finished turns, seconds */
  avgServiceSec: number;
  /** an encoder is publishing to the media relay (§5c) */
  streamLive: boolean;
  /** where the relay serves this session's HLS (named from the key, never the key itself); null without a relay */
  hlsUrl: string | null;
  /** the secret RTMP stream key: staff projection only */
  streamKey?: string;
  /** 预约 places (0 = no bookings) and the booking window (docs/ARCHITECTURE.md §6b) */
  bookingCapacity?: number;
  bookingOpensAt?: string | null;
  bookingClosesAt?: string | null;
  /** §5e: a reception or a forum; a reception's agenda is empty */
  kind: SessionKind;
  agenda: AgendaItemView[];
  /** the forum's item that has the floor; null before the first item and after the last */
  currentAgendaItemId: string | null;
}

export interface TicketView {
  id: string;
  sessionId: string;
  label: string;
  channel: Channel;
  status: TicketStatus;
  /** queue order: ascending, ties by label */
  rank: number;
  /** full name for staff and the voter; masked (张*) for viewers */
  name: string;
  /** null for viewers when the voter chose not to show it */
  topic: string | null;
  isPublic: boolean;
  priority: boolean;
  joinedAt: string;
  calledAt: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  /** staff and own projections only; staff get it masked (138****5678), the voter in full */
  phone?: string | null;
  question?: string | null;
  priorityReason?: string | null;
  summary?: string | null;
  /** the follow-up case's tracking code, once one exists (staff and own) */
  trackingCode?: string | null;
  /** 附议: devices that support this topic (docs/ARCHITECTURE.md §6b); every projection carries it */
  supportCount?: number;
  /** a forum's agenda item whose speakers' list the ticket is on (or spoke in); null in a reception */
  agendaItemId: string | null;
}

export interface TranscriptEntryView {
  id: string;
  sessionId: string;
  ticketId: string | null;
  kind: TranscriptKind;
  speakerRole: SpeakerRole;
  speakerName: string | null;
  text: string;
  visibility: Visibility;
  amendsId: string | null;
  /** the forum's item that had the floor when the entry was written; null in a reception */
  agendaItemId: string | null;
  createdAt: string;
}

export interface CaseView {
  id: string;
  trackingCode: string;
  sessionId: string | null;
  ticketId: string | null;
  venueId: string;
  category: string;
  summary: string;
  status: CaseStatus;
  assignee: string | null;
  dueAt: string | null;
  resolution: string | null;
  rejectReason: string | null;
  satisfaction: number | null;
  feedbackComment: string | null;
  /** 附议 count the turn had when the case was born */
  supportCount?: number;
  source: CaseSource;
  createdAt: string;
  updatedAt: string;
}

export const LIVE_EVENT_TYPES = [
  "session.updated",
  "ticket.joined",
  "ticket.updated",
  "transcript.appended",
  "transcript.amended",
  "case.created",
  "stream.started",
  "stream.stopped",
  "call.started",
  "call.ended",
] as const;
export type LiveEventType = (typeof LIVE_EVENT_TYPES)[number];

/** What each event type carries, in the staff (full) view; projections narrow it when sent. */
export interface LiveEventDataMap {
  "session.updated": SessionView;
  "ticket.joined": TicketView;
  "ticket.updated": TicketView;
  "transcript.appended": TranscriptEntryView;
  "transcript.amended": TranscriptEntryView;
  "case.created": CaseView;
  "stream.started": StreamEventData;
  "stream.stopped": StreamEventData;
  "call.started": CallLogView;
  "call.ended": CallLogView;
}

/** One `{type, data}` pair per event type: what the write lane appends. */
export type LiveEventBody = { [T in LiveEventType]: { type: T; data: LiveEventDataMap[T] } }[LiveEventType];

export interface LiveEventBase {
  sessionId: string;
  seq: number;
  at: string;
}
/** An event as committed to the log: the staff (full) view of its data. */
export type CommittedEvent = LiveEventBase & LiveEventBody;

export type LiveEvent =
  | CommittedEvent
  /** a call as viewers see it: the staff view is the whole CallLogView; public: `{ label }` only (§5b) */
  | (LiveEventBase & { type: "call.started" | "call.ended"; data: PublicCallLogView })
  /** an event this watcher's projection may not see: it keeps seq contiguous */
  | (LiveEventBase & { type: "redacted" });

/** Livestream (§5c): why a stream stopped being live. */
export type StreamStopReason = "publisher" | "session-ended" | "key-regenerated";

/** Data of `stream.started` / `stream.stopped` (no secret in it: every projection sees it). */
export interface StreamEventData {
  live: boolean;
  hlsUrl: string | null;
  reason?: StreamStopReason;
}

/** GET /api/sessions/:id/stream (staff of the venue): what an encoder needs. */
export interface StreamSettings {
  rtmpUrl: string;
  streamKey: string;
  hlsUrl: string | null;
  live: boolean;
}

export interface WatchSnapshot {
  seq: number;
  session: SessionView;
  tickets: TicketView[];
  transcript: TranscriptEntryView[];
  viewers: number;
}
export interface WatchReplay {
  seq: number;
  events: LiveEvent[];
}

export interface UserView {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  venueIds: string[];
  disabled?: boolean;
  /** extension (docs/SECURITY.md): the password was set by an admin and must be changed before anything else */
  mustChangePassword?: boolean;
  /** role DEPARTMENT: the department it answers for (§6e) */
  departmentId?: string | null;
}

export interface DeputyGroupView {
  id: string;
  name: string;
  town: string;
}

/** A venue's own fields: what the admin edits (AdminVenueView) and the tree shows. */
export interface VenueFields {
  id: string;
  name: string;
  kind: VenueKind;
  town: string;
  address: string;
  parentId: string | null;
  deputyGroupId: string | null;
}

/** GET /api/venues: the 家→站→室 tree, roots first, children nested. */
export interface VenueNode extends VenueFields {
  deputyGroupName: string | null;
  children: VenueNode[];
}

/** GET /api/track/:code — what a voter may see of their case (no personal data). */
export interface TrackView {
  trackingCode: string;
  status: CaseStatus;
  /** MESSAGE: left in the message box (the page then says "your message"); never the message's text or contact */
  source: CaseSource;
  category: string;
  summary: string;
  venueName: string;
  sessionTitle: string | null;
  resolution: string | null;
  rejectReason: string | null;
  dueAt: string | null;
  satisfaction: number | null;
  feedbackComment: string | null;
  canRate: boolean;
  history: { type: string; status: CaseStatus | null; note: string | null; at: string }[];
  createdAt: string;
}

/** §6e: the suggestion a case became, as the voter's tracking page shows it (public text, no names). */
export interface TrackSuggestionView {
  number: string;
  status: "DRAFT" | "SUBMITTED" | "ASSIGNED" | "COUNTERSIGNING" | "ANSWERED" | "EVALUATED";
  /** extension: the suggestion's title */
  title: string;
  /** extension: the lead department's name, once assigned */
  departmentName: string | null;
  answer?: { kind: "A" | "B" | "C"; text: string; at: string };
}
