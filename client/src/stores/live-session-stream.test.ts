import { describe, expect, it } from "vitest";
import type { LiveEvent, SessionView, StreamEventData, WatchSnapshot } from "@protocol/model.ts";
import { AT, SID, sessionView } from "./live-session-factories.ts";
import { initialLiveSessionState, liveSessionReducer, type LiveSessionAction, type LiveSessionState } from "./live-session-reducer.ts";

const HLS = "http://127.0.0.1:8088/hls/sabc.m3u8";
const session = (over: Partial<SessionView> = {}): SessionView => sessionView({ deputies: [], status: "LIVE", hlsUrl: HLS, ...over });
const at = AT;
const stream = (seq: number, type: "stream.started" | "stream.stopped", data: StreamEventData): LiveEvent => ({ sessionId: SID, seq, at, type, data });
const started = (seq: number, hlsUrl = HLS) => stream(seq, "stream.started", { live: true, hlsUrl });
const stopped = (seq: number, reason: StreamEventData["reason"] = "publisher", hlsUrl = HLS) => stream(seq, "stream.stopped", { live: false, hlsUrl, reason });
const snapshot = (seq: number, over: Partial<SessionView> = {}): WatchSnapshot => ({ seq, session: session(over), tickets: [], transcript: [], viewers: 1 });

const run = (...actions: LiveSessionAction[]): LiveSessionState => actions.reduce(liveSessionReducer, initialLiveSessionState);
const watched = (snap: WatchSnapshot): LiveSessionAction[] => [{ type: "opened", sessionId: SID }, { type: "watchStarted" }, { type: "watchAnswered", data: snap }];
const frame = (...events: LiveEvent[]): LiveSessionAction => ({ type: "eventsReceived", events });

describe("livestream events in the live session reducer", () => {
  it("stream.started makes the session's stream live", () => {
    const s = run(...watched(snapshot(3)), frame(started(4)));
    expect(s.seq).toBe(4);
    expect(s.session).toMatchObject({ streamLive: true, hlsUrl: HLS });
    expect(s.streamStopped).toBeNull();
  });

  it("stream.stopped ends it and remembers why", () => {
    const s = run(...watched(snapshot(3)), frame(started(4), stopped(5, "publisher")));
    expect(s.session?.streamLive).toBe(false);
    expect(s.streamStopped).toBe("publisher");
  });

  it("a new key's stop carries the new HLS URL, and a later start clears the stop", () => {
    const next = "http://127.0.0.1:8088/hls/snew.m3u8";
    const afterKey = run(...watched(snapshot(3, { streamLive: true })), frame(stopped(4, "key-regenerated", next)));
    expect(afterKey.session).toMatchObject({ streamLive: false, hlsUrl: next });
    expect(afterKey.streamStopped).toBe("key-regenerated");
    const again = liveSessionReducer(afterKey, frame(started(5, next)));
    expect(again.session).toMatchObject({ streamLive: true, hlsUrl: next });
    expect(again.streamStopped).toBeNull();
  });

  it("stream events wait for their turn in seq order like any other", () => {
    const s = run(...watched(snapshot(3)), frame(stopped(5)), frame(started(4)));
    expect(s.seq).toBe(5);
    expect(s.session?.streamLive).toBe(false);
    expect(s.streamStopped).toBe("publisher");
  });

  it("a snapshot showing a live stream forgets an earlier stop", () => {
    const stoppedState = run(...watched(snapshot(3, { streamLive: true })), frame(stopped(4)));
    const resynced = liveSessionReducer(stoppedState, { type: "watchAnswered", data: snapshot(9, { streamLive: true }) });
    expect(resynced.streamStopped).toBeNull();
    expect(resynced.session?.streamLive).toBe(true);
  });
});
