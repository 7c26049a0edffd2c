/**
 * useTestServer(): the preamble every integration file needs, once. Called at
 * file or describe level, it registers its own hooks — a server (with the
 * two-town world) before the block or before each test, every socket it opened
 * disconnected after each test, the server stopped and its database removed
 * after — and returns a handle whose getters read the current server.
 *
 *   const t = useTestServer({ perTest: true });
 *   it("…", async () => { const staff = await t.connectAs("staffShengze"); … });
 */
import { afterAll, afterEach, beforeAll, beforeEach } from "vitest";
import type { TicketView } from "../../src/protocol/model.ts";
import { hashPassword } from "../../src/services/privacy-and-accounts/passwords.ts";
import type { Db } from "../../src/store/prisma.ts";
import { http, type Http } from "./back-office-fixtures.ts";
import { buildWorld, openSession, type World } from "./fixtures.ts";
import { fixedClock, runningClock, type TestClock } from "./test-clock.ts";
import { connectClient, ok, startTestServer, type TestServer, type TestServerOptions, type TestSocket } from "./test-server.ts";
import { skipWhenStorageUnavailable, storageUnavailable } from "./test-storage.ts";

export type WorldUser = keyof World["tokens"];
type Venue = "shengze" | "lili";

export interface UseTestServerOptions extends Omit<TestServerOptions, "clock" | "dbFile"> {
  /** a new server for every test (default: one for the whole block) */
  perTest?: boolean;
  /** "fixed": time stands still until clock.advance(); default "running" (real time, advance() adds) */
  clock?: "fixed" | "running";
  /** build the two-town world of fixtures.ts (default true) */
  world?: boolean;
}

export interface TestServerHandle {
  readonly server: TestServer;
  readonly url: string;
  readonly db: Db;
  readonly world: World;
  readonly clock: TestClock;
  /** a socket, anonymous or with `auth`, disconnected after the test */
  connect(auth?: { token?: string; voterToken?: string }): Promise<TestSocket>;
  /** a socket logged in as one of the world's users */
  connectAs(user: WorldUser): Promise<TestSocket>;
  /** the JSON API as one of the world's users, or anonymously */
  http(user?: WorldUser): Http;
  /** joins voters named `names` to a session's queue (in this order, from one socket) */
  joinVoters(names: string[], opts?: { venue?: Venue; isPublic?: boolean }): Promise<TicketView[]>;
  /** adds a user who logs in with a real (scrypt) password, as the demo's accounts do */
  addUserWithPassword(user: { username: string; password: string; role: "ADMIN" | "STAFF" | "DEPUTY"; venues: Venue[]; displayName?: string }): Promise<void>;
  /** opens another reception day at a venue of the world */
  openSession(venue: Venue, over?: Parameters<typeof openSession>[2]): Promise<string>;
}

export function useTestServer(opts: UseTestServerOptions = {}): TestServerHandle {
  const { perTest = false, clock: clockKind = "running", world: withWorld = true, ...serverOpts } = opts;
  let server: TestServer | null = null;
  let world: World | null = null;
  const sockets: TestSocket[] = [];

  const start = async () => {
    if (storageUnavailable) return;
    server = await startTestServer({ ...serverOpts, clock: clockKind === "fixed" ? fixedClock() : runningClock() });
    world = withWorld ? await buildWorld(server.db) : null;
  };
  const stop = async () => {
    disconnectAll();
    await server?.stop();
    server = null;
    world = null;
  };
  const disconnectAll = () => {
    for (const s of sockets.splice(0)) s.disconnect();
  };

  skipWhenStorageUnavailable();
  if (perTest) {
    beforeEach(start);
    afterEach(stop);
  } else {
    beforeAll(start);
    afterEach(disconnectAll);
    afterAll(stop);
  }

  const current = (): TestServer => {
    if (!server) throw new Error("useTestServer: no server outside a test (use the handle inside hooks and tests)");
    return server;
  };
  const currentWorld = (): World => {
    if (!world) throw new Error("useTestServer: this server was started without a world");
    return world;
  };
  const connect: TestServerHandle["connect"] = async (auth = {}) => {
    const s = await connectClient(current().url, auth);
    sockets.push(s);
    return s;
  };

  return {
    get server() {
      return current();
    },
    get url() {
      return current().url;
    },
    get db() {
      return current().db;
    },
    get world() {
      return currentWorld();
    },
    get clock() {
      return current().clock;
    },
    connect,
    connectAs: (user) => connect({ token: currentWorld().tokens[user] }),
    http: (user) => http(current(), user ? currentWorld().tokens[user] : undefined),
    async joinVoters(names, { venue = "shengze", isPublic = false } = {}) {
      const sessionId = currentWorld()[venue].sessionId;
      const voter = await connect();
      const tickets: TicketView[] = [];
      for (const name of names) tickets.push((await ok(voter, "queue:join", { sessionId, name, topic: "t", isPublic })).ticket);
      return tickets;
    },
    async addUserWithPassword({ username, password, role, venues, displayName = username }) {
      const venueIds = venues.map((v) => currentWorld()[v].venueId);
      await current().db.user.create({
        data: { username, displayName, role, passwordHash: await hashPassword(password), venues: { create: venueIds.map((venueId) => ({ venueId })) } },
      });
    },
    openSession: (venue, over) => openSession(current().db, currentWorld()[venue].venueId, over),
  };
}
