/**
 * Bench child processes (servers and client workers) and a tiny request/reply
 * protocol over Node's IPC channel. A request is `{id, cmd, ...args}`; the
 * child answers `{id, ok, ...}`; messages without an id are notices (e.g. a
 * viewer worker saying that all its sockets have seen seq 42).
 */
import { fork, type ChildProcess } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const BENCH_DIR = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
export const ROOT_DIR = path.dirname(BENCH_DIR);

export type Message = Record<string, unknown> & { type?: string };

export class Child {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve(m: Message): void; reject(e: Error): void }>();
  private readonly listeners = new Set<(m: Message) => void>();
  readonly exited: Promise<number | null>;

  constructor(
    readonly name: string,
    readonly proc: ChildProcess,
  ) {
    proc.on("message", (raw) => {
      const m = raw as Message & { id?: number; ok?: boolean; error?: string };
      if (typeof m.id === "number" && this.pending.has(m.id)) {
        const p = this.pending.get(m.id)!;
        this.pending.delete(m.id);
        if (m.ok === false) p.reject(new Error(`${name}: ${m.error}`));
        else p.resolve(m);
        return;
      }
      for (const l of this.listeners) l(m);
    });
    this.exited = new Promise((resolve) => {
      proc.on("exit", (code) => {
        for (const p of this.pending.values()) p.reject(new Error(`${name} exited (${code})`));
        this.pending.clear();
        resolve(code);
      });
    });
  }

  get pid(): number {
    return this.proc.pid!;
  }

  request<T extends Message = Message>(cmd: string, args: Record<string, unknown> = {}, timeoutMs = 120_000): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`${this.name}: ${cmd} timed out after ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(id, {
        resolve: (m) => {
          clearTimeout(timer);
          resolve(m as T);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      });
      this.proc.send({ id, cmd, ...args });
    });
  }

  onNotice(listener: (m: Message) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Resolves with the first notice of `type` (e.g. "listening"). */
  waitFor(type: string, timeoutMs = 60_000): Promise<Message> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        off();
        reject(new Error(`${this.name}: no "${type}" within ${timeoutMs} ms`));
      }, timeoutMs);
      const off = this.onNotice((m) => {
        if (m.type !== type) return;
        clearTimeout(timer);
        off();
        resolve(m);
      });
      void this.exited.then((code) => {
        clearTimeout(timer);
        off();
        reject(new Error(`${this.name} exited (${code}) before "${type}"`));
      });
    });
  }

  /** SIGTERM, then SIGKILL if it has not exited within `graceMs`. */
  async stop(graceMs = 10_000): Promise<void> {
    if (this.proc.exitCode !== null || this.proc.signalCode !== null) return;
    this.proc.kill("SIGTERM");
    const timer = setTimeout(() => this.proc.kill("SIGKILL"), graceMs);
    await this.exited;
    clearTimeout(timer);
  }
}

/** Starts a TypeScript entry under bench/ as a child with an IPC channel. */
export function spawnChild(name: string, entry: string, env: Record<string, string> = {}, nodeArgs: string[] = []): Child {
  const proc = fork(path.join(BENCH_DIR, entry), [], {
    cwd: ROOT_DIR,
    execArgv: [...nodeArgs, "--import", "tsx"],
    env: { ...process.env, ...env },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  return new Child(name, proc);
}

/** Children-side helper: answer requests from the parent. */
export function serveRequests(handlers: Record<string, (m: Message) => Promise<Message | void> | Message | void>): void {
  process.on("message", (raw) => {
    const m = raw as Message & { id: number; cmd: string };
    const handler = handlers[m.cmd];
    if (!handler) {
      process.send!({ id: m.id, ok: false, error: `unknown command ${m.cmd}` });
      return;
    }
    Promise.resolve()
      .then(() => handler(m))
      .then(
        (reply) => process.send!({ ...(reply ?? {}), id: m.id, ok: true }),
        (e: unknown) => process.send!({ id: m.id, ok: false, error: e instanceof Error ? e.message : String(e) }),
      );
  });
  // The parent going away (Ctrl-C, crash) must not leave load generators running.
  process.on("disconnect", () => process.exit(0));
}

/** Client workers: exit normally on SIGTERM, so --cpu-prof can write its profile. */
export function exitOnSigterm(): void {
  process.on("SIGTERM", () => process.exit(0));
}

/** Reads a process's resident set size in KB from /proc (what `ps -o rss=` prints). */
export async function rssKb(pid: number): Promise<number> {
  const { readFile } = await import("node:fs/promises");
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  const m = /VmRSS:\s+(\d+)\s+kB/.exec(status);
  if (!m) throw new Error(`no VmRSS for pid ${pid}`);
  return Number(m[1]);
}

/** CPU time (user + system, ms) a process has used so far, from /proc/PID/stat. */
export async function cpuMs(pid: number): Promise<number> {
  const { readFile } = await import("node:fs/promises");
  const stat = await readFile(`/proc/${pid}/stat`, "utf8");
  // Fields after the command name, which is in parentheses and may contain spaces.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
}
