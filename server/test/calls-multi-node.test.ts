/**
 * §5b across two nodes (PostgreSQL + the Socket.IO Redis adapter): the hall
 * console on one node, the voter on the other. The Call row lets either node
 * authorize; signals, states and the end with the turn cross nodes; the
 * voter's disconnect grace counts sockets on every node.
 */
import { describe, expect, it } from "vitest";
import type { CallInvite, CallSignal, CallStateChange } from "../src/protocol/calls.ts";
import { call, ok, type TestSocket } from "./helpers/test-server.ts";
import { multiNodeAvailable, useTwoNodes } from "./helpers/two-nodes.ts";

const available = await multiNodeAvailable("multi-node call tests");

function next<T>(socket: TestSocket, event: "call:invite" | "call:signal" | "call:state", pred: (p: T) => boolean = () => true, timeoutMs = 5000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} within ${timeoutMs} ms`)), timeoutMs);
    const listener = (p: T) => {
      if (!pred(p)) return;
      clearTimeout(timer);
      socket.off(event, listener as never);
      resolve(p);
    };
    socket.on(event, listener as never);
  });
}

describe.skipIf(!available)("calls across two nodes", () => {
  const t = useTwoNodes({ callVoterGraceMs: 300 });

  it("rings, relays and ends with the turn when hall and voter are on different nodes", async () => {
    const sessionId = t.world.shengze.sessionId;
    const hall = await t.connect(0, { token: t.world.tokens.deputyShengze });
    const voter = await t.connect(1);
    const joined = await ok(voter, "queue:join", { sessionId, name: "王小明", topic: "停车难", isPublic: true });
    await ok(hall, "hall:call", { ticketId: joined.ticket.id });

    const invited = next<CallInvite>(voter, "call:invite");
    const { callId } = await ok(hall, "call:start", { ticketId: joined.ticket.id });
    expect((await invited).callId).toBe(callId);
    const connected = next<CallStateChange>(hall, "call:state", (p) => p.state === "CONNECTED");
    await ok(voter, "call:accept", { callId });
    await connected;

    const atVoter = next<CallSignal>(voter, "call:signal");
    await ok(hall, "call:signal", { callId, description: { type: "offer", sdp: "v=0" } });
    expect(await atVoter).toMatchObject({ from: "hall", description: { type: "offer" } });
    const atHall = next<CallSignal>(hall, "call:signal");
    await ok(voter, "call:signal", { callId, description: { type: "answer", sdp: "v=0" } });
    expect(await atHall).toMatchObject({ from: "voter", description: { type: "answer" } });

    const stranger = await t.connect(1, { token: t.world.tokens.staffShengze });
    expect(await call(stranger, "call:signal", { callId, candidate: null })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });

    // A second voter tab on the hall's node; the first one dropping does not end the call.
    const secondTab = await t.connect(0, { voterToken: joined.voterToken });
    await ok(secondTab, "ticket:resume", { voterToken: joined.voterToken });
    voter.disconnect();
    await new Promise((r) => setTimeout(r, 700));
    expect((await t.nodes[0]!.db.call.findUniqueOrThrow({ where: { id: callId } })).state).toBe("CONNECTED");

    // Another console on the other node finishes the turn: the call ends, and both sides hear it.
    const otherConsole = await t.connect(1, { token: t.world.tokens.staffShengze });
    const hallHears = next<CallStateChange>(hall, "call:state", (p) => p.state === "ENDED");
    const tabHears = next<CallStateChange>(secondTab, "call:state", (p) => p.state === "ENDED");
    await ok(otherConsole, "hall:finish", { ticketId: joined.ticket.id });
    expect(await hallHears).toEqual({ callId, state: "ENDED", reason: "TURN_ENDED" });
    expect(await tabHears).toEqual({ callId, state: "ENDED", reason: "TURN_ENDED" });
    const types = (await t.nodes[1]!.db.sessionEvent.findMany({ where: { sessionId, type: { startsWith: "call." } }, orderBy: { seq: "asc" } })).map((e) => e.type);
    expect(types).toEqual(["call.started", "call.ended"]);
  });
});
