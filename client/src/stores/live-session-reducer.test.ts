import { describe, expect, it } from "vitest";
import type { LiveEvent, TicketView, TranscriptEntryView, WatchSnapshot } from "@protocol/model.ts";
import {
  behindHead,
  initialLiveSessionState,
  liveSessionReducer,
  type LiveSessionAction,
  type LiveSessionState,
} from "./live-session-reducer.ts";
import { AT, entryView, SID, sessionView, ticketView } from "./live-session-factories.ts";
import { currentTicket, latestCaptions, standingOf, transcriptLines, waitingTickets } from "./live-session-selectors.ts";

// ── tiny factories ────────────────────────────────────────────────────────────
const session = sessionView;
const ticket = ticketView;
const entry = entryView;
const at = AT;
const joined = (seq: number, t: TicketView): LiveEvent => ({ sessionId: SID, seq, at, type: "ticket.joined", data: t });
const updated = (seq: number, t: TicketView): LiveEvent => ({ sessionId: SID, seq, at, type: "ticket.updated", data: t });
const redacted = (seq: number): LiveEvent => ({ sessionId: SID, seq, at, type: "redacted" });
const appended = (seq: number, e: TranscriptEntryView): LiveEvent => ({
  sessionId: SID,
  seq,
  at,
  type: e.amendsId ? "transcript.amended" : "transcript.appended",
  data: e,
});
const snapshot = (seq: number, tickets: TicketView[] = [], over: Partial<WatchSnapshot> = {}): WatchSnapshot => ({
  seq,
  session: session(),
  tickets,
  transcript: [],
  viewers: 3,
  ...over,
});

const run = (...actions: LiveSessionAction[]): LiveSessionState =>
  actions.reduce(liveSessionReducer, initialLiveSessionState);
const open: LiveSessionAction = { type: "opened", sessionId: SID };
const watching: LiveSessionAction = { type: "watchStarted" };
const answered = (data: WatchSnapshot | { seq: number; events: LiveEvent[] }): LiveSessionAction => ({
  type: "watchAnswered",
  data,
});
const frame = (...events: LiveEvent[]): LiveSessionAction => ({ type: "eventsReceived", events });

// ── reducer ───────────────────────────────────────────────────────────────────
describe("live session reducer", () => {
  it("a told head beyond the applied seq means frames are missing until they arrive or a replay brings them", () => {
    const viewers = (count: number, seq?: number): LiveSessionAction => ({ type: "viewersReceived", count, seq });
    const t = ticket("t1", 1);
    const ready = run(open, watching, answered(snapshot(4)));
    // A count alone, or a head the watcher already has, asks for nothing.
    expect(behindHead(liveSessionReducer(ready, viewers(5)))).toBe(false);
    expect(behindHead(liveSessionReducer(ready, viewers(5, 4)))).toBe(false);
    const behind = liveSessionReducer(ready, viewers(5, 5));
    expect(behind.viewers).toBe(5);
    expect(behindHead(behind)).toBe(true);
    // An older head never lowers it.
    expect(liveSessionReducer(behind, viewers(5, 3)).head).toBe(5);
    // The frame arrives in time: nothing to fetch.
    expect(behindHead(liveSessionReducer(behind, frame(joined(5, t))))).toBe(false);
    // It never comes: the replay that the watcher asks for fills it.
    const fetching = liveSessionReducer(behind, watching);
    expect(behindHead(fetching)).toBe(false);
    expect(behindHead(liveSessionReducer(fetching, answered({ seq: 5, events: [joined(5, t)] })))).toBe(false);
    // Before the first snapshot there is nothing to be behind.
    expect(behindHead(run(open, viewers(2, 9)))).toBe(false);
  });

  it("a session read over HTTP shows until the snapshot, which replaces it; it never makes the state ready", () => {
    const early = session({ title: "早到的" });
    const before = run(open, { type: "sessionPrefetched", session: early });
    expect(before.session?.title).toBe("早到的");
    expect(before.phase).toBe("loading");
    const after = run(open, { type: "sessionPrefetched", session: early }, watching, answered(snapshot(3)));
    expect(after.session?.title).not.toBe("早到的");
    expect(after.phase).toBe("ready");
    // Late or for another session: ignored.
    expect(run(open, watching, answered(snapshot(3)), { type: "sessionPrefetched", session: early }).session?.title).not.toBe("早到的");
    expect(run(open, { type: "sessionPrefetched", session: session({ id: "other" }) }).session).toBeNull();
  });

  it("a snapshot replaces the state and makes it ready", () => {
    const s = run(open, watching, answered(snapshot(5, [ticket("w1", 1)])));
    expect(s.phase).toBe("ready");
    expect(s.seq).toBe(5);
    expect(Object.keys(s.tickets)).toEqual(["w1"]);
    expect(s.viewers).toBe(3);
    expect(s.watchPending).toBe(false);
  });

  it("frames that arrive before the watch ack are buffered and only newer ones applied", () => {
    const s = run(
      open,
      watching,
      frame(joined(5, ticket("w1", 1)), joined(6, ticket("w2", 2))),
      answered(snapshot(5, [ticket("w1", 1)])),
    );
    expect(s.seq).toBe(6);
    expect(Object.keys(s.tickets).sort()).toEqual(["w1", "w2"]);
    expect(s.pending).toEqual([]);
    expect(s.needsResync).toBe(false);
  });

  it("an event at or below the current seq is ignored", () => {
    const s = run(open, watching, answered(snapshot(5)), frame(joined(5, ticket("old", 1)), joined(4, ticket("older", 1))));
    expect(s.seq).toBe(5);
    expect(s.tickets).toEqual({});
  });

  it("the next seq is applied, and ticket events upsert by id", () => {
    const s = run(
      open,
      watching,
      answered(snapshot(1, [ticket("w1", 1)])),
      frame(updated(2, ticket("w1", 1, { status: "CALLED" })), joined(3, ticket("w2", 2))),
    );
    expect(s.seq).toBe(3);
    expect(s.tickets.w1?.status).toBe("CALLED");
    expect(s.tickets.w2?.status).toBe("WAITING");
    expect(s.lastCall).toEqual({ ticketId: "w1", seq: 2 });
  });

  it("call events advance seq and show who is on the phone line, for staff (full) and viewers (label only)", () => {
    const started: LiveEvent = { sessionId: SID, seq: 2, at, type: "call.started", data: { callId: "c1", ticketId: "w1", label: "W001", durationSec: 0, reason: null } };
    const ended: LiveEvent = { sessionId: SID, seq: 3, at, type: "call.ended", data: { label: "W001" } };
    const onLine = run(open, watching, answered(snapshot(1)), frame(started));
    expect(onLine.seq).toBe(2);
    expect(onLine.onCall).toEqual({ label: "W001", callId: "c1" });
    const publicStart: LiveEvent = { ...started, data: { label: "W001" } };
    expect(run(open, watching, answered(snapshot(1)), frame(publicStart)).onCall).toEqual({ label: "W001", callId: null });
    const over = run(open, watching, answered(snapshot(1)), frame(started, ended));
    expect(over.seq).toBe(3);
    expect(over.onCall).toBeNull();
  });

  it("a gap in seq flags a resync and keeps the later events for after the replay", () => {
    const gapped = run(open, watching, answered(snapshot(1)), frame(joined(2, ticket("w1", 1)), joined(4, ticket("w3", 3))));
    expect(gapped.seq).toBe(2);
    expect(gapped.needsResync).toBe(true);
    expect(gapped.pending.map((e) => e.seq)).toEqual([4]);

    const healed = [watching, answered({ seq: 4, events: [joined(3, ticket("w2", 2)), joined(4, ticket("w3", 3))] })].reduce(
      liveSessionReducer,
      gapped,
    );
    expect(healed.seq).toBe(4);
    expect(healed.needsResync).toBe(false);
    expect(Object.keys(healed.tickets).sort()).toEqual(["w1", "w2", "w3"]);
  });

  it("frames arriving while a resync is pending wait for the replay", () => {
    const s = run(
      open,
      watching,
      answered(snapshot(1)),
      frame(joined(3, ticket("w2", 2))),
      watching,
      frame(joined(4, ticket("w3", 3))),
    );
    expect(s.seq).toBe(1);
    const healed = liveSessionReducer(s, answered({ seq: 3, events: [joined(2, ticket("w1", 1)), joined(3, ticket("w2", 2))] }));
    expect(healed.seq).toBe(4);
    expect(Object.keys(healed.tickets).sort()).toEqual(["w1", "w2", "w3"]);
  });

  it("redacted events only advance seq", () => {
    const s = run(open, watching, answered(snapshot(1)), frame(redacted(2), joined(3, ticket("w1", 1))));
    expect(s.seq).toBe(3);
    expect(s.needsResync).toBe(false);
  });

  it("a reconnect answered by a fresh snapshot drops stale tickets", () => {
    const s = run(
      open,
      watching,
      answered(snapshot(1, [ticket("w1", 1), ticket("w2", 2)])),
      watching,
      answered(snapshot(9, [ticket("w2", 2)])),
    );
    expect(Object.keys(s.tickets)).toEqual(["w2"]);
    expect(s.seq).toBe(9);
  });

  it("events of another session are ignored", () => {
    const other: LiveEvent = { ...joined(2, ticket("x", 1)), sessionId: "s2" };
    const s = run(open, watching, answered(snapshot(1)), frame(other));
    expect(s.seq).toBe(1);
    expect(s.tickets).toEqual({});
  });

  it("session.updated replaces the session and a refused watch is reported", () => {
    const updatedSession: LiveEvent = { sessionId: SID, seq: 2, at, type: "session.updated", data: session({ status: "LIVE" }) };
    expect(run(open, watching, answered(snapshot(1)), frame(updatedSession)).session?.status).toBe("LIVE");
    const failed = run(open, watching, { type: "watchFailed", code: "NOT_FOUND" });
    expect(failed.phase).toBe("failed");
    expect(failed.failure).toBe("NOT_FOUND");
  });

  it("a duplicate transcript entry is not appended twice", () => {
    const e = entry("e1", "你好");
    const s = run(open, watching, answered(snapshot(1, [], { transcript: [e] })), frame(appended(2, e)));
    expect(s.transcript).toHaveLength(1);
    expect(s.seq).toBe(2);
  });
});

// ── selectors ─────────────────────────────────────────────────────────────────
describe("live session selectors", () => {
  const tickets = {
    w1: ticket("w1", 3000),
    a1: ticket("a1", 1000, { channel: "IN_PERSON" }),
    w2: ticket("w2", 2000, { status: "SPEAKING", startedAt: at }),
    w3: ticket("w3", 4000),
  };

  it("position counts the waiting tickets ahead in rank order", () => {
    expect(waitingTickets(tickets).map((t) => t.id)).toEqual(["a1", "w1", "w3"]);
    expect(standingOf(tickets, "w3", 600)).toMatchObject({ position: 3, ahead: 2, waitSec: 1500 });
    expect(standingOf(tickets, "w2", 600)).toBeUndefined();
  });

  it("after one 6-second turn the third in line still waits minutes (a range from the slot toward measured turns)", () => {
    const afterShortTurn = {
      d1: ticket("d1", 1, { status: "DONE", startedAt: "2026-11-20T09:00:00.000Z", finishedAt: "2026-11-20T09:00:06.000Z" }),
      s1: ticket("s1", 2, { status: "SPEAKING", startedAt: "2026-11-20T09:00:10.000Z" }),
      w1: ticket("w1", 3),
      w2: ticket("w2", 4),
      w3: ticket("w3", 5),
    };
    const standing = standingOf(afterShortTurn, "w3", 8 * 60)!;
    expect(standing.position).toBe(3);
    expect(standing.wait.lowSec).toBeGreaterThan(8 * 60);
    expect(standing.wait.highSec).toBeGreaterThan(standing.wait.lowSec);
  });

  it("the wait has no half slot when nobody is being served", () => {
    const idle = { w1: ticket("w1", 1), w3: ticket("w3", 2) };
    expect(standingOf(idle, "w3", 600)?.waitSec).toBe(600);
  });

  it("the current ticket is the speaking one", () => {
    expect(currentTicket(tickets)?.id).toBe("w2");
    expect(currentTicket({ w1: ticket("w1", 1) })).toBeUndefined();
  });

  it("an amendment replaces the text in place and is marked", () => {
    const lines = transcriptLines([
      entry("e1", "第一句"),
      entry("e2", "第二句有错"),
      entry("e3", "第三句"),
      entry("e4", "第二句改好了", { amendsId: "e2" }),
      entry("e5", "第二句再改", { amendsId: "e4" }),
    ]);
    expect(lines.map((l) => [l.id, l.text, l.amended])).toEqual([
      ["e1", "第一句", false],
      ["e2", "第二句再改", true],
      ["e3", "第三句", false],
    ]);
    expect(lines[1]?.latestId).toBe("e5");
  });

  it("an amendment whose original is not loaded stands on its own line", () => {
    const lines = transcriptLines([entry("e1", "第一句"), entry("e9", "更正了没加载的一句", { amendsId: "e2" })]);
    expect(lines.map((l) => [l.id, l.text, l.amended, l.latestId])).toEqual([
      ["e1", "第一句", false, "e1"],
      ["e9", "更正了没加载的一句", false, "e9"],
    ]);
  });

  it("captions show the last public lines only", () => {
    const captions = latestCaptions(
      [entry("e1", "一"), entry("e2", "内部备注", { visibility: "STAFF" }), entry("e3", "三"), entry("e4", "四")],
      2,
    );
    expect(captions.map((c) => c.text)).toEqual(["三", "四"]);
  });
});
