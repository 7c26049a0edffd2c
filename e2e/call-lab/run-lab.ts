/**
 * Runs the call lab (netns-child.ts) in a private network namespace of its
 * own (`unshare -n`): the test's and the benchmark's way to real WebRTC
 * calls between two Chromium pages without touching the machine's network.
 */
import { execFileSync, spawn } from "node:child_process";
import path from "node:path";
import { CHROMIUM, ROOT } from "../browser-env.ts";
import type { LabResult } from "./netns-child.ts";

export type { CallSample, LabResult } from "./netns-child.ts";

const has = (cmd: string): boolean => {
  try {
    execFileSync("sh", ["-c", `command -v ${cmd}`], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
};

/** What the lab needs that this machine lacks (empty when it can run). */
export function labMissing(mode: "direct" | "relay"): string[] {
  const missing: string[] = [];
  if (!CHROMIUM) missing.push("chromium");
  for (const cmd of ["unshare", "ip", "ffmpeg", ...(mode === "relay" ? ["turnserver"] : [])]) if (!has(cmd)) missing.push(cmd);
  if (!missing.includes("unshare") && !missing.includes("ip")) {
    try {
      execFileSync("unshare", ["-n", "ip", "link", "set", "lo", "up"], { stdio: "ignore" });
    } catch {
      missing.push("permission to create a network namespace (unshare -n; run as root)");
    }
  }
  return missing;
}

/** Skips loudly — or throws under E2E_REQUIRED=1 — when the lab cannot run here. */
export function labAvailable(mode: "direct" | "relay"): boolean {
  const missing = labMissing(mode);
  if (missing.length === 0) return true;
  const message = `call lab (${mode}) needs: ${missing.join(", ")} (apt-get install -y chromium coturn ffmpeg iproute2 util-linux)`;
  if (process.env.E2E_REQUIRED === "1") throw new Error(`E2E_REQUIRED=1: ${message}`);
  const bar = "!".repeat(78);
  console.warn(`\n${bar}\n!! CALL BROWSER TESTS SKIPPED\n!! ${message}\n${bar}\n`);
  return false;
}

export async function runCallLab(opts: { mode: "direct" | "relay"; calls: number; timeoutMs?: number }): Promise<LabResult> {
  const child = spawn(
    "unshare",
    ["-n", "--", process.execPath, "--import", "tsx", path.join(ROOT, "e2e", "call-lab", "netns-child.ts"), "--mode", opts.mode, "--calls", String(opts.calls)],
    // Its own process group, so a timeout takes Chromium and coturn down with it (the namespace then vanishes).
    { cwd: ROOT, env: { ...process.env, TEST_LOG_LEVEL: "silent" }, stdio: ["ignore", "pipe", "pipe"], detached: true },
  );
  let out = "";
  let err = "";
  child.stdout.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr.on("data", (d: Buffer) => (err += d.toString()));
  const timeoutMs = opts.timeoutMs ?? 120_000;
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
  const line = out.split("\n").find((l) => l.startsWith("CALL_LAB_RESULT "));
  if (!line) throw new Error(`call lab (${opts.mode}) gave no result (exit ${code}):\n${err.slice(-3000)}\n${out.slice(-2000)}`);
  return JSON.parse(line.slice("CALL_LAB_RESULT ".length)) as LabResult;
}
