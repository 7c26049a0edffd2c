/**
 * Two app nodes in this process on one throwaway PostgreSQL schema with the
 * Socket.IO Redis adapter, for the multi-node suites. `useTwoNodes()`
 * registers its own setup and teardown, like useTestServer().
 */
import { createConnection } from "node:net";
import { afterAll, beforeAll } from "vitest";
import { createApp, type App } from "../../src/app.ts";
import { readConfig, type Config } from "../../src/config.ts";
import { createLogger } from "../../src/logger.ts";
import { openDatabase, type Db } from "../../src/store/prisma.ts";
import { buildWorld, type World } from "./fixtures.ts";
import { postgresReachable, REDIS_URL, tempPostgresSchema } from "./postgres.ts";
import { connectClient, type TestSocket } from "./test-server.ts";

export interface TestNode {
  app: App;
  db: Db;
  url: string;
}

const redisReachable = () =>
  new Promise<boolean>((resolve) => {
    const u = new URL(REDIS_URL);
    const s = createConnection(Number(u.port || 6379), u.hostname);
    s.once("connect", () => (s.destroy(), resolve(true)));
    s.once("error", () => resolve(false));
  });

/** Whether PostgreSQL and Redis answer; loud when not, and fatal where MULTI_NODE_REQUIRED=1. */
export async function multiNodeAvailable(what: string): Promise<boolean> {
  const available = (await postgresReachable()) && (await redisReachable());
  if (!available) {
    const msg = `PostgreSQL (127.0.0.1:5432) or Redis (127.0.0.1:6379) is not reachable: ${what}`;
    if (process.env.MULTI_NODE_REQUIRED === "1") throw new Error(`${msg} are required here`);
    console.warn(`\n!!! ${msg} are SKIPPED !!!\n`);
  }
  return available;
}

/** `config` may be a function, read when the nodes start (e.g. a Redis the suite starts first). */
export function useTwoNodes(config: Partial<Config> | (() => Partial<Config>) = {}) {
  let schema: Awaited<ReturnType<typeof tempPostgresSchema>> | undefined;
  let world: World | undefined;
  const nodes: TestNode[] = [];
  const sockets: TestSocket[] = [];

  beforeAll(async () => {
    schema = await tempPostgresSchema();
    const setup = await openDatabase(schema.url);
    world = await buildWorld(setup);
    await setup.$disconnect();
    for (let i = 0; i < 2; i++) {
      const nodeConfig = {
        ...readConfig({}),
        databaseUrl: schema.url,
        redisUrl: REDIS_URL,
        clientDir: null,
        joinLimitPerSocketPerMin: 1000,
        // Every client here is 127.0.0.1, as in useTestServer; and this suite's limit windows are its own
        // (other suites, on this machine's one Redis, count theirs at the same time).
        connectionsPerIpPerMin: 100_000,
        limitsPrefix: `test:limit:${schema.name}`,
        ...(typeof config === "function" ? config() : config),
      };
      const db = await openDatabase(schema.url);
      const app = await createApp({ config: nodeConfig, db, log: createLogger("silent") });
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

  return {
    nodes,
    get world(): World {
      if (!world) throw new Error("useTwoNodes: the nodes are not started yet");
      return world;
    },
    /** A client of `node` (its index), disconnected when the suite ends. */
    async connect(node: number, auth: { token?: string; voterToken?: string } = {}): Promise<TestSocket> {
      const s = await connectClient(nodes[node]!.url, auth);
      sockets.push(s);
      return s;
    },
  };
}
