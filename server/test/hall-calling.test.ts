/** The hall console calls voters to the floor: who comes next, and when there is nobody to call. */
import { describe, expect, it } from "vitest";
import { call, ok } from "./helpers/test-server.ts";
import { useTestServer } from "./helpers/use-test-server.ts";

const t = useTestServer({ perTest: true });

describe("calling the next voter", () => {
  it("calls the voter who joined first", async () => {
    const deputy = await t.connectAs("deputyShengze");
    const [first] = await t.joinVoters(["甲", "乙"]);
    expect((await ok(deputy, "hall:callNext", { sessionId: t.world.shengze.sessionId })).ticket.id).toBe(first!.id);
  });

  it("answers CONFLICT when nobody waits", async () => {
    const deputy = await t.connectAs("deputyShengze");
    expect(await call(deputy, "hall:callNext", { sessionId: t.world.shengze.sessionId })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
  });
});

describe("calling a specific voter", () => {
  it("calls a voter out of turn, and no second one while the first is called", async () => {
    const deputy = await t.connectAs("deputyShengze");
    const [a, b] = await t.joinVoters(["甲", "乙"]);
    expect(await call(deputy, "hall:start", { ticketId: b!.id })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    await ok(deputy, "hall:call", { ticketId: b!.id });
    expect(await call(deputy, "hall:call", { ticketId: a!.id })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
  });
});
