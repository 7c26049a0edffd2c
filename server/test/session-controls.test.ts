/** Staff steer the day itself: live, paused, ended; the queue open or closed; the theme and the stream. */
import { describe, expect, it } from "vitest";
import { call, ok } from "./helpers/test-server.ts";
import { useTestServer } from "./helpers/use-test-server.ts";
import { watch } from "./helpers/watcher.ts";

// A manually set stream address must come from an allowed origin (MEDIA_ORIGINS).
const t = useTestServer({ perTest: true, config: { mediaOrigins: ["https://live.example"] } });

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

  it("a stream address from an origin the voter page may not play is refused with the field named, and changes nothing", async () => {
    const sessionId = t.world.shengze.sessionId;
    const staff = await t.connectAs("staffShengze");
    await ok(staff, "session:update", { sessionId, streamUrl: "https://live.example/hls/a.m3u8" });
    const refused = await call(staff, "session:update", { sessionId, streamUrl: "https://elsewhere.example/x.m3u8", theme: "不应保存" });
    expect(refused).toMatchObject({ ok: false, error: { code: "BAD_REQUEST", details: { streamUrl: expect.stringContaining("MEDIA_ORIGINS") } } });
    const row = await t.db.receptionSession.findUniqueOrThrow({ where: { id: sessionId } });
    expect(row).toMatchObject({ streamUrl: "https://live.example/hls/a.m3u8" });
    expect(row.theme).not.toBe("不应保存");
    // The relay's own origin (MEDIA_HLS_BASE) is always allowed.
    const relay = new URL(t.server.app.deps.config.mediaHlsBase!).origin;
    await ok(staff, "session:update", { sessionId, streamUrl: `${relay}/hls/other.m3u8` });
  });

  it("the first call makes an OPEN day LIVE, logged in the call's own transaction; later calls leave the status alone", async () => {
    const sessionId = t.world.shengze.sessionId;
    await t.joinVoters(["甲", "乙"]);
    const deputy = await t.connectAs("deputyShengze");
    const viewer = await watch(await t.connect(), sessionId);
    expect(viewer.snapshot.session.status).toBe("OPEN");
    const first = await ok(deputy, "hall:callNext", { sessionId });
    const called = await viewer.waitFor((e) => e.type === "ticket.updated" && e.data.id === first.ticket.id);
    const live = viewer.events.find((e) => e.type === "session.updated");
    expect(live).toMatchObject({ type: "session.updated", data: { status: "LIVE" } });
    // One transaction: consecutive seqs, the same instant.
    expect([live!.seq + 1, live!.at]).toEqual([called.seq, called.at]);
    expect((await t.db.receptionSession.findUniqueOrThrow({ where: { id: sessionId } })).status).toBe("LIVE");

    await ok(deputy, "session:update", { sessionId, status: "PAUSED" });
    await ok(deputy, "hall:noShow", { ticketId: first.ticket.id });
    await ok(deputy, "hall:callNext", { sessionId });
    expect((await t.db.receptionSession.findUniqueOrThrow({ where: { id: sessionId } })).status).toBe("PAUSED");
  });

  it("calling a voter by ticket also makes an OPEN day LIVE", async () => {
    const sessionId = t.world.shengze.sessionId;
    const [, second] = await t.joinVoters(["甲", "乙"]);
    const staff = await t.connectAs("staffShengze");
    await ok(staff, "hall:call", { ticketId: second!.id });
    expect((await t.db.receptionSession.findUniqueOrThrow({ where: { id: sessionId } })).status).toBe("LIVE");
  });
});
