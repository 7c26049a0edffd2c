/**
 * Journeys with real calls run in a private network namespace of their own,
 * as the call lab does: Chromium gathers no ICE candidates when loopback is
 * the only interface, and nothing a call sends may leave the machine. An e2e
 * file asks to be run again inside one (`unshare -n`, with a veth pair), by a
 * vitest of its own; inside, IN_PRIVATE_NETWORK is true.
 */
import { execFileSync, spawn } from "node:child_process";
import path from "node:path";
import { ROOT } from "../browser-env.ts";

const FLAG = "TONGXIN_PRIVATE_NETWORK";
export const IN_PRIVATE_NETWORK = process.env[FLAG] === "1";
/** The namespace's own address (a veth pair), so Chromium has an interface besides loopback. */
export const VETH_IP = "10.43.0.1";

/**
 * The namespace's network, as commands. `addrgenmode none`: no IPv6 link-local
 * address appears (and finishes its duplicate check) a second after the link is
 * up; Chromium takes each such change for a new network and fails the requests
 * in flight with ERR_NETWORK_CHANGED, which under load hit a page's first load.
 */
export const NETWORK_UP_COMMANDS: readonly string[][] = [
  ["ip", "link", "set", "lo", "up"],
  ["ip", "link", "add", "v0", "type", "veth", "peer", "name", "v1"],
  ["ip", "link", "set", "v0", "addrgenmode", "none"],
  ["ip", "link", "set", "v1", "addrgenmode", "none"],
  ["ip", "addr", "add", `${VETH_IP}/24`, "dev", "v0"],
  ["ip", "link", "set", "v0", "up"],
  ["ip", "link", "set", "v1", "up"],
];
const NETWORK_UP = NETWORK_UP_COMMANDS.map((c) => c.join(" ")).join(" && ");

/** Runs one e2e file by vitest inside a fresh namespace; its exit code and the tail of its output. */
export async function runE2eFileInPrivateNetwork(file: string, timeoutMs: number): Promise<{ code: number | null; output: string }> {
  // The inner vitest is a run of its own: none of the outer run's worker variables.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("VITEST")));
  const child = spawn("unshare", ["-n", "--", "sh", "-c", `${NETWORK_UP} && exec npx vitest run --project e2e ${file}`], {
    cwd: ROOT,
    env: { ...env, [FLAG]: "1", TEST_LOG_LEVEL: "silent" },
    stdio: ["ignore", "pipe", "pipe"],
    // Its own process group, so a timeout takes Chromium and the server down with it.
    detached: true,
  });
  let output = "";
  const keep = (d: Buffer) => {
    output = (output + d.toString()).slice(-20_000);
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  const code = await new Promise<number | null>((resolve) => {
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        child.kill("SIGKILL");
      }
    }, timeoutMs);
    child.once("exit", (c) => {
      clearTimeout(timer);
      resolve(c);
    });
  });
  return { code, output };
}

/** A minute of a 440 Hz tone: what the fake microphone of Chromium plays. */
export function toneWav(dir: string): string {
  const file = path.join(dir, "tone.wav");
  execFileSync("ffmpeg", ["-hide_banner", "-loglevel", "error", "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000:duration=60", "-ac", "1", "-c:a", "pcm_s16le", "-y", file], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  return file;
}

/** Chromium flags for a fake microphone playing `wav`, granted without asking. */
export const fakeMicrophoneArgs = (wav: string): string[] => ["--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream", `--use-file-for-fake-audio-capture=${wav}`];
