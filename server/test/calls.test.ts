/**
 * §5b over real sockets: who may start, signal, mute and end a call; answering
 * starts the turn; a page that comes back rejoins a live call; a call ends with its turn, when the voter is gone past the grace, and at the time
 * limit; TURN credentials as coturn checks them; calls in the log, the record
 * and the minutes.
 */
import { createHmac } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import type { CallInvite, CallLogView, CallSignal, CallStateChange } from "../src/protocol/calls.ts";
import type { LiveEvent } from "../src/protocol/model.ts";
import type { Config } from "../src/config.ts";
import { http } from "./helpers/back-office-fixtures.ts";
import { buildWorld, type World } from "./helpers/fixtures.ts";
import { call, connectClient, ok, startTestServer, type TestServer, type TestSocket } from "./helpers/test-server.ts";
import { watch } from "./helpers/watcher.ts";

let server: TestServer;
let world: World;
const sockets: TestSocket[] = [];

async function setUp(config: Partial<Config> = {}) {
  server = await startTestServer({ config });
  world = await buildWorld(server.db);
  const hall = await connect({ token: world.tokens.deputyShengze });
  const voter = await connect();
  return { hall, voter };
}
const connect = async (auth = {}) => {
  const s = await connectClient(server.url, auth);
  sockets.push(s);
  return s;
};
afterEach(async () => {
  for (const s of sockets.splice(0)) s.disconnect();
  await server?.stop();
});

const sessionId = () => world.shengze.sessionId;

/** An online voter who joined and has been called by the hall. */
async function calledVoter(hall: TestSocket, voter: TestSocket, name = "王小明") {
  const joined = await ok(voter, "queue:join", { sessionId: sessionId(), name, topic: "停车难", isPublic: true });
  await ok(hall, "hall:call", { ticketId: joined.ticket.id });
  return joined;
}

/** Resolves with the next `event` the socket receives that matches `pred`. */
function next<T>(socket: TestSocket, event: "call:invite" | "call:signal" | "call:state", pred: (p: T) => boolean = () => true, timeoutMs = 5000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(event, listener as never);
      reject(new Error(`no ${event} within ${timeoutMs} ms`));
    }, timeoutMs);
    const listener = (p: T) => {
      if (!pred(p)) return;
      clearTimeout(timer);
      socket.off(event, listener as never);
      resolve(p);
    };
    socket.on(event, listener as never);
  });
}
const ended = (callId: string) => (p: CallStateChange) => p.callId === callId && p.state === "ENDED";

/** A connected call: started by the hall, accepted by the voter. */
async function connectedCall(hall: TestSocket, voter: TestSocket) {
  const joined = await calledVoter(hall, voter);
  const invited = next<CallInvite>(voter, "call:invite");
  const setup = await ok(hall, "call:start", { ticketId: joined.ticket.id });
  expect((await invited).callId).toBe(setup.callId);
  const hallHears = next<CallStateChange>(hall, "call:state", (p) => p.state === "CONNECTED");
  await ok(voter, "call:accept", { callId: setup.callId });
  await hallHears;
  return { ticketId: joined.ticket.id, label: joined.ticket.label, callId: setup.callId };
}

/** A call started by the hall that still rings at the voter's. */
async function ringingCall(hall: TestSocket, voter: TestSocket) {
  const joined = await calledVoter(hall, voter);
  const invited = next<CallInvite>(voter, "call:invite");
  const setup = await ok(hall, "call:start", { ticketId: joined.ticket.id });
  await invited;
  return { ticketId: joined.ticket.id, callId: setup.callId };
}

async function callEvents(): Promise<Array<{ seq: number; type: string; data: CallLogView }>> {
  const rows = await server.db.sessionEvent.findMany({ where: { sessionId: sessionId(), type: { startsWith: "call." } }, orderBy: { seq: "asc" } });
  return rows.map((r) => ({ seq: r.seq, type: r.type, data: JSON.parse(r.data) as CallLogView }));
}

describe("starting a call", () => {
  it("rings the called online voter, hands both sides ICE servers, and logs call.started with a seq", async () => {
    const { hall, voter } = await setUp();
    const joined = await calledVoter(hall, voter);
    const invited = next<CallInvite>(voter, "call:invite");
    const ringing = next<CallStateChange>(voter, "call:state");
    const setup = await ok(hall, "call:start", { ticketId: joined.ticket.id });
    expect(setup).toMatchObject({ callId: expect.any(String), iceServers: expect.any(Array), iceTransportPolicy: "all" });
    expect(await invited).toMatchObject({ callId: setup.callId, sessionId: sessionId(), ticketId: joined.ticket.id });
    expect(await ringing).toEqual({ callId: setup.callId, state: "RINGING" });
    const [started] = await callEvents();
    expect(started).toMatchObject({ type: "call.started", data: { callId: setup.callId, ticketId: joined.ticket.id, label: joined.ticket.label } });
    const row = await server.db.call.findUniqueOrThrow({ where: { id: setup.callId } });
    expect(row).toMatchObject({ state: "RINGING", sessionId: sessionId(), ticketId: joined.ticket.id, hallSocketId: hall.id });
  });

  it("is refused to a voter, an anonymous socket and staff of another venue", async () => {
    const { hall, voter } = await setUp();
    const joined = await calledVoter(hall, voter);
    const otherStaff = await connect({ token: world.tokens.staffLili });
    for (const s of [voter, otherStaff]) {
      expect(await call(s, "call:start", { ticketId: joined.ticket.id })).toMatchObject({ ok: false, error: { code: expect.stringMatching(/^(FORBIDDEN|UNAUTHENTICATED)$/) } });
    }
    expect(await call(otherStaff, "call:start", { ticketId: joined.ticket.id })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await server.db.call.count()).toBe(0);
  });

  it("is refused for a walk-in and for a ticket that is still waiting", async () => {
    const { hall, voter } = await setUp();
    const waiting = await ok(voter, "queue:join", { sessionId: sessionId(), name: "等候", topic: "t", isPublic: false });
    expect(await call(hall, "call:start", { ticketId: waiting.ticket.id })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    const walkIn = await ok(hall, "desk:register", { sessionId: sessionId(), name: "李阿婆", topic: "电梯", isPublic: false });
    await ok(hall, "hall:call", { ticketId: walkIn.ticket.id });
    expect(await call(hall, "call:start", { ticketId: walkIn.ticket.id })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    expect(await call(hall, "call:start", { ticketId: "no-such-ticket" })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
  });

  it("allows one live call per session, and a new one once it has ended", async () => {
    const { hall, voter } = await setUp();
    const joined = await calledVoter(hall, voter);
    const first = await ok(hall, "call:start", { ticketId: joined.ticket.id });
    const secondConsole = await connect({ token: world.tokens.staffShengze });
    expect(await call(secondConsole, "call:start", { ticketId: joined.ticket.id })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    expect(await call(hall, "call:start", { ticketId: joined.ticket.id })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    await ok(hall, "call:end", { callId: first.callId });
    const again = await ok(hall, "call:start", { ticketId: joined.ticket.id });
    expect(again.callId).not.toBe(first.callId);
  });

  it("invites again a voter who reloads the page while it rings", async () => {
    const { hall, voter } = await setUp();
    const joined = await calledVoter(hall, voter);
    const { callId } = await ok(hall, "call:start", { ticketId: joined.ticket.id });
    voter.disconnect();
    const reloaded = await connect({ voterToken: joined.voterToken });
    const invited = next<CallInvite>(reloaded, "call:invite");
    await ok(reloaded, "ticket:resume", { voterToken: joined.voterToken });
    expect(await invited).toMatchObject({ callId, ticketId: joined.ticket.id });
    await ok(reloaded, "call:accept", { callId });
  });
});

describe("answering starts the turn", () => {
  it("moves the called ticket to SPEAKING in the accept's own transaction, the turn timed from the pick-up", async () => {
    const { hall, voter } = await setUp();
    const { callId, ticketId } = await connectedCall(hall, voter);
    const ticket = await server.db.ticket.findUniqueOrThrow({ where: { id: ticketId } });
    const row = await server.db.call.findUniqueOrThrow({ where: { id: callId } });
    expect(ticket.status).toBe("SPEAKING");
    expect(ticket.startedAt?.getTime()).toBe(row.connectedAt?.getTime());
    // The log agrees: right after call.started, the ticket speaks and its question opens the record.
    const started = (await callEvents())[0]!.seq;
    const after = await server.db.sessionEvent.findMany({ where: { sessionId: sessionId(), seq: { gt: started } }, orderBy: { seq: "asc" } });
    expect(after.map((e) => e.type)).toEqual(["ticket.updated", "transcript.appended"]);
    expect(JSON.parse(after[0]!.data)).toMatchObject({ id: ticketId, status: "SPEAKING" });
    // The deputy's 开始发言 is not needed (and not allowed twice).
    const again = await call(hall, "hall:start", { ticketId });
    expect(again).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
  });
});

describe("a voter's page that comes back during a call", () => {
  /** The voter answered on `voter`; a second page of theirs follows the ticket again (a reload, a new tab). */
  async function pageBack(voterToken: string) {
    const page = await connect({ voterToken });
    const invited = next<CallInvite>(page, "call:invite");
    await ok(page, "ticket:resume", { voterToken });
    return { page, invite: await invited };
  }

  it("is told the call goes on, rejoins it as the voter party, and the hall is asked to offer again", async () => {
    const { hall, voter } = await setUp();
    const joined = await calledVoter(hall, voter);
    const invited = next<CallInvite>(voter, "call:invite");
    const { callId } = await ok(hall, "call:start", { ticketId: joined.ticket.id });
    await invited;
    await ok(voter, "call:accept", { callId });

    const { page, invite } = await pageBack(joined.voterToken);
    expect(invite).toMatchObject({ callId, ticketId: joined.ticket.id, state: "CONNECTED" });
    const hallHears = next<CallStateChange>(hall, "call:state", (p) => p.rejoined === true);
    const pageHears = next<CallStateChange>(page, "call:state", (p) => p.rejoined === true);
    const setup = await ok(page, "call:rejoin", { callId, voterToken: joined.voterToken });
    expect(setup.callId).toBe(callId);
    expect(await hallHears).toEqual({ callId, state: "CONNECTED", rejoined: true });
    expect(await pageHears).toEqual({ callId, state: "CONNECTED", rejoined: true });

    // The hall's new offer reaches the page that rejoined, not the one that answered before…
    const overheard: unknown[] = [];
    voter.on("call:signal", (p) => overheard.push(p));
    const atPage = next<CallSignal>(page, "call:signal");
    await ok(hall, "call:signal", { callId, description: { type: "offer", sdp: "v=0 again" } });
    expect(await atPage).toMatchObject({ from: "hall", description: { sdp: "v=0 again" } });
    // …whose own signals are refused from now on, while the new page's pass.
    const stale = await call(voter, "call:signal", { callId, description: { type: "answer", sdp: "v=0 stale" } });
    expect(stale).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    const atHall = next<CallSignal>(hall, "call:signal");
    await ok(page, "call:signal", { callId, description: { type: "answer", sdp: "v=0 fresh" } });
    expect(await atHall).toMatchObject({ from: "voter", description: { sdp: "v=0 fresh" } });
    await new Promise((r) => setTimeout(r, 100));
    expect(overheard).toEqual([]);
  });

  it("keeps the call within the grace after a reload, and the rejoined page carries it on past it", async () => {
    const { hall, voter } = await setUp({ callVoterGraceMs: 400 });
    const joined = await calledVoter(hall, voter);
    const invited = next<CallInvite>(voter, "call:invite");
    const { callId } = await ok(hall, "call:start", { ticketId: joined.ticket.id });
    await invited;
    await ok(voter, "call:accept", { callId });
    const endings: unknown[] = [];
    hall.on("call:state", (p) => p.state === "ENDED" && endings.push(p));
    voter.disconnect();
    const { page } = await pageBack(joined.voterToken);
    await ok(page, "call:rejoin", { callId, voterToken: joined.voterToken });
    await new Promise((r) => setTimeout(r, 900));
    expect(endings).toEqual([]);
    expect((await server.db.call.findUniqueOrThrow({ where: { id: callId } })).state).toBe("CONNECTED");
    const atPage = next<CallSignal>(page, "call:signal");
    await ok(hall, "call:signal", { callId, candidate: null });
    expect(await atPage).toMatchObject({ callId, from: "hall" });
  });

  it("is refused to a socket without the ticket's voter token or not following the ticket, and for a ringing or ended call", async () => {
    const { hall, voter } = await setUp();
    const joined = await calledVoter(hall, voter);
    const other = await ok(await connect(), "queue:join", { sessionId: sessionId(), name: "李四", topic: "路灯", isPublic: true });
    const invited = next<CallInvite>(voter, "call:invite");
    const { callId } = await ok(hall, "call:start", { ticketId: joined.ticket.id });
    await invited;
    // While it rings, the page answers instead.
    const { page } = await pageBack(joined.voterToken);
    expect(await call(page, "call:rejoin", { callId, voterToken: joined.voterToken })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    await ok(voter, "call:accept", { callId });

    // Another voter's token, on a socket following this ticket or their own: not a party.
    expect(await call(page, "call:rejoin", { callId, voterToken: other.voterToken })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    const otherPage = await connect({ voterToken: other.voterToken });
    await ok(otherPage, "ticket:resume", { voterToken: other.voterToken });
    expect(await call(otherPage, "call:rejoin", { callId, voterToken: other.voterToken })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    // The right token on a socket that does not follow the ticket, and on the hall's socket.
    const stranger = await connect();
    expect(await call(stranger, "call:rejoin", { callId, voterToken: joined.voterToken })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await call(hall, "call:rejoin", { callId, voterToken: joined.voterToken })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    // Bad input and an unknown call.
    expect(await call(page, "call:rejoin", { callId } as never)).toMatchObject({ ok: false, error: { code: "BAD_REQUEST" } });
    expect(await call(page, "call:rejoin", { callId: "nope-nope-nope", voterToken: joined.voterToken })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    // Nothing of that changed who speaks for the voter.
    const atVoter = next<CallSignal>(voter, "call:signal");
    await ok(hall, "call:signal", { callId, candidate: null });
    await atVoter;

    await ok(hall, "call:end", { callId });
    expect(await call(page, "call:rejoin", { callId, voterToken: joined.voterToken })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
  });
});

describe("signaling", () => {
  it("relays each side's signals to the other side only, marked with who sent them", async () => {
    const { hall, voter } = await setUp();
    const { callId } = await connectedCall(hall, voter);
    const bystander = await connect({ token: world.tokens.staffShengze });
    const overheard: unknown[] = [];
    bystander.on("call:signal", (p) => overheard.push(p));

    const atVoter = next<CallSignal>(voter, "call:signal");
    await ok(hall, "call:signal", { callId, description: { type: "offer", sdp: "v=0 offer" } });
    expect(await atVoter).toEqual({ callId, from: "hall", description: { type: "offer", sdp: "v=0 offer" } });

    const atHall = next<CallSignal>(hall, "call:signal");
    const candidate = { candidate: "candidate:1 1 udp 2122260223 10.43.0.1 50000 typ host", sdpMid: "0", sdpMLineIndex: 0 };
    await ok(voter, "call:signal", { callId, candidate });
    expect(await atHall).toEqual({ callId, from: "voter", candidate });
    await new Promise((r) => setTimeout(r, 100));
    expect(overheard).toEqual([]);
  });

  it("refuses a socket that is neither party with FORBIDDEN, and an unknown call with NOT_FOUND", async () => {
    const { hall, voter } = await setUp();
    const { callId } = await connectedCall(hall, voter);
    const otherVoter = await connect();
    await ok(otherVoter, "queue:join", { sessionId: sessionId(), name: "路人", topic: "t", isPublic: false });
    const sameVenueStaff = await connect({ token: world.tokens.staffShengze });
    for (const third of [otherVoter, sameVenueStaff, await connect()]) {
      expect(await call(third, "call:signal", { callId, description: { type: "offer", sdp: "x" } })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
      expect(await call(third, "call:end", { callId })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    }
    expect(await call(hall, "call:signal", { callId: "no-such-call", candidate: null })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await call(hall, "call:signal", { callId })).toMatchObject({ ok: false, error: { code: "BAD_REQUEST" } });
  });

  it("lets only the hall mute, and tells both sides", async () => {
    const { hall, voter } = await setUp();
    const { callId } = await connectedCall(hall, voter);
    expect(await call(voter, "call:mute", { callId, muted: true })).toMatchObject({ ok: false, error: { code: expect.stringMatching(/^(FORBIDDEN|UNAUTHENTICATED)$/) } });
    const voterHears = next<CallStateChange>(voter, "call:state", (p) => p.state === "MUTED");
    await ok(hall, "call:mute", { callId, muted: true });
    await voterHears;
    expect((await server.db.call.findUniqueOrThrow({ where: { id: callId } })).muted).toBe(true);
    const back = next<CallStateChange>(voter, "call:state", (p) => p.state === "CONNECTED");
    await ok(hall, "call:mute", { callId, muted: false });
    await back;
  });

  it("ends when the voter declines, and refuses signals afterwards", async () => {
    const { hall, voter } = await setUp();
    const joined = await calledVoter(hall, voter);
    const { callId } = await ok(hall, "call:start", { ticketId: joined.ticket.id });
    const hallHears = next<CallStateChange>(hall, "call:state", ended(callId));
    await ok(voter, "call:decline", { callId });
    expect(await hallHears).toEqual({ callId, state: "ENDED", reason: "DECLINED" });
    expect(await call(hall, "call:signal", { callId, candidate: null })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
  });

  it("ends on the voter's hang-up, with the talk time in call.ended", async () => {
    const { hall, voter } = await setUp();
    const { callId } = await connectedCall(hall, voter);
    const hallHears = next<CallStateChange>(hall, "call:state", ended(callId));
    await ok(voter, "call:end", { callId });
    expect(await hallHears).toEqual({ callId, state: "ENDED", reason: "VOTER_HUNG_UP" });
    const log = await callEvents();
    expect(log.map((e) => e.type)).toEqual(["call.started", "call.ended"]);
    expect(log[1]!.data).toMatchObject({ callId, reason: "VOTER_HUNG_UP", durationSec: expect.any(Number) });
    expect(await call(voter, "call:end", { callId })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
  });
});

describe("a call ends by itself", () => {
  // A voter who picked up is speaking (finish ends the turn); one still ringing may be a no-show or requeued.
  for (const [action, answered, run] of [
    ["finish", true, (hall: TestSocket, ticketId: string) => ok(hall, "hall:finish", { ticketId })],
    ["noShow", false, (hall: TestSocket, ticketId: string) => ok(hall, "hall:noShow", { ticketId })],
    ["requeue", false, (hall: TestSocket, ticketId: string) => ok(hall, "hall:requeue", { ticketId })],
  ] as const) {
    it(`when the turn ends (${action}): call.ended is in the log and both parties hear ENDED`, async () => {
      const { hall, voter } = await setUp();
      const { callId, ticketId } = answered ? await connectedCall(hall, voter) : await ringingCall(hall, voter);
      const hallHears = next<CallStateChange>(hall, "call:state", ended(callId));
      const voterHears = next<CallStateChange>(voter, "call:state", ended(callId));
      await run(hall, ticketId);
      expect(await hallHears).toEqual({ callId, state: "ENDED", reason: "TURN_ENDED" });
      expect(await voterHears).toEqual({ callId, state: "ENDED", reason: "TURN_ENDED" });
      const log = await callEvents();
      expect(log.map((e) => e.type)).toEqual(["call.started", "call.ended"]);
      const ticketSeq = (await server.db.sessionEvent.findFirstOrThrow({ where: { sessionId: sessionId(), type: "ticket.updated" }, orderBy: { seq: "desc" } })).seq;
      expect(log[1]!.seq).toBe(ticketSeq + 1);
      expect((await server.db.call.findUniqueOrThrow({ where: { id: callId } })).state).toBe("ENDED");
    });
  }

  it("when the voter leaves the queue while called", async () => {
    const { hall, voter } = await setUp();
    const joined = await calledVoter(hall, voter);
    const { callId } = await ok(hall, "call:start", { ticketId: joined.ticket.id });
    const hallHears = next<CallStateChange>(hall, "call:state", ended(callId));
    await ok(voter, "queue:leave", { voterToken: joined.voterToken });
    expect(await hallHears).toMatchObject({ state: "ENDED", reason: "TURN_ENDED" });
  });

  it("when the voter's last socket has been gone longer than the grace, not sooner", async () => {
    const { hall, voter } = await setUp({ callVoterGraceMs: 400 });
    const { callId } = await connectedCall(hall, voter);
    const hallHears = next<CallStateChange>(hall, "call:state", ended(callId));
    const gone = Date.now();
    voter.disconnect();
    expect(await hallHears).toEqual({ callId, state: "ENDED", reason: "VOTER_GONE" });
    expect(Date.now() - gone).toBeGreaterThanOrEqual(380);
  });

  it("but not when the voter is back within the grace", async () => {
    const { hall, voter } = await setUp({ callVoterGraceMs: 400 });
    const joined = await calledVoter(hall, voter);
    const { callId } = await ok(hall, "call:start", { ticketId: joined.ticket.id });
    voter.disconnect();
    const back = await connect({ voterToken: joined.voterToken });
    await ok(back, "ticket:resume", { voterToken: joined.voterToken });
    await new Promise((r) => setTimeout(r, 800));
    expect((await server.db.call.findUniqueOrThrow({ where: { id: callId } })).state).toBe("RINGING");
  });

  it("when the hall console that started it disconnects", async () => {
    const { hall, voter } = await setUp();
    const { callId } = await connectedCall(hall, voter);
    const voterHears = next<CallStateChange>(voter, "call:state", ended(callId));
    hall.disconnect();
    expect(await voterHears).toEqual({ callId, state: "ENDED", reason: "HALL_GONE" });
  });

  it("at the time limit", async () => {
    const { hall, voter } = await setUp({ callMaxSec: 1 });
    const { callId } = await connectedCall(hall, voter);
    const started = Date.now();
    const hallHears = next<CallStateChange>(hall, "call:state", ended(callId), 4000);
    expect(await hallHears).toEqual({ callId, state: "ENDED", reason: "TIME_LIMIT" });
    expect(Date.now() - started).toBeLessThan(2500);
    const log = await callEvents();
    expect(log[1]!.data).toMatchObject({ reason: "TIME_LIMIT", durationSec: expect.any(Number) });
  });
});

describe("TURN credentials", () => {
  it("follow coturn's REST scheme: <expiry>:<callId>, base64 HMAC-SHA1 with TURN_SECRET, at most 10 minutes ahead", async () => {
    const rtc = { stunUrls: ["stun:stun.example.org:3478"], turnUrls: ["turn:turn.example.org:3478"], turnSecret: "test-secret", relayOnly: false };
    const { hall, voter } = await setUp({ rtc });
    const joined = await calledVoter(hall, voter);
    const invited = next<CallInvite>(voter, "call:invite");
    const before = Math.floor(Date.now() / 1000);
    const setup = await ok(hall, "call:start", { ticketId: joined.ticket.id });
    const turn = setup.iceServers.find((s) => s.urls.includes("turn:turn.example.org:3478"))!;
    const [expiry, callId] = turn.username!.split(":");
    expect(callId).toBe(setup.callId);
    expect(Number(expiry)).toBeGreaterThan(before);
    expect(Number(expiry)).toBeLessThanOrEqual(Math.floor(Date.now() / 1000) + 600);
    expect(turn.credential).toBe(createHmac("sha1", "test-secret").update(turn.username!).digest("base64"));
    expect(setup.iceServers).toContainEqual({ urls: rtc.stunUrls });
    expect((await invited).iceServers).toEqual(setup.iceServers);
  });

  it("carry only TURN and ask for relay when RTC_RELAY_ONLY is on", async () => {
    const rtc = { stunUrls: ["stun:stun.example.org:3478"], turnUrls: ["turn:turn.example.org:3478"], turnSecret: "test-secret", relayOnly: true };
    const { hall, voter } = await setUp({ rtc });
    const joined = await calledVoter(hall, voter);
    const setup = await ok(hall, "call:start", { ticketId: joined.ticket.id });
    expect(setup.iceTransportPolicy).toBe("relay");
    expect(setup.iceServers.map((s) => s.urls)).toEqual([rtc.turnUrls]);
  });
});

describe("calls in the record", () => {
  it("reach viewers as the label only, and staff, the record and the minutes with the talk time", async () => {
    const { hall, voter } = await setUp();
    const viewer = await watch(await connect(), sessionId());
    const { callId, ticketId, label } = await connectedCall(hall, voter);
    await new Promise((r) => setTimeout(r, 1100));
    await ok(hall, "hall:finish", { ticketId, summary: "现场答复" });
    const publicEnded = await viewer.waitFor((e) => e.type === "call.ended");
    expect(publicEnded).toMatchObject({ type: "call.ended", data: { label } });
    expect(Object.keys((publicEnded as unknown as { data: object }).data)).toEqual(["label"]);

    const staffHttp = http(server, world.tokens.deputyShengze);
    const record = await staffHttp.get<{ events: LiveEvent[] }>(`/api/sessions/${sessionId()}/record`);
    expect(record.status).toBe(200);
    const recorded = record.body.events.filter((e) => e.type === "call.started" || e.type === "call.ended");
    expect(recorded.map((e) => e.type)).toEqual(["call.started", "call.ended"]);
    const end = (recorded[1] as unknown as { data: CallLogView }).data;
    expect(end).toMatchObject({ callId, ticketId, label, reason: "TURN_ENDED" });
    expect(end.durationSec).toBeGreaterThanOrEqual(1);

    const minutes = await staffHttp.get(`/api/sessions/${sessionId()}/minutes`);
    expect(minutes.text).toContain(`${label} 通话 ${end.durationSec} 秒`);
  });
});
