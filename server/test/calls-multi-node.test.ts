/**
 * §5b across two nodes (PostgreSQL + the Socket.IO Redis adapter): the hall
 * console on one node, the voter on the other. The Call row lets either node
 * authorize; signals, states and the end with the turn cross nodes; the
 * voter's disconnect grace counts sockets on every node.
 */
import { createConnection } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp, type App } from "../src/app.ts";
import { readConfig } from "../src/config.ts";
import { createLogger } from "../src/logger.ts";
import type { CallInvite, CallSignal, CallStateChange } from "../src/protocol/model.ts";
import { openDatabase, type Db } from "../src/store/prisma.ts";
import { buildWorld, type World } from "./helpers/fixtures.ts";
import { postgresReachable, REDIS_URL, tempPostgresSchema } from "./helpers/postgres.ts";
import { call, connectClient, ok, type TestSocket } from "./helpers/test-server.ts";

const redisReachable = () =>
  new Promise<boolean>((resolve) => {
    const u = new URL(REDIS_URL);
    const s = createConnection(Number(u.port || 6379), u.hostname);
    s.once("connect", () => (s.destroy(), resolve(true)));
    s.once("error", () => resolve(false));
  });

const available = (await postgresReachable()) && (await redisReachable());
if (!available) {
  const msg = "PostgreSQL (127.0.0.1:5432) or Redis (127.0.0.1:6379) is not reachable: multi-node call tests";
  if (process.env.MULTI_NODE_REQUIRED === "1") throw new Error(`${msg} are required here`);
  console.warn(`\n!!! ${msg} are SKIPPED !!!\n`);
}

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
  let schema: Awaited<ReturnType<typeof tempPostgresSchema>>;
  let world: World;
  const nodes: Array<{ app: App; db: Db; url: string }> = [];
  const sockets: TestSocket[] = [];
  const connect = async (node: number, auth = {}) => {
    const s = await connectClient(nodes[node]!.url, auth);
    sockets.push(s);
    return s;
  };

  beforeAll(async () => {
    schema = await tempPostgresSchema();
    const setup = await openDatabase(schema.url);
    world = await buildWorld(setup);
    await setup.$disconnect();
    for (let i = 0; i < 2; i++) {
      const config = { ...readConfig({}), databaseUrl: schema.url, redisUrl: REDIS_URL, clientDir: null, joinLimitPerSocketPerMin: 1000, callVoterGraceMs: 300 };
      const db = await openDatabase(schema.url);
      const app = await createApp({ config, db, log: createLogger("silent") });
      await new Promise<void>((resolve) => app.http.listen(0, "127.0.0.1", resolve));
      nodes.push({ app, db, url: `http://127.0.0.1:${(app.http.address() as { port: number }).port}` });
    }
  }, 60_000);

  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    for (const n of nodes) {
      await n.app.close();
      await n.db.$disconnect();
    }
    await schema?.drop();
  });

  it("rings, relays and ends with the turn when hall and voter are on different nodes", async () => {
    const sessionId = world.shengze.sessionId;
    const hall = await connect(0, { token: world.tokens.deputyShengze });
    const voter = await connect(1);
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

    const stranger = await connect(1, { token: world.tokens.staffShengze });
    expect(await call(stranger, "call:signal", { callId, candidate: null })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });

    // A second voter tab on the hall's node; the first one dropping does not end the call.
    const secondTab = await connect(0, { voterToken: joined.voterToken });
    await ok(secondTab, "ticket:resume", { voterToken: joined.voterToken });
    voter.disconnect();
    await new Promise((r) => setTimeout(r, 700));
    expect((await nodes[0]!.db.call.findUniqueOrThrow({ where: { id: callId } })).state).toBe("CONNECTED");

    // Another console on the other node finishes the turn: the call ends, and both sides hear it.
    const otherConsole = await connect(1, { token: world.tokens.staffShengze });
    const hallHears = next<CallStateChange>(hall, "call:state", (p) => p.state === "ENDED");
    const tabHears = next<CallStateChange>(secondTab, "call:state", (p) => p.state === "ENDED");
    await ok(otherConsole, "hall:finish", { ticketId: joined.ticket.id });
    expect(await hallHears).toEqual({ callId, state: "ENDED", reason: "TURN_ENDED" });
    expect(await tabHears).toEqual({ callId, state: "ENDED", reason: "TURN_ENDED" });
    const types = (await nodes[1]!.db.sessionEvent.findMany({ where: { sessionId, type: { startsWith: "call." } }, orderBy: { seq: "asc" } })).map((e) => e.type);
    expect(types).toEqual(["call.started", "call.ended"]);
  });
});
