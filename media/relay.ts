/**
 * Starts nginx-rtmp with media/nginx.conf for development and tests: its own
 * prefix (pid, logs, temp files, HLS under one directory), `daemon off`, on
 * the ports given — never the system nginx service.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const DEFAULT_RTMP_MODULE = "/usr/lib/nginx/modules/ngx_rtmp_module.so";
const TEMPLATE = fileURLToPath(new URL("./nginx.conf", import.meta.url));

export interface MediaRelayOptions {
  /** a directory of its own: pid, logs, temp files and HLS go under it */
  prefix: string;
  rtmpPort: number;
  hlsPort: number;
  /** address nginx listens on; default 127.0.0.1 */
  listenHost?: string;
  /** the URL path HLS is served under; default /hls */
  hlsLocation?: string;
  /** Tongxin's hook routes, e.g. http://127.0.0.1:3000/api/media */
  hookBase: string;
  /** MEDIA_HOOK_SECRET, sent as ?secret= */
  hookSecret?: string | null;
  hlsFragment?: string;
  hlsPlaylistLength?: string;
  /** how often nginx re-checks a pushing encoder's key (on_update) */
  updateEvery?: string;
  rtmpModule?: string;
  nginx?: string;
}

export interface MediaRelay {
  /** what encoders push to (MEDIA_RTMP_URL) */
  rtmpUrl: string;
  /** where HLS is served (MEDIA_HLS_BASE) */
  hlsBase: string;
  hlsDir: string;
  /** resolves with nginx's exit code when it stops, for whatever reason */
  exited: Promise<number | null>;
  /** nginx's error log so far (for test failures) */
  errorLog(): string;
  stop(): Promise<void>;
}

export function renderNginxConfig(o: MediaRelayOptions): string {
  const host = o.listenHost ?? "127.0.0.1";
  const hlsLocation = (o.hlsLocation ?? "/hls").replace(/\/$/, "");
  const secret = o.hookSecret ? `secret=${encodeURIComponent(o.hookSecret)}` : "";
  const hook = (name: string, ...query: string[]) => {
    const q = [...query, secret].filter(Boolean).join("&");
    return `${o.hookBase.replace(/\/$/, "")}/${name}${q ? `?${q}` : ""}`;
  };
  const values: Record<string, string> = {
    RTMP_MODULE: o.rtmpModule ?? DEFAULT_RTMP_MODULE,
    PREFIX: path.resolve(o.prefix),
    RTMP_LISTEN: `${host}:${o.rtmpPort}`,
    HLS_LISTEN: `${host}:${o.hlsPort}`,
    HLS_LOCATION: hlsLocation,
    HLS_DIR: path.join(path.resolve(o.prefix), "hls"),
    HLS_PUSH: `rtmp://127.0.0.1:${o.rtmpPort}/hls`,
    ON_PUBLISH: hook("on-publish", "rename=1"),
    ON_PUBLISH_DONE: hook("on-publish-done"),
    ON_UPDATE: hook("on-update"),
    ON_RELAY_PUBLISH: hook("on-relay-publish"),
    UPDATE_EVERY: o.updateEvery ?? "10s",
    HLS_FRAGMENT: o.hlsFragment ?? "2s",
    HLS_PLAYLIST_LENGTH: o.hlsPlaylistLength ?? "12s",
  };
  for (const [k, v] of Object.entries(values)) {
    // Every value ends up inside one nginx directive: no spaces, quotes or semicolons.
    if (/[\s;{}"'$]/.test(v)) throw new Error(`media relay: ${k} may not contain spaces, quotes, ; { } or $`);
  }
  return readFileSync(TEMPLATE, "utf8").replace(/\{\{([A-Z_]+)\}\}/g, (_m, key: string) => {
    const v = values[key];
    if (v === undefined) throw new Error(`media/nginx.conf: unknown placeholder {{${key}}}`);
    return v;
  });
}

/** Which of the media tools this machine has (tests skip without them). */
export function mediaToolsAvailable(rtmpModule = DEFAULT_RTMP_MODULE): { nginx: boolean; rtmpModule: boolean; ffmpeg: boolean } {
  const runs = (cmd: string, args: string[]) => spawnSync(cmd, args, { stdio: "ignore" }).status === 0;
  return { nginx: runs("nginx", ["-v"]), rtmpModule: existsSync(rtmpModule), ffmpeg: runs("ffmpeg", ["-version"]) };
}

function portOpen(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect({ host, port });
    s.once("connect", () => {
      s.destroy();
      resolve(true);
    });
    s.once("error", () => resolve(false));
  });
}

export async function startMediaRelay(o: MediaRelayOptions): Promise<MediaRelay> {
  const prefix = path.resolve(o.prefix);
  for (const dir of [prefix, path.join(prefix, "logs"), path.join(prefix, "tmp")]) mkdirSync(dir, { recursive: true });
  // Started as root, nginx's workers run as nobody: they must reach the prefix to write HLS and serve it.
  chmodSync(prefix, 0o755);
  const confFile = path.join(prefix, "nginx.conf");
  writeFileSync(confFile, renderNginxConfig(o));
  const errorLogFile = path.join(prefix, "logs", "error.log");
  const errorLog = () => (existsSync(errorLogFile) ? readFileSync(errorLogFile, "utf8") : "");

  const child: ChildProcess = spawn(o.nginx ?? "nginx", ["-p", prefix, "-c", confFile, "-e", errorLogFile, "-g", "daemon off;"], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (b: Buffer) => (stderr += b.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  let gone = false;
  void exited.then(() => (gone = true));

  const host = o.listenHost && o.listenHost !== "0.0.0.0" ? o.listenHost : "127.0.0.1";
  const deadline = Date.now() + 10_000;
  while (!(await portOpen(host, o.rtmpPort)) || !(await portOpen(host, o.hlsPort))) {
    if (gone || Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`nginx-rtmp did not start: ${stderr.trim() || errorLog().trim() || "no output"}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }

  const hlsLocation = (o.hlsLocation ?? "/hls").replace(/\/$/, "");
  return {
    rtmpUrl: `rtmp://${host}:${o.rtmpPort}/live`,
    hlsBase: `http://${host}:${o.hlsPort}${hlsLocation}`,
    hlsDir: path.join(prefix, "hls"),
    exited,
    errorLog,
    async stop() {
      if (gone) return;
      child.kill("SIGTERM"); // nginx: fast shutdown of master and worker
      const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}
