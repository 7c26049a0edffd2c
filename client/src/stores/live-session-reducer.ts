/**
 * The live state of one watched session, driven by `session:watch` answers and
 * `session:events` frames. Pure: the socket module feeds it actions and reads
 * `needsResync` to decide when to watch again.
 *
 * Ordering rules (docs/ARCHITECTURE.md §5):
 * - frames may arrive before the watch ack (the server joins the room before
 *   it reads the snapshot), so they are buffered while a watch is pending and
 *   only those newer than the snapshot are applied afterwards;
 * - an event at or below the current seq is a duplicate and ignored;
 * - an event beyond seq + 1 is a gap: it is kept, and the client watches again
 *   with `sinceSeq` to fetch what it missed;
 * - a head (`session:viewers` with `seq`, in a cluster) beyond seq is a frame
 *   that may never come (its node died after the commit): once it has had time
 *   to arrive (`behindHead`), the client watches again likewise.
 */
import type {
  CaseView,
  LiveEvent,
  SessionView,
  StreamStopReason,
  TicketView,
  TranscriptEntryView,
  WatchReplay,
  WatchSnapshot,
} from "@protocol/model.ts";

export interface LiveSessionState {
  sessionId: string | null;
  /** idle: nothing watched; loading: first watch in flight; ready: has a snapshot; failed: watch refused */
  phase: "idle" | "loading" | "ready" | "failed";
  seq: number;
  session: SessionView | null;
  tickets: Record<string, TicketView>;
  /** every entry this watcher may see, in seq order (amendments included) */
  transcript: TranscriptEntryView[];
  cases: CaseView[];
  viewers: number;
  /** the highest head the server told (0: none); beyond `seq` means frames are missing or in flight */
  head: number;
  watchPending: boolean;
  /** frames received while a watch was pending or after a gap, not applied yet */
  pending: LiveEvent[];
  needsResync: boolean;
  /** the error code of a refused watch (NOT_FOUND, FORBIDDEN…) */
  failure: string | null;
  /** seq of the last `ticket.updated` that put a ticket into CALLED (for chimes) */
  lastCall: { ticketId: string; seq: number } | null;
  /** why the livestream stopped, if it stopped while watched (`stream.stopped`); null once it starts again */
  streamStopped: StreamStopReason | null;
  /** §5b: the label on the phone line right now (from call.started / call.ended), for every projection */
  onCall: { label: string; callId: string | null } | null;
}

export type LiveSessionAction =
  | { type: "opened"; sessionId: string }
  | { type: "closed" }
  /** the session's view read over HTTP before the socket's snapshot (shown until the snapshot arrives) */
  | { type: "sessionPrefetched"; session: SessionView }
  | { type: "watchStarted" }
  | { type: "watchAnswered"; data: WatchSnapshot | WatchReplay }
  | { type: "watchFailed"; code: string }
  | { type: "eventsReceived"; events: LiveEvent[] }
  | { type: "viewersReceived"; count: number; seq?: number };

export const initialLiveSessionState: LiveSessionState = {
  sessionId: null,
  phase: "idle",
  seq: 0,
  session: null,
  tickets: {},
  transcript: [],
  cases: [],
  viewers: 0,
  head: 0,
  watchPending: false,
  pending: [],
  needsResync: false,
  failure: null,
  lastCall: null,
  streamStopped: null,
  onCall: null,
};

/** Whether the server's head is beyond what this watcher has applied (and no watch is already fetching it). */
export function behindHead(state: LiveSessionState): boolean {
  return state.phase === "ready" && !state.watchPending && state.head > state.seq;
}

export function isReplay(data: WatchSnapshot | WatchReplay): data is WatchReplay {
  return "events" in data && !("session" in data);
}

export function liveSessionReducer(state: LiveSessionState, action: LiveSessionAction): LiveSessionState {
  switch (action.type) {
    case "opened":
      if (state.sessionId === action.sessionId) return state;
      return { ...initialLiveSessionState, sessionId: action.sessionId, phase: "loading" };
    case "closed":
      return initialLiveSessionState;
    case "sessionPrefetched":
      // Only a placeholder: the snapshot (with tickets and seq) always wins, and nothing replays from it.
      if (state.sessionId !== action.session.id || state.phase !== "loading" || state.session) return state;
      return { ...state, session: action.session };
    case "watchStarted":
      // Keep what is pending: frames after a gap are still valid once the replay fills it.
      return { ...state, watchPending: true, needsResync: false };
    case "watchAnswered":
      return isReplay(action.data) ? applyReplay(state, action.data) : applySnapshot(state, action.data);
    case "watchFailed":
      return {
        ...state,
        watchPending: false,
        phase: state.phase === "ready" ? "ready" : "failed",
        failure: action.code,
      };
    case "eventsReceived": {
      const events = action.events.filter((e) => e.sessionId === state.sessionId);
      if (events.length === 0) return state;
      if (state.watchPending || state.phase !== "ready") {
        return { ...state, pending: mergePending(state.pending, events) };
      }
      return drain({ ...state, pending: mergePending(state.pending, events) });
    }
    case "viewersReceived":
      return { ...state, viewers: action.count, head: Math.max(state.head, action.seq ?? 0) };
    default:
      return assertNever(action);
  }
}

function applySnapshot(state: LiveSessionState, snap: WatchSnapshot): LiveSessionState {
  const tickets: Record<string, TicketView> = {};
  for (const t of snap.tickets) tickets[t.id] = t;
  const base: LiveSessionState = {
    ...state,
    phase: "ready",
    failure: null,
    watchPending: false,
    needsResync: false,
    seq: snap.seq,
    session: snap.session,
    tickets,
    transcript: [...snap.transcript],
    viewers: snap.viewers,
    streamStopped: snap.session.streamLive ? null : state.streamStopped,
  };
  return drain(base);
}

function applyReplay(state: LiveSessionState, replay: WatchReplay): LiveSessionState {
  let next: LiveSessionState = {
    ...state,
    watchPending: false,
    needsResync: false,
    failure: null,
    pending: mergePending(state.pending, replay.events),
  };
  next = drain(next);
  // The server vouches for everything up to replay.seq; if it had nothing to
  // send for a range, trust it rather than looping on an unfillable gap.
  if (!next.needsResync && replay.seq > next.seq) next = { ...next, seq: replay.seq };
  return next;
}

/** Applies pending events in seq order until a gap; flags a gap for a resync. */
function drain(state: LiveSessionState): LiveSessionState {
  let next = state;
  const remaining: LiveEvent[] = [];
  let gap = false;
  for (const event of state.pending) {
    if (event.seq <= next.seq) continue;
    if (gap || event.seq > next.seq + 1) {
      gap = true;
      remaining.push(event);
      continue;
    }
    next = applyEvent(next, event);
  }
  return { ...next, pending: remaining, needsResync: gap };
}

export function applyEvent(state: LiveSessionState, event: LiveEvent): LiveSessionState {
  const advanced = { ...state, seq: event.seq };
  switch (event.type) {
    case "session.updated":
      return { ...advanced, session: event.data };
    case "ticket.joined":
    case "ticket.updated": {
      const before = state.tickets[event.data.id];
      const becameCalled = event.data.status === "CALLED" && before?.status !== "CALLED";
      return {
        ...advanced,
        tickets: { ...state.tickets, [event.data.id]: event.data },
        lastCall: becameCalled ? { ticketId: event.data.id, seq: event.seq } : state.lastCall,
      };
    }
    case "transcript.appended":
    case "transcript.amended":
      if (state.transcript.some((e) => e.id === event.data.id)) return advanced;
      return { ...advanced, transcript: [...state.transcript, event.data] };
    case "case.created":
      return { ...advanced, cases: [...state.cases.filter((c) => c.id !== event.data.id), event.data] };
    case "stream.started":
    case "stream.stopped": {
      if (!state.session) return advanced;
      const session = { ...state.session, streamLive: event.data.live, hlsUrl: event.data.hlsUrl };
      const streamStopped = event.type === "stream.stopped" ? (event.data.reason ?? "publisher") : null;
      return { ...advanced, session, streamStopped };
    }
    case "call.started":
      return { ...advanced, onCall: { label: event.data.label, callId: "callId" in event.data ? event.data.callId : null } };
    case "call.ended":
      return { ...advanced, onCall: null };
    case "redacted":
      return advanced;
    default:
      return assertNever(event);
  }
}

function mergePending(pending: LiveEvent[], incoming: LiveEvent[]): LiveEvent[] {
  const bySeq = new Map<number, LiveEvent>();
  for (const e of pending) bySeq.set(e.seq, e);
  for (const e of incoming) bySeq.set(e.seq, e);
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

function assertNever(x: never): never {
  throw new Error(`unexpected ${JSON.stringify(x)}`);
}
