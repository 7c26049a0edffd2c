/**
 * A real cluster for the fault tests: N server processes
 * (`node --import tsx server/src/index.ts`) on one PostgreSQL schema, reached
 * through a TCP proxy the test can cut (PostgreSQL "restarting" without touching
 * the machine's server), a private redis-server on its own port (restarted
 * without disturbing the shared one on 6379), and HAProxy in front with the
 * shipped config (deploy/haproxy.cfg.template).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createConnection, createServer, type Server, type Socket as NetSocket } from "node:net";
import { io as ioClient } from "socket.io-client";
// @ts-expect-error: plain ESM script shared with scripts/cluster.mjs, no types
import { haproxyBinary, renderHaproxyConfig, startHaproxy, waitReady } from "../../../scripts/cluster-lib.mjs";
import { crashProcess, freePort } from "./server-process.ts";
import type { TestSocket } from "./test-server.ts";

export { haproxyBinary };

export interface Balancer {
  url: string;
  stop(): Promise<void>;
}

type BalancerNode = { name: string; host: string; port: number };

/** The shipped HAProxy config (deploy/haproxy.cfg.template) rendered for `bind` and `nodes`. */
export function renderBalancerConfig(bind: string, nodes: BalancerNode[]): string {
  return renderHaproxyConfig({ bind, nodes }) as string;
}

/** The shipped HAProxy config in front of `nodes`, on `port`. */
export function startBalancer(port: number, nodes: BalancerNode[]): Promise<Balancer> {
  return startHaproxy({ port, nodes, stdio: "ignore" }) as Promise<Balancer>;
}

/** A TCP proxy to `target` that can be cut (every connection reset, new ones refused) and restored. */
export class CuttableProxy {
  private server: Server | null = null;
  private readonly open = new Set<NetSocket>();
  constructor(
    readonly port: number,
    private readonly target: { host: string; port: number },
  ) {}

  async restore(): Promise<void> {
    if (this.server) return;
    const server = createServer((client) => {
      const upstream = createConnection(this.target.port, this.target.host);
      // Either side gone (FIN or RST, e.g. a node killed mid-transaction) closes
      // the other, as a direct connection would: PostgreSQL then rolls back and
      // releases that backend's locks.
      for (const [s, other] of [[client, upstream], [upstream, client]] as const) {
        this.open.add(s);
        s.on("close", () => (this.open.delete(s), other.destroy()));
        s.on("error", () => undefined);
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => server.listen(this.port, "127.0.0.1", resolve));
    this.server = server;
  }

  async cut(): Promise<void> {
    const server = this.server;
    this.server = null;
    for (const s of this.open) s.destroy();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

/** redis-server on a port of its own, without persistence, that can be killed and started again. */
export class PrivateRedis {
  private child: ChildProcess | null = null;
  constructor(readonly port: number) {}
  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }
  async start(): Promise<void> {
    const child = spawn("redis-server", ["--port", String(this.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" });
    this.child = child;
    const deadline = Date.now() + 10_000;
    while (!(await portOpen(this.port))) {
      if (child.exitCode !== null || Date.now() > deadline) throw new Error("redis-server did not start");
      await sleep(50);
    }
  }
  /** kill -9: what a crashed or restarted Redis looks like to its clients */
  async kill(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => (child.once("exit", () => resolve()), child.kill("SIGKILL")));
  }
}

export interface ClusterNode {
  name: string;
  port: number;
  url: string;
  child: ChildProcess;
  /** kill -9: no drain, no shutdown hook */
  crash(): Promise<void>;
}

export interface Cluster {
  /** the balancer */
  url: string;
  nodes: ClusterNode[];
  stop(): Promise<void>;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = createConnection(port, "127.0.0.1");
    s.once("connect", () => (s.destroy(), resolve(true)));
    s.once("error", () => resolve(false));
  });
}

export async function startCluster(opts: { count: number; databaseUrl: string; redisUrl: string; env?: Record<string, string> }): Promise<Cluster> {
  const nodes: ClusterNode[] = [];
  for (let i = 0; i < opts.count; i++) {
    const name = `n${i + 1}`;
    const port = await freePort();
    const child = spawn(process.execPath, ["--import", "tsx", "server/src/index.ts"], {
      env: {
        ...process.env,
        PORT: String(port),
        HOST: "127.0.0.1",
        NODE_ID: name,
        DATABASE_URL: opts.databaseUrl,
        REDIS_URL: opts.redisUrl,
        TRUST_PROXY: "127.0.0.1",
        DEMO_SEED: "0",
        LOG_LEVEL: "error",
        CLIENT_DIR: "",
        ...opts.env,
      },
      stdio: ["ignore", "ignore", "inherit"],
    });
    nodes.push({
      name,
      port,
      url: `http://127.0.0.1:${port}`,
      child,
      crash: () => crashProcess(child),

    });
  }
  const stopNodes = () => Promise.all(nodes.map((n) => n.crash()));
  try {
    await Promise.all(nodes.map((n) => waitReady(`${n.url}/readyz`, 60_000, () => n.child.exitCode === null)));
    const port = await freePort();
    const balancer = await startHaproxy({ port, nodes: nodes.map((n) => ({ name: n.name, host: "127.0.0.1", port: n.port })), stdio: "ignore" });
    // Every node up in HAProxy's eyes (rise 2 × 500 ms) before the tests route by cookie.
    await sleep(1_500);
    return {
      url: balancer.url,
      nodes,
      async stop() {
        await stopNodes();
        await balancer.stop();
      },
    };
  } catch (e) {
    await stopNodes();
    throw e;
  }
}

/**
 * A socket.io client through the balancer, pinned to `node` by HAProxy's
 * stickiness cookie (as a browser on the polling fallback would be after its
 * first answer). It reconnects by itself; when the node is gone, HAProxy
 * redispatches it to another.
 */
export function connectVia(balancerUrl: string, node: string, auth: Record<string, string> = {}): Promise<TestSocket> {
  const socket: TestSocket = ioClient(balancerUrl, {
    transports: ["websocket"],
    auth,
    forceNew: true,
    reconnectionDelay: 200,
    reconnectionDelayMax: 1_000,
    extraHeaders: { cookie: `TXNODE=${node}` },
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no connection via ${node}`)), 10_000);
    socket.once("connect", () => (clearTimeout(timer), resolve(socket)));
  });
}

/** Which node a /metrics scrape says holds how many sockets. */
export async function socketsOn(node: ClusterNode): Promise<number> {
  const text = await (await fetch(`${node.url}/metrics`)).text();
  const m = /^tongxin_sockets\{[^}]*\} (\d+)/m.exec(text);
  return m ? Number(m[1]) : NaN;
}
