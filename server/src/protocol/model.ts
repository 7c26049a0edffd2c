/**
 * What crosses the wire: the views of the domain the server sends. Views are
 * projections — a viewer's TicketView has a masked name and no phone, private
 * question or staff note; the staff view and the voter's own view carry them.
 */

export type VenueKind = "HOME" | "STATION" | "STUDIO";
export type Role = "ADMIN" | "STAFF" | "DEPUTY";
export type SessionStatus = "SCHEDULED" | "OPEN" | "LIVE" | "PAUSED" | "ENDED";
export type Channel = "ONLINE" | "IN_PERSON";
export type TicketStatus = "WAITING" | "CALLED" | "SPEAKING" | "DONE" | "NO_SHOW" | "LEFT";
export type TranscriptKind = "SYSTEM" | "QUESTION" | "ANSWER" | "NOTE";
export type SpeakerRole = "VOTER" | "DEPUTY" | "STAFF" | "SYSTEM";
export type Visibility = "PUBLIC" | "STAFF";
export type CaseStatus = "OPEN" | "ASSIGNED" | "IN_PROGRESS" | "RESOLVED" | "CLOSED" | "REJECTED";
export type Projection = "public" | "staff" | "own";

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
  /** staff and own projections only */
  phone?: string | null;
  question?: string | null;
  priorityReason?: string | null;
  summary?: string | null;
  /** the follow-up case's tracking code, once one exists (staff and own) */
  trackingCode?: string | null;
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
  createdAt: string;
  updatedAt: string;
}

export type LiveEventType =
  | "session.updated"
  | "ticket.joined"
  | "ticket.updated"
  | "transcript.appended"
  | "transcript.amended"
  | "case.created"
  | "call.started"
  | "call.ended";

interface EventBase {
  sessionId: string;
  seq: number;
  at: string;
}
export type LiveEvent =
  | (EventBase & { type: "session.updated"; data: SessionView })
  | (EventBase & { type: "ticket.joined" | "ticket.updated"; data: TicketView })
  | (EventBase & { type: "transcript.appended" | "transcript.amended"; data: TranscriptEntryView })
  | (EventBase & { type: "case.created"; data: CaseView })
  /** staff: the whole CallLogView; public: `{ label }` only (§5b) */
  | (EventBase & { type: "call.started" | "call.ended"; data: CallLogView | PublicCallLogView })
  /** an event this watcher's projection may not see: it keeps seq contiguous */
  | (EventBase & { type: "redacted" });

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
}

export interface DeputyGroupView {
  id: string;
  name: string;
  town: string;
}

/** GET /api/venues: the 家→站→室 tree, roots first, children nested. */
export interface VenueNode {
  id: string;
  name: string;
  kind: VenueKind;
  town: string;
  address: string;
  parentId: string | null;
  deputyGroupId: string | null;
  deputyGroupName: string | null;
  children: VenueNode[];
}

/** GET /api/track/:code — what a voter may see of their case (no personal data). */
export interface TrackView {
  trackingCode: string;
  status: CaseStatus;
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

// ── calls (§5b) ───────────────────────────────────────────────────────────────

export type CallState = "RINGING" | "CONNECTED" | "MUTED" | "ENDED";
/** Why a call ended. */
export type CallEndReason =
  | "HALL_HUNG_UP"
  | "VOTER_HUNG_UP"
  | "DECLINED"
  /** its ticket left CALLED/SPEAKING (finish, no-show, requeue, leave) */
  | "TURN_ENDED"
  /** the voter's last socket was gone for longer than the grace */
  | "VOTER_GONE"
  /** the hall console that started the call disconnected */
  | "HALL_GONE"
  | "TIME_LIMIT";

/** `call.started` / `call.ended` data as staff see it. `durationSec` counts from CONNECTED (0 when never connected). */
export interface CallLogView {
  callId: string;
  ticketId: string;
  label: string;
  durationSec: number;
  reason: CallEndReason | null;
}
/** What viewers learn of a call: that the ticket with this label is on the line. */
export interface PublicCallLogView {
  label: string;
}

/** An RTCIceServer as the browser takes it. */
export interface IceServer {
  urls: string[];
  username?: string;
  credential?: string;
}
export interface CallSetup {
  callId: string;
  iceServers: IceServer[];
  /** extension: "relay" when RTC_RELAY_ONLY=1 — the client sets RTCPeerConnection's iceTransportPolicy */
  iceTransportPolicy: "all" | "relay";
}
export interface CallInvite extends CallSetup {
  sessionId: string;
  ticketId: string;
}
export interface CallSignal {
  callId: string;
  from: "hall" | "voter";
  description?: { type: "offer" | "answer" | "pranswer" | "rollback"; sdp?: string };
  candidate?: { candidate: string; sdpMid?: string | null; sdpMLineIndex?: number | null; usernameFragment?: string | null } | null;
}
export interface CallStateChange {
  callId: string;
  state: CallState;
  reason?: CallEndReason;
}
