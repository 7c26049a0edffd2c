/**
 * Call setup (§5b): hall click → first audio packet at the hall, direct and
 * relay-only through coturn, over ≥ 20 calls each; and how fast mute (click →
 * the hall's level reads 0) and hang-up (click → the voter's microphone
 * tracks have ended) take effect. Real Chromium pages in a private network
 * namespace (e2e/call-lab/); the voter answers the moment it rings and had
 * opened the microphone in the waiting-room check, as the voter page invites.
 */
import { ensureClientBuilt } from "../e2e/browser-env.ts";
import { labMissing, runCallLab, type LabResult } from "../e2e/call-lab/run-lab.ts";
import { summarize, type Summary } from "./lib/stats.ts";

export interface CallModeResult {
  mode: "direct" | "relay";
  calls: number;
  setupMs: Summary;
  muteMs: Summary;
  hangUpMs: Summary;
  candidateType: string | null;
  errors: string[];
}
export type CallSetupResult = { date: string; modes: CallModeResult[] } | { skipped: string };

const ms = (x: number) => (Number.isFinite(x) ? x.toFixed(0) : "–");

function summarizeMode(r: LabResult): CallModeResult {
  const num = (xs: Array<number | null>) => xs.filter((x): x is number => x !== null && Number.isFinite(x));
  return {
    mode: r.mode,
    calls: r.samples.length,
    setupMs: summarize(r.samples.map((s) => s.setupMs)),
    muteMs: summarize(num(r.samples.map((s) => s.muteMs))),
    hangUpMs: summarize(num(r.samples.map((s) => s.hangUpMs))),
    candidateType: r.first?.hallCandidateType ?? null,
    errors: r.errors.map((e) => e.split("\n")[0]!),
  };
}

export async function runCallSetupBench(opts: { calls?: number; log?: (line: string) => void } = {}): Promise<CallSetupResult> {
  const calls = Math.max(20, opts.calls ?? 20);
  const log = opts.log ?? (() => undefined);
  const missing = labMissing("relay");
  if (missing.length) return { skipped: `needs ${missing.join(", ")}` };
  ensureClientBuilt();
  const modes: CallModeResult[] = [];
  for (const mode of ["direct", "relay"] as const) {
    log(`  ${calls} calls, ${mode}`);
    const r = summarizeMode(await runCallLab({ mode, calls, timeoutMs: 600_000 }));
    log(`    setup p50 ${ms(r.setupMs.p50)} ms, p95 ${ms(r.setupMs.p95)} ms; mute p95 ${ms(r.muteMs.p95)} ms; hang-up p95 ${ms(r.hangUpMs.p95)} ms${r.errors.length ? `; errors: ${r.errors.join(" | ")}` : ""}`);
    modes.push(r);
  }
  return { date: new Date().toISOString(), modes };
}

export function callSetupMarkdown(result: CallSetupResult | undefined): string[] {
  if (!result) return [];
  const L = ["## Call setup (WebRTC, §5b)", ""];
  if ("skipped" in result) return [...L, `Skipped: ${result.skipped}`, ""];
  L.push(
    `Measured ${result.date}. Two Chromium pages (hall console, voter's phone) in a private network namespace, a 440 Hz tone as the voter's fake microphone. Setup: the hall's click on 电话连线 → the first inbound audio packet in the hall's \`getStats()\`; the voter answers the moment it rings, microphone already open from the waiting-room check. Mute: click → the hall's level meter reads 0. Hang-up: the hall's click → every track on the voter's page has ended. Relay: \`RTC_RELAY_ONLY=1\`, coturn (UDP) with REST credentials.`,
    "",
    "| path | calls | setup p50 | p95 | max | mute p50 | p95 | hang-up p50 | p95 | selected candidate | errors |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|",
  );
  for (const m of result.modes) {
    L.push(
      `| ${m.mode} | ${m.calls} | ${ms(m.setupMs.p50)} ms | ${ms(m.setupMs.p95)} ms | ${ms(m.setupMs.max)} ms | ${ms(m.muteMs.p50)} ms | ${ms(m.muteMs.p95)} ms | ${ms(m.hangUpMs.p50)} ms | ${ms(m.hangUpMs.p95)} ms | ${m.candidateType ?? "–"} | ${m.errors.length} |`,
    );
  }
  L.push("", "The mute time includes the meter's 50 ms sampling and its 1024-sample window.", "");
  return L;
}
