import { describe, expect, it } from "vitest";
import type { CallInvite } from "@protocol/calls.ts";
import { callReducer, initialCallState, isCallActive, type CallAction, type CallViewState } from "./call-reducer.ts";

const invite = (callId = "c1"): CallInvite => ({ callId, sessionId: "s1", ticketId: "t1", iceServers: [], iceTransportPolicy: "all" });
const play = (...actions: CallAction[]): CallViewState => actions.reduce(callReducer, initialCallState);

describe("the call as the hall sees it", () => {
  it("goes starting → ringing → connected → muted → connected → ended, keeping the reason", () => {
    const states = [
      { type: "startRequested", ticketId: "t1" },
      { type: "started", callId: "c1", ticketId: "t1" },
      { type: "stateReceived", change: { callId: "c1", state: "CONNECTED" } },
      { type: "stateReceived", change: { callId: "c1", state: "MUTED" } },
      { type: "stateReceived", change: { callId: "c1", state: "CONNECTED" } },
      { type: "stateReceived", change: { callId: "c1", state: "ENDED", reason: "TURN_ENDED" } },
    ] satisfies CallAction[];
    const phases = states.map((_, i) => play(...states.slice(0, i + 1)).phase);
    expect(phases).toEqual(["starting", "ringing", "connected", "muted", "connected", "ended"]);
    expect(play(...states)).toMatchObject({ role: "hall", endReason: "TURN_ENDED", callId: "c1" });
  });

  it("ignores states of other calls, a late RINGING after the accept, and anything after the end", () => {
    const connected = play({ type: "startRequested", ticketId: "t1" }, { type: "started", callId: "c1", ticketId: "t1" }, { type: "stateReceived", change: { callId: "c1", state: "CONNECTED" } });
    expect(callReducer(connected, { type: "stateReceived", change: { callId: "c1", state: "RINGING" } }).phase).toBe("connected");
    expect(callReducer(connected, { type: "stateReceived", change: { callId: "other", state: "ENDED" } }).phase).toBe("connected");
    const ended = callReducer(connected, { type: "stateReceived", change: { callId: "c1", state: "ENDED", reason: "HALL_HUNG_UP" } });
    expect(callReducer(ended, { type: "stateReceived", change: { callId: "c1", state: "CONNECTED" } }).phase).toBe("ended");
    expect(callReducer(ended, { type: "mediaChanged", media: "flowing" }).media).toBe("none");
  });

  it("forgets a refused start but keeps the code to show", () => {
    expect(play({ type: "startRequested", ticketId: "t1" }, { type: "startFailed", code: "CONFLICT" })).toMatchObject({ phase: "idle", problem: "CONFLICT" });
  });
});

describe("the call as the voter sees it", () => {
  it("rings on an invite and is active until it ends", () => {
    const ringing = play({ type: "invited", invite: invite() });
    expect(ringing).toMatchObject({ role: "voter", phase: "ringing", callId: "c1", ticketId: "t1" });
    expect(isCallActive(ringing)).toBe(true);
    const ended = callReducer(ringing, { type: "stateReceived", change: { callId: "c1", state: "ENDED", reason: "DECLINED" } });
    expect(isCallActive(ended)).toBe(false);
    expect(ended.invite).toBeNull();
  });

  it("is not interrupted by a second invite, but a finished call gives way to a new one", () => {
    const live = play({ type: "invited", invite: invite("c1") }, { type: "stateReceived", change: { callId: "c1", state: "CONNECTED" } });
    expect(callReducer(live, { type: "invited", invite: invite("c2") }).callId).toBe("c1");
    const ended = callReducer(live, { type: "stateReceived", change: { callId: "c1", state: "ENDED" } });
    expect(callReducer(ended, { type: "invited", invite: invite("c2") })).toMatchObject({ callId: "c2", phase: "ringing" });
  });

  it("remembers a microphone problem across calls", () => {
    const s = play({ type: "micFailed", problem: "denied" }, { type: "invited", invite: invite() }, { type: "dismissed" });
    expect(s.micProblem).toBe("denied");
  });
});

describe("a voter's page that comes back during a call", () => {
  const answered = (state: "CONNECTED" | "MUTED" = "CONNECTED"): CallInvite => ({ ...invite(), state });

  it("learns the call goes on, stays off the line until it has rejoined, then is on it", () => {
    const back = play({ type: "invited", invite: answered() });
    expect(back).toMatchObject({ role: "voter", phase: "interrupted", callId: "c1" });
    expect(isCallActive(back)).toBe(true);
    // The call's own states (another tab's mute, say) do not put this page on the line…
    expect(callReducer(back, { type: "stateReceived", change: { callId: "c1", state: "MUTED" } }).phase).toBe("interrupted");
    // …its rejoin does, in the state the call is in.
    expect(callReducer(back, { type: "stateReceived", change: { callId: "c1", state: "MUTED", rejoined: true } }).phase).toBe("muted");
    expect(callReducer(back, { type: "stateReceived", change: { callId: "c1", state: "ENDED", reason: "VOTER_GONE" } })).toMatchObject({ phase: "ended", endReason: "VOTER_GONE" });
  });

  it("keeps a call this page is on when its socket comes back and is told again", () => {
    const onLine = play({ type: "invited", invite: invite() }, { type: "accepting" }, { type: "stateReceived", change: { callId: "c1", state: "CONNECTED" } });
    expect(callReducer(onLine, { type: "invited", invite: answered() }).phase).toBe("connected");
  });
});
