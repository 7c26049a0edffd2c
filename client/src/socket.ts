/**
 * The one live socket of the app (docs/ARCHITECTURE.md §5). Everything that
 * crosses Socket.IO goes through here: it watches the open session, keeps the
 * stores in step with `session:events`, resumes the voter's ticket after a
 * reload or reconnect, and offers the actions the views call. Components never
 * see the socket itself.
 */
import { io, type Socket } from "socket.io-client";
import type { Ack, AckFn, ClientToServerEvents, ServerToClientEvents } from "@protocol/events.ts";
import type { CallInvite, CallSignal, CallStateChange } from "@protocol/calls.ts";
import type {
  DeskRegisterInput,
  HallFinishInput,
  HallPrioritizeInput,
  HallRequeueInput,
  QueueJoinInput,
  SessionUpdateInput,
  TranscriptAppendInput,
} from "@protocol/schemas.ts";
import { currentLogin, signalAuth } from "./api.ts";
import { toClientError, type Result } from "./lib/client-error.ts";
import { newRequestId } from "./lib/send-attempt.ts";
import { fetchBookingEarly, fetchSessionEarly } from "./lib/session-prefetch.ts";
import { registerLiveReconnect, setConnectionStatus } from "./stores/connection.ts";
import { dispatchLiveSession, useLiveSession } from "./stores/live-session.ts";
import { behindHead } from "./stores/live-session-reducer.ts";
import { myBookingAsked, myBookingClosed, myBookingEarly, myBookingMissing, myBookingReceived } from "./stores/my-booking.ts";
import {
  clearVoterTicketState,
  loadVoterTicket,
  storeToken,
  useVoterTicket,
  voterTicketJoined,
  voterTicketLost,
  voterTicketReceived,
} from "./stores/voter-ticket.ts";

type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
type EventName = keyof ClientToServerEvents;
type PayloadOf<E extends EventName> = Parameters<ClientToServerEvents[E]>[0];
type DataOf<E extends EventName> = Parameters<ClientToServerEvents[E]>[1] extends AckFn<infer T> ? T : never;

const ACK_TIMEOUT_MS = 10_000;
/** Creating events carry a requestId, so resending after a lost ack creates nothing twice. */
const CREATE_ATTEMPTS = 3;
/** After this many replays in a row that still leave a gap, ask for a full snapshot. */
const MAX_REPLAYS_IN_A_ROW = 2;
/** How long a frame up to a told head may still be on its way (paced broadcast, Redis) before it is fetched. */
const HEAD_GRACE_MS = 1_500;

let socket: LiveSocket | null = null;
let watchedSessionId: string | null = null;
/** The booking a status page follows (`booking:watch`), beside or without a watched session. */
let watchedBookingCode: string | null = null;
/** Whether an open view needs the socket up. */
const wanted = () => watchedSessionId !== null || watchedBookingCode !== null;
let watchesVoterTicket = false;
/** What the open view asks for: the hall screen is a public display whoever is logged in. */
let watchedProjection: "public" | undefined;
let watchGeneration = 0;
let replaysInARow = 0;
let closingOnPurpose = false;

function liveSocket(): LiveSocket {
  if (socket) return socket;
  const s: LiveSocket = io({
    autoConnect: false,
    withCredentials: true,
    // Re-read on every (re)connect: the voter token may have appeared since.
    auth: (cb) => {
      const voterToken = useVoterTicket.getState().voterToken;
      cb(voterToken ? { voterToken } : {});
    },
  });
  s.on("connect", onConnect);
  s.on("disconnect", (reason) => {
    if (closingOnPurpose) return;
    setConnectionStatus("offline");
    // The server hung up on us (e.g. a revoked login): Socket.IO will not retry by itself.
    if (reason === "io server disconnect") setTimeout(() => wanted() && s.connect(), 1000);
  });
  s.on("connect_error", () => {
    if (closingOnPurpose) return;
    setConnectionStatus("offline");
    // A refused handshake stops Socket.IO's own retries; keep trying while a view is open.
    if (!s.active) setTimeout(() => wanted() && !s.connected && s.connect(), 3000);
  });
  s.on("session:events", (events) => {
    if (!watchedSessionId) return;
    const next = dispatchLiveSession({ type: "eventsReceived", events });
    if (next.needsResync && !next.watchPending) void watch(watchedSessionId);
  });
  s.on("session:viewers", (p) => {
    if (p.sessionId !== watchedSessionId) return;
    const next = dispatchLiveSession({ type: "viewersReceived", count: p.count, seq: p.seq });
    if (!behindHead(next)) return;
    // The frames up to the head may still be on their way: give them time, then fetch what is missing.
    const sessionId = p.sessionId;
    setTimeout(() => {
      if (watchedSessionId === sessionId && behindHead(useLiveSession.getState())) void watch(sessionId);
    }, HEAD_GRACE_MS);
  });
  s.on("ticket:event", (p) => voterTicketReceived(p.ticket));
  s.on("booking:event", (p) => myBookingReceived(p.booking));
  s.on("call:invite", (p) => (callListener ? callListener.invite(p) : (unheardInvite = p)));
  s.on("call:signal", (p) => callListener?.signal(p));
  s.on("call:state", (p) => {
    if (p.state === "ENDED" && unheardInvite?.callId === p.callId) unheardInvite = null;
    callListener?.state(p);
  });
  if (typeof window !== "undefined") {
    // A phone waking up or a network coming back: don't wait for the backoff timer.
    const nudge = () => {
      if (wanted() && !s.connected && document.visibilityState === "visible") s.connect();
    };
    document.addEventListener("visibilitychange", nudge);
    window.addEventListener("online", nudge);
  }
  socket = s;
  return s;
}

function onConnect(): void {
  setConnectionStatus("online");
  // A change missed while offline is read again with the watch.
  if (watchedBookingCode) void watchBooking(watchedBookingCode);
  if (!watchedSessionId) return;
  void watch(watchedSessionId);
  if (watchesVoterTicket) void resumeVoterTicket();
}

// ── requests ──────────────────────────────────────────────────────────────────

interface LooseEmitter {
  emit(event: string, payload: unknown, cb: (err: Error | null, ack: Ack<unknown> | undefined) => void): void;
}

function emitOnce<E extends EventName>(event: E, payload: PayloadOf<E>): Promise<Result<DataOf<E>>> {
  const s = liveSocket();
  const sentUnder = currentLogin();
  return new Promise((resolve) => {
    (s.timeout(ACK_TIMEOUT_MS) as unknown as LooseEmitter).emit(event, payload, (err, ack) => {
      if (err) return resolve({ ok: false, error: { code: "TIMEOUT", message: "timeout" } });
      if (!ack || typeof ack !== "object") return resolve({ ok: false, error: toClientError(undefined) });
      if (!ack.ok) signalStaffAuth(event, ack.error?.code, sentUnder);
      resolve(ack.ok ? { ok: true, data: ack.data as DataOf<E> } : { ok: false, error: toClientError(ack.error) });
    });
  });
}

/** A staff event refused for the login itself: the page sends the person to log in again, or to the password page. */
const STAFF_EVENT = /^(hall|desk|transcript):|^session:update$|^call:(start|end)$/;
function signalStaffAuth(event: string, code: string | undefined, sentUnder: number): void {
  if (!STAFF_EVENT.test(event)) return;
  if (code === "UNAUTHENTICATED") signalAuth("ended", sentUnder);
  else if (code === "PASSWORD_CHANGE_REQUIRED") signalAuth("passwordChangeRequired", sentUnder);
}

/**
 * One request with an ack. Idempotent requests (watch, resume, creates with a
 * requestId) may wait for the connection and are resent on timeout; others
 * fail fast when offline so a click is never replayed behind the user's back.
 */
async function request<E extends EventName>(
  event: E,
  payload: PayloadOf<E>,
  opts: { idempotent?: boolean } = {},
): Promise<Result<DataOf<E>>> {
  const s = liveSocket();
  if (!opts.idempotent) {
    if (!s.connected) return { ok: false, error: { code: "OFFLINE", message: "offline" } };
    return emitOnce(event, payload);
  }
  if (!s.connected && !s.active) s.connect();
  let last: Result<DataOf<E>> = { ok: false, error: { code: "TIMEOUT", message: "timeout" } };
  for (let attempt = 0; attempt < CREATE_ATTEMPTS; attempt++) {
    last = await emitOnce(event, payload);
    if (last.ok || last.error.code !== "TIMEOUT") return last;
  }
  return last;
}

// ── watching ──────────────────────────────────────────────────────────────────

async function watch(sessionId: string): Promise<void> {
  const generation = ++watchGeneration;
  const state = useLiveSession.getState();
  const canReplay = state.sessionId === sessionId && state.phase === "ready" && replaysInARow < MAX_REPLAYS_IN_A_ROW;
  const asked = watchedProjection ? { projection: watchedProjection } : {};
  const payload = canReplay ? { sessionId, sinceSeq: state.seq, ...asked } : { sessionId, ...asked };
  replaysInARow = canReplay ? replaysInARow + 1 : 0;
  dispatchLiveSession({ type: "watchStarted" });
  const res = await request("session:watch", payload, { idempotent: true });
  if (generation !== watchGeneration || watchedSessionId !== sessionId) return;
  if (!res.ok) {
    if (res.error.code === "TIMEOUT" || res.error.code === "INTERNAL" || res.error.code === "RATE_LIMITED") {
      setTimeout(() => {
        if (generation === watchGeneration && watchedSessionId === sessionId && liveSocket().connected) void watch(sessionId);
      }, 2000);
    }
    dispatchLiveSession({ type: "watchFailed", code: res.error.code });
    return;
  }
  const next = dispatchLiveSession({ type: "watchAnswered", data: res.data });
  if (next.needsResync) void watch(sessionId);
  else replaysInARow = 0;
}

/**
 * Starts following a session (one at a time). Returns the function that stops.
 * `voter`: also resume the voter ticket stored for this session.
 * `projection: "public"`: a public display (the hall screen) — never the staff
 * projection, even in a logged-in browser.
 */
export function openLiveSession(sessionId: string, opts: { voter?: boolean; projection?: "public" } = {}): () => void {
  const s = liveSocket();
  if (watchedProjection !== opts.projection) {
    // Another projection is another snapshot: never replay across it.
    replaysInARow = MAX_REPLAYS_IN_A_ROW;
    dispatchLiveSession({ type: "closed" });
  }
  watchedSessionId = sessionId;
  watchedProjection = opts.projection;
  watchesVoterTicket = !!opts.voter;
  closingOnPurpose = false;
  dispatchLiveSession({ type: "opened", sessionId });
  if (opts.voter) {
    loadVoterTicket(sessionId);
    // The join form need not wait for the socket's handshake on a slow phone.
    void fetchSessionEarly(sessionId).then((session) => {
      if (session && watchedSessionId === sessionId) dispatchLiveSession({ type: "sessionPrefetched", session });
    });
  }
  if (s.connected) {
    void watch(sessionId);
    if (opts.voter) void resumeVoterTicket();
  } else {
    setConnectionStatus("connecting");
    s.connect();
  }
  return () => {
    if (watchedSessionId !== sessionId) return;
    if (s.connected) s.emit("session:unwatch", { sessionId }, () => undefined);
    watchedSessionId = null;
    watchGeneration++;
    if (watchesVoterTicket) clearVoterTicketState();
    watchesVoterTicket = false;
    dispatchLiveSession({ type: "closed" });
    closeSoonIfUnused();
  };
}

/** Leave the socket up for a moment: the next view usually opens right away. */
function closeSoonIfUnused(): void {
  setTimeout(() => {
    if (!wanted() && socket) {
      closingOnPurpose = true;
      socket.disconnect();
      setConnectionStatus("idle");
    }
  }, 1500);
}

/** After login or logout: a fresh handshake so the server sees the new cookie. */
export function reconnectLiveSocket(): void {
  if (!socket || !(socket.connected || socket.active)) return;
  // The projection may change with the login: take a fresh snapshot, not a replay.
  replaysInARow = MAX_REPLAYS_IN_A_ROW;
  closingOnPurpose = true;
  socket.disconnect();
  closingOnPurpose = false;
  socket.connect();
}
// auth.ts calls it through the connection store (stores/connection.ts), which does not load Socket.IO.
registerLiveReconnect(reconnectLiveSocket);

// ── voter ─────────────────────────────────────────────────────────────────────

async function resumeVoterTicket(): Promise<void> {
  const { voterToken, sessionId } = useVoterTicket.getState();
  if (!voterToken || !sessionId) return;
  const res = await request("ticket:resume", { voterToken }, { idempotent: true });
  if (useVoterTicket.getState().voterToken !== voterToken) return;
  if (res.ok) voterTicketReceived(res.data.ticket);
  else if (["NOT_FOUND", "BAD_REQUEST", "UNAUTHENTICATED", "FORBIDDEN"].includes(res.error.code)) voterTicketLost();
}

/** A paper ticket's QR link carries the token: keep it as if this phone had joined. */
export function adoptVoterToken(sessionId: string, voterToken: string): void {
  storeToken(sessionId, voterToken);
  if (watchedSessionId === sessionId && watchesVoterTicket) {
    loadVoterTicket(sessionId);
    if (socket?.connected) void resumeVoterTicket();
  }
}

export type JoinInput = Omit<QueueJoinInput, "requestId">;

export async function joinQueue(input: JoinInput) {
  const res = await request("queue:join", { ...input, requestId: newRequestId() }, { idempotent: true });
  if (res.ok) voterTicketJoined(input.sessionId, res.data.voterToken, res.data.ticket);
  return res;
}

export async function leaveQueue() {
  const { voterToken } = useVoterTicket.getState();
  if (!voterToken) return { ok: false as const, error: { code: "NOT_FOUND" as const, message: "no ticket" } };
  const res = await request("queue:leave", { voterToken });
  if (res.ok) voterTicketReceived(res.data.ticket);
  return res;
}

// ── staff ─────────────────────────────────────────────────────────────────────

export const registerWalkIn = (input: Omit<DeskRegisterInput, "requestId">) =>
  request("desk:register", { ...input, requestId: newRequestId() }, { idempotent: true });
export const callNext = (sessionId: string) => request("hall:callNext", { sessionId });
/** 座谈会: end the current agenda item and start the next (the first call starts item 1). */
export const agendaNext = (sessionId: string) => request("hall:agendaNext", { sessionId });
export const callTicket = (ticketId: string) => request("hall:call", { ticketId });
export const startTurn = (ticketId: string) => request("hall:start", { ticketId });
export const finishTurn = (input: HallFinishInput) => request("hall:finish", input);
export const markNoShow = (ticketId: string) => request("hall:noShow", { ticketId });
export const requeueTicket = (input: HallRequeueInput) => request("hall:requeue", input);
export const prioritizeTicket = (input: HallPrioritizeInput) => request("hall:prioritize", input);
export const updateSession = (input: SessionUpdateInput) => request("session:update", input);
export const appendTranscript = (input: Omit<TranscriptAppendInput, "requestId">) =>
  request("transcript:append", { ...input, requestId: newRequestId() }, { idempotent: true });
export const amendTranscript = (entryId: string, text: string) => request("transcript:amend", { entryId, text });

// ── calls (§5b) ───────────────────────────────────────────────────────────────

/** The call controller (features/call) takes the call events; it is the only listener. */
export interface CallListener {
  invite(p: CallInvite): void;
  signal(p: CallSignal): void;
  state(p: CallStateChange): void;
}
let callListener: CallListener | null = null;
/** An invite that came before any view listened (a reloaded page is told of its call as it resumes the ticket). */
let unheardInvite: CallInvite | null = null;
export function setCallListener(listener: CallListener | null): void {
  callListener = listener;
  const invite = unheardInvite;
  unheardInvite = null;
  if (listener && invite) listener.invite(invite);
}

export const startCallRequest = (ticketId: string) => request("call:start", { ticketId });
export const acceptCallRequest = (callId: string) => request("call:accept", { callId });
export const declineCallRequest = (callId: string) => request("call:decline", { callId });
export const rejoinCallRequest = (callId: string, voterToken: string) => request("call:rejoin", { callId, voterToken });
export const muteCallRequest = (callId: string, muted: boolean) => request("call:mute", { callId, muted });
export const endCallRequest = (callId: string) => request("call:end", { callId });
export const sendCallSignal = (signal: Omit<CallSignal, "from">) => request("call:signal", signal);
// ── bookings and support (docs/ARCHITECTURE.md §6b) ─────────────────────────────────────────

/** The voter checks a booking in from the phone: the ticket is theirs as if they had joined. */
export async function checkInBooking(sessionId: string, code: string, bookingToken: string) {
  const res = await request("booking:checkIn", { code, bookingToken });
  if (res.ok) voterTicketJoined(sessionId, res.data.voterToken, res.data.ticket);
  return res;
}

async function watchBooking(code: string): Promise<void> {
  const res = await request("booking:watch", { code }, { idempotent: true });
  if (watchedBookingCode !== code) return;
  if (res.ok) myBookingReceived(res.data.booking);
  else if (res.error.code === "NOT_FOUND" || res.error.code === "BAD_REQUEST") myBookingMissing();
  // Otherwise (offline, timeout) the next connect watches again.
}

/**
 * Follows one booking's status live (its page, or the day's page of the phone
 * that booked it): the answer and each `booking:event` land in stores/my-booking.ts.
 * Returns the function that stops.
 */
export function followBooking(code: string): () => void {
  watchedBookingCode = code;
  closingOnPurpose = false;
  myBookingAsked(code);
  // Over HTTP while the socket connects (the server preloads it with the page): shown
  // only if the socket has not answered yet, which keeps its answer the fresher one.
  void fetchBookingEarly(code).then((booking) => {
    if (booking && watchedBookingCode === code) myBookingEarly(booking);
  });
  const s = liveSocket();
  if (s.connected) void watchBooking(code);
  else if (!s.active) {
    if (!watchedSessionId) setConnectionStatus("connecting");
    s.connect();
  }
  return () => {
    if (watchedBookingCode !== code) return;
    watchedBookingCode = null;
    myBookingClosed();
    closeSoonIfUnused();
  };
}

export const deskCheckIn = (sessionId: string, code: string) => request("desk:checkIn", { sessionId, code });

const SUPPORTER_KEY = "tongxin.supporter";

/** 附议 from this device: the server's supporter token is kept so the device counts once. */
export async function supportTicket(ticketId: string) {
  let supporterToken: string | undefined;
  try {
    supporterToken = localStorage.getItem(SUPPORTER_KEY) ?? undefined;
  } catch {
    supporterToken = undefined;
  }
  const res = await request("ticket:support", supporterToken ? { ticketId, supporterToken } : { ticketId });
  if (res.ok && res.data.supporterToken !== supporterToken) {
    try {
      localStorage.setItem(SUPPORTER_KEY, res.data.supporterToken);
    } catch {
      // private mode: this page still remembers what it supported
    }
  }
  return res;
}
