import { describe, expect, it } from "vitest";
import { shallow } from "zustand/vanilla/shallow";
import type { WatchSnapshot } from "@protocol/model.ts";
import { initialLiveSessionState, liveSessionReducer, type LiveSessionAction, type LiveSessionState } from "./live-session-reducer.ts";
import { SID, sessionView, ticketView } from "./live-session-factories.ts";
import { deskPageSlice, hallPageSlice, screenPageSlice, voterPageSlice } from "./live-session-slices.ts";

const session = sessionView({ theme: "", deputies: [] });
const ticket = ticketView("w1", 1, { label: "W001", joinedAt: "2025-11-26T01:05:00.000Z" });
const snapshot: WatchSnapshot = { seq: 1, session, tickets: [], transcript: [], viewers: 3 };
const opening: LiveSessionAction[] = [{ type: "opened", sessionId: SID }, { type: "watchStarted" }, { type: "watchAnswered", data: snapshot }];
const ready: LiveSessionState = opening.reduce(liveSessionReducer, initialLiveSessionState);
const slices = { voter: voterPageSlice, hall: hallPageSlice, desk: deskPageSlice, screen: screenPageSlice };

describe("the live pages' slices", () => {
  it("start from a ready session", () => {
    expect(ready.phase).toBe("ready");
    expect(voterPageSlice(ready).session?.id).toBe(SID);
  });

  it("a viewer-count tick leaves every page's slice shallow-equal, so no page re-renders", () => {
    const after = liveSessionReducer(ready, { type: "viewersReceived", count: 42 });
    expect(after.viewers).toBe(42);
    for (const [page, slice] of Object.entries(slices)) expect(shallow(slice(ready), slice(after)), page).toBe(true);
  });

  it("a queue event changes every page's slice, so each page shows it", () => {
    const after = liveSessionReducer(ready, { type: "eventsReceived", events: [{ sessionId: SID, seq: 2, at: ticket.joinedAt, type: "ticket.joined", data: ticket }] });
    expect(Object.keys(after.tickets)).toEqual(["w1"]);
    for (const [page, slice] of Object.entries(slices)) expect(shallow(slice(ready), slice(after)), page).toBe(false);
  });
});
