/**
 * startTestServer() and connectClient(): a real server on port 0 (on the run's
 * storage, see test-storage.ts) and real socket.io clients. Test files usually
 * reach these through useTestServer() (use-test-server.ts).
 */
import type { AddressInfo } from "node:net";
import { io as ioClient, type Socket } from "socket.io-client";
import { createApp, type App } from "../../src/app.ts";
import { readConfig, type Config } from "../../src/config.ts";
import { createLogger, type Logger } from "../../src/logger.ts";
import type { Ack, ClientToServerEvents, ServerToClientEvents } from "../../src/protocol/events.ts";
import { openDatabase, type Db } from "../../src/store/prisma.ts";
import { runningClock, type TestClock } from "./test-clock.ts";
import { freshTestDatabase } from "./test-storage.ts";

export interface TestServer {
  url: string;
  port: number;
  db: Db;
  app: App;
  /** the SQLite file, or null on PostgreSQL */
  dbFile: string | null;
  /** what the server's services read as the time */
  clock: TestClock;
  /** stops the server; `keepDb` leaves the database for a restart test */
  stop(opts?: { keepDb?: boolean }): Promise<void>;
}

export interface TestServerOptions {
  config?: Partial<Config>;
  /** an existing database file (restart tests); default: a fresh migrated copy */
  dbFile?: string;
  /** an existing database by URL, SQLite or PostgreSQL (a restored backup); left in place on stop */
  dbUrl?: string;
  seedDemo?: boolean;
  serveClient?: boolean;
  /** the services' clock; default: real time that advance() can move on */
  clock?: TestClock;
  /** the app's logger; default: silent (TEST_LOG_LEVEL to see it) */
  log?: Logger;
}

export async function startTestServer(opts: TestServerOptions = {}): Promise<TestServer> {
  const temp = opts.dbFile || opts.dbUrl ? null : await freshTestDatabase();
  const databaseUrl = opts.dbUrl ?? (opts.dbFile ? `file:${opts.dbFile}` : temp!.url);
  const clock = opts.clock ?? runningClock();
  const config: Config = {
    ...readConfig({}),
    port: 0,
    clientDir: opts.serveClient ? "client/dist" : null,
    joinLimitPerSocketPerMin: 1000,
    // Every test client shares 127.0.0.1; connection-limits.test.ts sets its own limits.
    connectionsPerIpPerMin: 100_000,
    ...opts.config,
    databaseUrl,
  };
  const db = await openDatabase(config.databaseUrl);
  if (opts.seedDemo) {
    const { seedDemoData, isDatabaseEmpty } = await import("../../src/demo/seed-demo.ts");
    if (await isDatabaseEmpty(db)) await seedDemoData(db, { password: config.demoPassword, now: new Date() });
  }
  const app = await createApp({ config, db, now: () => clock.now(), log: opts.log ?? createLogger(process.env.TEST_LOG_LEVEL ?? "silent") });
  await new Promise<void>((resolve) => app.http.listen(0, "127.0.0.1", resolve));
  const port = (app.http.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    db,
    app,
    dbFile: opts.dbFile ?? (opts.dbUrl ? null : temp!.file),
    clock,
    async stop({ keepDb = false } = {}) {
      await app.close();
      await db.$disconnect();
      if (!keepDb) await temp?.remove();
    },
  };
}

export type TestSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export async function connectClient(url: string, auth: { token?: string; voterToken?: string } = {}): Promise<TestSocket> {
  const socket: TestSocket = ioClient(url, { transports: ["websocket"], auth, reconnection: false, forceNew: true });
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", reject);
  });
  return socket;
}

/** Emits with an ack and resolves with the contract's answer. */
export function call<E extends keyof ClientToServerEvents>(
  socket: TestSocket,
  event: E,
  payload: Parameters<ClientToServerEvents[E]>[0],
): Promise<Parameters<Parameters<ClientToServerEvents[E]>[1]>[0]> {
  return (socket.timeout(10_000) as unknown as { emitWithAck(e: string, p: unknown): Promise<never> }).emitWithAck(event, payload);
}

/** Unwraps an ok answer or fails the test with the error. */
export async function ok<E extends keyof ClientToServerEvents>(
  socket: TestSocket,
  event: E,
  payload: Parameters<ClientToServerEvents[E]>[0],
) {
  const r = (await call(socket, event, payload)) as Ack<unknown>;
  if (!r.ok) throw new Error(`${event} failed: ${r.error.code} ${r.error.message} ${JSON.stringify(r.error.details ?? {})}`);
  return r.data as Extract<Parameters<Parameters<ClientToServerEvents[E]>[1]>[0], { ok: true }>["data"];
}
