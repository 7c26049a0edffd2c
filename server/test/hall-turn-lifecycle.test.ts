/**
 * A turn from the call to the finish: the transitions the state machine
 * allows, the follow-up case a finish can open, and the mean turn length the
 * ETA is built on (on a fixed clock, so the numbers are exact).
 */
import { describe, expect, it } from "vitest";
import { call, ok } from "./helpers/test-server.ts";
import { useTestServer } from "./helpers/use-test-server.ts";
import { watch } from "./helpers/watcher.ts";

const t = useTestServer({ perTest: true, clock: "fixed" });
const MIN = 60_000;

describe("a turn", () => {
  it("runs called → speaking → done, and refuses every transition the state machine forbids", async () => {
    const deputy = await t.connectAs("deputyShengze");
    const [a, b] = await t.joinVoters(["甲", "乙"]);
    await ok(deputy, "hall:call", { ticketId: b!.id });
    await ok(deputy, "hall:start", { ticketId: b!.id });
    expect(await call(deputy, "hall:noShow", { ticketId: b!.id })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    expect(await call(deputy, "hall:call", { ticketId: a!.id })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    await ok(deputy, "hall:finish", { ticketId: b!.id });
    expect(await call(deputy, "hall:finish", { ticketId: b!.id })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    expect(await call(deputy, "hall:prioritize", { ticketId: b!.id, reason: "x" })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    const stored = await t.db.ticket.findUniqueOrThrow({ where: { id: b!.id } });
    expect(stored.status).toBe("DONE");
  });

  it("finished with a follow-up opens a case with a tracking code, which staff see and viewers see only as a redacted seq", async () => {
    const sessionId = t.world.shengze.sessionId;
    const deputy = await t.connectAs("deputyShengze");
    const desk = await watch(await t.connectAs("staffShengze"), sessionId);
    const viewer = await watch(await t.connect(), sessionId);
    const [a] = await t.joinVoters(["甲"]);
    await ok(deputy, "hall:call", { ticketId: a!.id });
    await ok(deputy, "hall:start", { ticketId: a!.id });
    const finished = await ok(deputy, "hall:finish", { ticketId: a!.id, summary: "转交镇建设局", followUp: { category: "交通出行", summary: "增加停车位" } });
    expect(finished.ticket).toMatchObject({ status: "DONE", summary: "转交镇建设局", trackingCode: expect.stringMatching(/^[A-Z2-9]{8}$/) });
    const kase = await t.db.case.findFirstOrThrow({ where: { ticketId: a!.id } });
    expect(kase).toMatchObject({ trackingCode: finished.ticket.trackingCode, status: "OPEN", category: "交通出行", summary: "增加停车位", venueId: t.world.shengze.venueId });
    const created = await desk.waitFor((e) => e.type === "case.created");
    const lastSeq = (await t.db.receptionSession.findUniqueOrThrow({ where: { id: sessionId } })).lastSeq;
    await viewer.waitForSeq(lastSeq);
    expect(viewer.events.find((e) => e.seq === created.seq)?.type).toBe("redacted");
  });

  it("sets the mean turn length to the first turn's, then averages: a 5-minute and a 3-minute turn make 240 s, which viewers see", async () => {
    const sessionId = t.world.shengze.sessionId;
    const deputy = await t.connectAs("deputyShengze");
    const viewer = await watch(await t.connect(), sessionId);
    const [a, b] = await t.joinVoters(["甲", "乙"]);
    const turn = async (ticketId: string, ms: number) => {
      await ok(deputy, "hall:call", { ticketId });
      await ok(deputy, "hall:start", { ticketId });
      t.clock.advance(ms);
      await ok(deputy, "hall:finish", { ticketId });
    };
    // The day opens with the slot length (8 min = 480 s) as its guess.
    expect(viewer.snapshot.session.avgServiceSec).toBe(480);
    await turn(a!.id, 5 * MIN);
    await turn(b!.id, 3 * MIN);
    const lastSeq = (await t.db.receptionSession.findUniqueOrThrow({ where: { id: sessionId } })).lastSeq;
    await viewer.waitForSeq(lastSeq);
    const means = viewer.events.flatMap((e) => (e.type === "session.updated" ? [e.data.avgServiceSec] : []));
    // The first call makes the day LIVE (that session.updated still carries the slot's 480).
    expect(means).toEqual([480, 300, 240]);
    expect(await t.db.receptionSession.findUniqueOrThrow({ where: { id: sessionId } })).toMatchObject({ avgServiceSec: 240, finishedTurns: 2 });
  });
});
