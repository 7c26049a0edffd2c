/**
 * The whole live contract in one place (docs/ARCHITECTURE.md §5). The server
 * types its io with these; the client uses them reversed:
 * `Socket<ServerToClientEvents, ClientToServerEvents>`.
 */
import type { AckFn } from "./errors.ts";
import type { BookingPublicView } from "./bookings.ts";
import type { CallInvite, CallSetup, CallSignal, CallStateChange } from "./calls.ts";
import type { LiveEvent, SessionView, TicketView, TranscriptEntryView, WatchReplay, WatchSnapshot } from "./model.ts";
import type {
  CallMuteInput,
  CallRejoinInput,
  CallRefInput,
  CallSignalInput,
  CallStartInput,
  DeskRegisterInput,
  HallFinishInput,
  HallPrioritizeInput,
  HallRequeueInput,
  QueueJoinInput,
  SessionRefInput,
  SessionUpdateInput,
  SessionWatchInput,
  TicketRefInput,
  TranscriptAmendInput,
  TranscriptAppendInput,
  VoterTokenInput,
  BookingCheckInInput,
  DeskCheckInInput,
  BookingWatchInput,
  TicketSupportInput,
} from "./schemas.ts";

export type { Ack, AckFn, ErrorBody, ErrorCode } from "./errors.ts";
export type * from "./model.ts";

export interface JoinResult {
  ticket: TicketView;
  voterToken: string;
}
export interface TicketResult {
  ticket: TicketView;
}

/** ticket:support's answer: the new count, and the device's token to keep (docs/ARCHITECTURE.md §6b). */
export interface SupportResult {
  supportCount: number;
  supporterToken: string;
}

export interface ClientToServerEvents {
  "session:watch": (p: SessionWatchInput, ack: AckFn<WatchSnapshot | WatchReplay>) => void;
  /** extension: stop receiving a session's events */
  "session:unwatch": (p: SessionRefInput, ack: AckFn<{ sessionId: string }>) => void;
  "queue:join": (p: QueueJoinInput, ack: AckFn<JoinResult>) => void;
  "ticket:resume": (p: VoterTokenInput, ack: AckFn<TicketResult>) => void;
  "queue:leave": (p: VoterTokenInput, ack: AckFn<TicketResult>) => void;
  "desk:register": (p: DeskRegisterInput, ack: AckFn<JoinResult>) => void;
  "hall:callNext": (p: SessionRefInput, ack: AckFn<TicketResult>) => void;
  "hall:call": (p: TicketRefInput, ack: AckFn<TicketResult>) => void;
  "hall:start": (p: TicketRefInput, ack: AckFn<TicketResult>) => void;
  "hall:finish": (p: HallFinishInput, ack: AckFn<TicketResult>) => void;
  "hall:noShow": (p: TicketRefInput, ack: AckFn<TicketResult>) => void;
  "hall:requeue": (p: HallRequeueInput, ack: AckFn<TicketResult>) => void;
  "hall:prioritize": (p: HallPrioritizeInput, ack: AckFn<TicketResult>) => void;
  "session:update": (p: SessionUpdateInput, ack: AckFn<{ session: SessionView }>) => void;
  /** §5e (forum): end the current agenda item and give the floor to the next; the first call makes the day LIVE */
  "hall:agendaNext": (p: SessionRefInput, ack: AckFn<{ session: SessionView }>) => void;
  "transcript:append": (p: TranscriptAppendInput, ack: AckFn<{ entry: TranscriptEntryView }>) => void;
  "transcript:amend": (p: TranscriptAmendInput, ack: AckFn<{ entry: TranscriptEntryView }>) => void;
  // calls (§5b)
  "call:start": (p: CallStartInput, ack: AckFn<CallSetup>) => void;
  "call:signal": (p: CallSignalInput, ack: AckFn<Record<string, never>>) => void;
  "call:mute": (p: CallMuteInput, ack: AckFn<Record<string, never>>) => void;
  "call:end": (p: CallRefInput, ack: AckFn<Record<string, never>>) => void;
  /** extension: the voter picks up (RINGING → CONNECTED); this socket becomes the call's voter party */
  "call:accept": (p: CallRefInput, ack: AckFn<CallSetup>) => void;
  /** extension: the voter declines (→ ENDED, reason DECLINED) */
  "call:decline": (p: CallRefInput, ack: AckFn<Record<string, never>>) => void;
  /** extension: a page that came back (reload) takes over a live call as the voter party; needs the ticket's voter token */
  "call:rejoin": (p: CallRejoinInput, ack: AckFn<CallSetup>) => void;
  // ---- bookings and support (docs/ARCHITECTURE.md §6b) ----
  "booking:checkIn": (p: BookingCheckInInput, ack: AckFn<JoinResult>) => void;
  "desk:checkIn": (p: DeskCheckInInput, ack: AckFn<JoinResult>) => void;
  /** extension: the booking's public view now; `booking:event` then brings each change of its status */
  "booking:watch": (p: BookingWatchInput, ack: AckFn<{ booking: BookingPublicView }>) => void;
  "ticket:support": (p: TicketSupportInput, ack: AckFn<SupportResult>) => void;
}

/** A client→server event's name, its payload and what its ack carries on success. */
export type ClientEvent = keyof ClientToServerEvents;
export type PayloadOf<E extends ClientEvent> = Parameters<ClientToServerEvents[E]>[0];
export type AckData<E extends ClientEvent> = Extract<Parameters<Parameters<ClientToServerEvents[E]>[1]>[0], { ok: true }>["data"];

export interface ServerToClientEvents {
  "session:events": (events: LiveEvent[]) => void;
  /** `seq`: in a cluster, the session's last committed seq, sent when it moved (a watcher behind it watches again) */
  "session:viewers": (p: { sessionId: string; count: number; seq?: number }) => void;
  "ticket:event": (p: { ticket: TicketView }) => void;
  /** extension: a watched booking moved (promoted, cancelled, checked in, lapsed) — its public view */
  "booking:event": (p: { booking: BookingPublicView }) => void;
  // calls (§5b)
  "call:invite": (p: CallInvite) => void;
  "call:signal": (p: CallSignal) => void;
  "call:state": (p: CallStateChange) => void;
}

/** Per-socket state kept by the server (socket.data). */
export interface SocketData {
  /** the handshake's address, for the per-address join limit */
  ip: string;
  /** 附议 from a client that sends no supporter token: this connection is the device, so it counts once */
  supporterToken?: string;
}
