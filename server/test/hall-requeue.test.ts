/** Changing the order of the line: a no-show sent back (to the end, or to the old place) and a voter put first. */
import { describe, expect, it } from "vitest";
import { ok } from "./helpers/test-server.ts";
import { useTestServer } from "./helpers/use-test-server.ts";

const t = useTestServer({ perTest: true });

describe("requeueing a no-show", () => {
  it("sends the voter to the back of the line, after everyone who waits", async () => {
    const deputy = await t.connectAs("deputyShengze");
    const sessionId = t.world.shengze.sessionId;
    const [a, b, c] = await t.joinVoters(["甲", "乙", "丙"]);
    expect((await ok(deputy, "hall:callNext", { sessionId })).ticket.id).toBe(a!.id);
    await ok(deputy, "hall:noShow", { ticketId: a!.id });
    const back = await ok(deputy, "hall:requeue", { ticketId: a!.id });
    expect(back.ticket.status).toBe("WAITING");
    expect(back.ticket.rank).toBeGreaterThan(c!.rank);
    expect((await ok(deputy, "hall:callNext", { sessionId })).ticket.id).toBe(b!.id);
  });

  it("keeps the voter's place when asked, so they are called again next", async () => {
    const deputy = await t.connectAs("deputyShengze");
    const sessionId = t.world.shengze.sessionId;
    const [a] = await t.joinVoters(["甲", "乙", "丙"]);
    await ok(deputy, "hall:callNext", { sessionId });
    await ok(deputy, "hall:noShow", { ticketId: a!.id });
    const kept = await ok(deputy, "hall:requeue", { ticketId: a!.id, keepPlace: true });
    expect(kept.ticket.rank).toBe(a!.rank);
    expect((await ok(deputy, "hall:callNext", { sessionId })).ticket.id).toBe(a!.id);
  });
});

describe("prioritizing a voter", () => {
  it("puts the voter next, with the reason kept for staff", async () => {
    const deputy = await t.connectAs("deputyShengze");
    const [, , c] = await t.joinVoters(["甲", "乙", "丙"]);
    const p = await ok(deputy, "hall:prioritize", { ticketId: c!.id, reason: "高龄老人" });
    expect(p.ticket).toMatchObject({ priority: true, priorityReason: "高龄老人" });
    expect((await ok(deputy, "hall:callNext", { sessionId: t.world.shengze.sessionId })).ticket.id).toBe(c!.id);
  });
});
