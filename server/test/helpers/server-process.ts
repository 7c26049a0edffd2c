/** The real server as a separate process (`node --import tsx server/src/index.ts`, or a compiled build), for crash tests. */
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";

/** kill -9, resolved once the process has exited (at once if it already has). */
export function crashProcess(child: ChildProcess): Promise<void> {
  return new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGKILL");
  });
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** kill -9: no shutdown hooks run */
  crash(): Promise<void>;
}

/** How the process runs the server: from source through tsx (default), or a compiled entry (`build/server/index.mjs`). */
export const FROM_SOURCE = ["--import", "tsx", "server/src/index.ts"];

export async function startServerProcess(databaseUrl: string, env: Record<string, string> = {}, args: string[] = FROM_SOURCE): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, args, {
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", DATABASE_URL: databaseUrl, DEMO_SEED: "0", LOG_LEVEL: "warn", CLIENT_DIR: "", ...env },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error("server did not start in 30 s");
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    child,
    crash: () => crashProcess(child),
  };
}
