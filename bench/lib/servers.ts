/** Starting the two servers under test as child processes. */
import { io as ioClient, type Socket } from "socket.io-client";
import type { Ack } from "../../server/src/protocol/errors.ts";
import { spawnChild, type Child } from "./child.ts";
import type { BenchDb } from "./bench-db.ts";

export interface RunningServer {
  child: Child;
  url: string;
  port: number;
}

/** Tongxin in its own process, as production runs it (one process, SQLite WAL). */
export async function startTongxin(db: Pick<BenchDb, "url">, env: Record<string, string> = {}): Promise<RunningServer> {
  const child = spawnChild(
    "tongxin",
    "workers/tongxin-server.ts",
    {
      PORT: "0",
      HOST: "127.0.0.1",
      DATABASE_URL: db.url,
      LOG_LEVEL: "warn",
      CLIENT_DIR: "",
      // One address carries every bench voter; the per-IP limit is for carriers' NAT, not for a load test.
      JOIN_LIMIT_PER_IP_PER_MIN: "1000000",
      CONNECTIONS_PER_IP: "1000000",
      CONNECTIONS_PER_IP_PER_MIN: "1000000",
      ...env,
    },
    // BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=bench/tmp/prof" profiles the server.
    ["--expose-gc", ...(process.env.BENCH_SERVER_NODE_ARGS?.split(" ").filter(Boolean) ?? [])],
  );
  const { port } = (await child.waitFor("listening")) as { port: number };
  return { child, port, url: `http://127.0.0.1:${port}` };
}

export async function startBaseline(): Promise<RunningServer> {
  const child = spawnChild("baseline", "workers/baseline-server.ts");
  const { port } = (await child.waitFor("listening")) as { port: number };
  return { child, port, url: `ws://127.0.0.1:${port}` };
}

export function connectIo(url: string, auth: Record<string, string> = {}): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = ioClient(url, { transports: ["websocket"], reconnection: false, forceNew: true, auth });
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", reject);
  });
}

/** Emits with an ack and unwraps `{ok,data}`; throws on `{ok:false}`. */
export async function call<T>(socket: Socket, event: string, payload: unknown): Promise<T> {
  const res = (await socket.timeout(30_000).emitWithAck(event, payload)) as Ack<T>;
  if (!res.ok) throw new Error(`${event}: ${res.error.code} ${res.error.message}`);
  return res.data;
}
