/** Staff steer the day itself: live, paused, ended; the queue open or closed; the theme and the stream. */
import { describe, expect, it } from "vitest";
import { call, ok } from "./helpers/test-server.ts";
import { useTestServer } from "./helpers/use-test-server.ts";

const t = useTestServer({ perTest: true });

describe("session controls", () => {
  it("go live, pause, end; an ended day closes the queue and refuses joins", async () => {
    const sessionId = t.world.shengze.sessionId;
    const staff = await t.connectAs("deputyShengze");
    const voter = await t.connect();
    expect((await ok(staff, "session:update", { sessionId, status: "LIVE" })).session.status).toBe("LIVE");
    expect((await ok(staff, "session:update", { sessionId, status: "PAUSED" })).session.status).toBe("PAUSED");
    const closed = await ok(staff, "session:update", { sessionId, queueOpen: false });
    expect(closed.session.queueOpen).toBe(false);
    expect(await call(voter, "queue:join", { sessionId, name: "甲", topic: "t", isPublic: false })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    await ok(staff, "session:update", { sessionId, queueOpen: true, theme: "加装电梯", streamUrl: "https://live.example/hls/a.m3u8" });
    await ok(voter, "queue:join", { sessionId, name: "甲", topic: "t", isPublic: false });
    const ended = await ok(staff, "session:update", { sessionId, status: "ENDED" });
    expect(ended.session).toMatchObject({ status: "ENDED", queueOpen: false, theme: "加装电梯" });
    expect(await call(staff, "session:update", { sessionId, status: "LIVE" })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    expect(await call(voter, "queue:join", { sessionId, name: "乙", topic: "t", isPublic: false })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    expect(await call(staff, "session:update", { sessionId, streamUrl: "javascript:alert(1)" })).toMatchObject({ ok: false, error: { code: "BAD_REQUEST" } });
  });
});
