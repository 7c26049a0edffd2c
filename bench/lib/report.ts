/** The run's results as Markdown (bench/results/latest.md) and the latency chart. */
import { callSetupMarkdown, type CallSetupResult } from "../call-setup.ts";
import type { FanoutResult } from "../fanout.ts";
import type { StormResult } from "../join-storm.ts";
import type { SteadyResult } from "../steady-joins.ts";
import { lineChart } from "./svg-chart.ts";
import { TARGET_MS as VOTER_3G_TARGET_MS } from "../voter-3g.ts";

export interface Machine {
  cpu: string;
  cores: number;
  ramGb: number;
  node: string;
  os: string;
  loadAvgAtStart: number[];
}

export interface Target {
  name: string;
  target: string;
  measured: string;
  met: boolean;
}

export interface Results {
  date: string;
  mode: "full" | "quick";
  machine: Machine;
  git: { commit: string; serverChangesUncommitted: boolean; serverRoot?: string };
  fanout: FanoutResult[];
  storm: StormResult[];
  steady: SteadyResult | null;
  search: unknown;
  /** §5b call setup (bench/call-setup.ts); absent in older results */
  calls?: CallSetupResult;
  /** bench/voter-3g.ts: the join form on Fast 3G (absent in older results) */
  voter3g?: unknown;
  targets: Target[];
  durationSec: number;
  /** parts measured again with --merge, newest last: when, at which commit, with what load */
  remeasured?: Array<{ parts: string[]; date: string; commit: string; serverChangesUncommitted: boolean; loadAvgAtStart: number[] }>;
}

const ms = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : "–");
const yes = (b: boolean) => (b ? "yes" : "**no**");

export function evaluateTargets(fanout: FanoutResult[], storm: StormResult[], calls?: CallSetupResult, voter3g?: unknown): Target[] {
  const targets: Target[] = [];
  const v = voter3g as { variants?: { name: string; usableMs: { p50: number } }[]; met?: boolean } | undefined;
  const ours = v?.variants?.find((x) => x.name === "tongxin");
  if (ours) {
    targets.push({ name: "voter join form on Fast 3G", target: `usable ≤ ${VOTER_3G_TARGET_MS.toLocaleString("en-US")} ms (p50)`, measured: `${Math.round(ours.usableMs.p50)} ms`, met: !!v?.met });
  }
  const f = fanout.find((r) => r.viewers === 5000) ?? fanout[fanout.length - 1];
  if (f) {
    targets.push({
      name: `fan-out to ${f.viewers.toLocaleString("en-US")} viewers`,
      target: "Tongxin p99 ≤ 2 × bare-ws p99",
      measured: `${ms(f.tongxin.latencyMs.p99)} ms vs ${ms(f.baseline.latencyMs.p99)} ms = ${f.ratio.p99.toFixed(2)}×`,
      met: f.ratio.p99 <= 2 && f.tongxin.incomplete === 0,
    });
    targets.push({
      name: `memory per idle viewer at ${f.viewers.toLocaleString("en-US")}`,
      target: "< 60 KB",
      measured: `${f.memory.perViewerKb.toFixed(1)} KB`,
      met: f.memory.perViewerKb < 60,
    });
  }
  // 10,000 viewers on one process, near the bare-ws floor measured in the same run.
  const big = fanout.find((r) => r.viewers === 10_000);
  if (big) {
    const cpuRatio = big.tongxin.serverCpuMs.perEvent / big.baseline.serverCpuMs.perEvent;
    targets.push({
      name: "fan-out to 10,000 viewers, latency",
      target: "Tongxin p99 ≤ 1.3 × bare-ws p99",
      measured: `${ms(big.tongxin.latencyMs.p99)} ms vs ${ms(big.baseline.latencyMs.p99)} ms = ${big.ratio.p99.toFixed(2)}×`,
      met: big.ratio.p99 <= 1.3 && big.tongxin.incomplete === 0,
    });
    targets.push({
      name: "fan-out to 10,000 viewers, server CPU per event",
      target: "≤ 1.5 × bare ws",
      measured: `${ms(big.tongxin.serverCpuMs.perEvent)} ms vs ${ms(big.baseline.serverCpuMs.perEvent)} ms = ${cpuRatio.toFixed(2)}×`,
      met: cpuRatio <= 1.5,
    });
    targets.push({
      name: "memory per idle viewer at 10,000",
      target: "≤ 15 KB",
      measured: `${big.memory.perViewerKb.toFixed(1)} KB`,
      met: big.memory.perViewerKb <= 15,
    });
  }
  const watched = storm.filter((r) => r.viewers > 0);
  const plainRow = (r: StormResult) => r.viewerClient?.deflate === false;
  const s = watched.find((r) => r.joins === 2000 && !plainRow(r)) ?? watched.filter((r) => !plainRow(r)).at(-1) ?? watched.at(-1);
  // The same storm watched by clients that take every frame plain, when the run had both.
  const plain = watched.find((r) => plainRow(r) && r !== s && r.joins === s?.joins);
  if (plain) {
    targets.push({
      name: `join storm ${plain.joins.toLocaleString("en-US")} joins, ${plain.viewers.toLocaleString("en-US")} watching plain (no deflate)`,
      target: "ack p99 < 250 ms",
      measured: `${ms(plain.ackMs.p99)} ms`,
      met: plain.ackMs.p99 < 250,
    });
  }
  if (s) {
    targets.push({
      name: `join storm ${s.joins.toLocaleString("en-US")} joins, ${s.concurrency} in flight, ${s.viewers.toLocaleString("en-US")} watching`,
      target: "ack p99 < 250 ms",
      measured: `${ms(s.ackMs.p99)} ms`,
      met: s.ackMs.p99 < 250,
    });
    const c = s.check;
    const clean = s.acked === s.joins && c.lost === 0 && c.duplicateLabels === 0 && c.labelsGapless && c.viewers.violations === 0 && !c.viewersBehind;
    targets.push({
      name: "join storm integrity",
      target: "all acked, zero lost, zero duplicate labels, gapless, every viewer's seq contiguous",
      measured: `${s.acked}/${s.joins} acked, ${c.lost} lost, ${c.duplicateLabels} duplicates, gapless ${c.labelsGapless}, ${c.viewers.violations} seq violations, complete ${!c.viewersBehind}`,
      met: clean,
    });
  }
  const relay = calls && "modes" in calls ? calls.modes.find((m) => m.mode === "relay") : undefined;
  if (relay) {
    targets.push({
      name: `call setup through TURN (${relay.calls} calls)`,
      target: "hall click → first audio packet at the hall, p95 < 1 s",
      measured: `p95 ${relay.setupMs.p95.toFixed(0)} ms (p50 ${relay.setupMs.p50.toFixed(0)} ms)`,
      met: relay.setupMs.p95 < 1000 && relay.errors.length === 0,
    });
  }
  return targets;
}

export function renderMarkdown(r: Results, notes: string, chartFile = "latency.svg"): string {
  const L: string[] = [];
  L.push(`# Tongxin benchmarks — ${r.mode === "quick" ? "quick run" : "full run"}`);
  L.push("");
  L.push(`${r.date} · ${r.machine.cpu}, ${r.machine.cores} cores, ${r.machine.ramGb} GB RAM · Node ${r.machine.node} · ${r.machine.os} · load at start ${r.machine.loadAvgAtStart.join(" / ")}`);
  L.push(`commit ${r.git.commit}${r.git.serverChangesUncommitted ? " (with uncommitted server changes)" : ""}${r.git.serverRoot ? ` · server from ${r.git.serverRoot}` : ""} · run took ${Math.round(r.durationSec)} s`);
  for (const m of r.remeasured ?? []) {
    L.push("");
    L.push(`Measured again (\`--merge\`): ${m.parts.join(", ")} — ${m.date} · commit ${m.commit}${m.serverChangesUncommitted ? " (with uncommitted server changes)" : ""} · load at start ${m.loadAvgAtStart.join(" / ")}`);
  }
  L.push("");
  L.push("Everything runs on this one machine over 127.0.0.1: the server under test in its own process, the clients in separate worker processes.");
  L.push("");
  L.push("## Targets");
  L.push("");
  L.push("| | target | measured | met |");
  L.push("|---|---|---|---|");
  for (const t of r.targets) L.push(`| ${t.name} | ${t.target} | ${t.measured} | ${yes(t.met)} |`);
  L.push("");
  if (r.fanout.length) {
    L.push("## Fan-out: commit → last viewer's receipt");
    L.push("");
    L.push("One hall action per event (call → start → finish cycles); latency from the transaction's commit in the server to the moment the last of N viewers has the `session:events` frame. Baseline: a bare `ws` server sending the same bytes to N plain `ws` clients in the same worker processes.");
    L.push("");
    L.push("| viewers | events | Tongxin p50 | p95 | p99 | max | baseline p50 | p95 | p99 | max | ratio p50 | ratio p99 | frame bytes | seq violations |");
    L.push("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (const f of r.fanout) {
      const t = f.tongxin.latencyMs;
      const b = f.baseline.latencyMs;
      L.push(
        `| ${f.viewers.toLocaleString("en-US")} | ${t.n}${f.tongxin.incomplete ? ` (+${f.tongxin.incomplete} incomplete)` : ""} | ${ms(t.p50)} | ${ms(t.p95)} | ${ms(t.p99)} | ${ms(t.max)} | ${ms(b.p50)} | ${ms(b.p95)} | ${ms(b.p99)} | ${ms(b.max)} | ${f.ratio.p50.toFixed(2)}× | ${f.ratio.p99.toFixed(2)}× | ${f.frameBytes.min}–${f.frameBytes.max} | ${f.tongxin.streams.violations} |`,
      );
    }
    L.push("");
    L.push("Where the time goes (p50, ms): from the commit to the start of the server's send loop over the room, the send loop itself, and from its end to the last viewer's receipt; and the server's CPU per event.");
    L.push("");
    L.push("| viewers | Tongxin: commit → loop | send loop | loop → last viewer | server CPU/event | bare ws: send loop | loop → last client | server CPU/event |");
    L.push("|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (const f of r.fanout) {
      const t = f.tongxin.phasesMs;
      const b = f.baseline.phasesMs;
      L.push(
        `| ${f.viewers.toLocaleString("en-US")} | ${ms(t.beforeLoop.p50)} | ${ms(t.sendLoop.p50)} | ${ms(t.afterLoop.p50)} | ${ms(f.tongxin.serverCpuMs.perEvent)} | ${ms(b.sendLoop.p50)} | ${ms(b.afterLoop.p50)} | ${ms(f.baseline.serverCpuMs.perEvent)} |`,
      );
    }
    L.push("");
    L.push(`![latency against viewers](${chartFile})`);
    L.push("");
    L.push("## Memory per idle viewer");
    L.push("");
    L.push("Server RSS (`/proc/PID/status`, after a forced GC) with N viewers connected and watching, minus RSS before they connected, divided by N.");
    L.push("");
    L.push("Idle CPU: the server's CPU time per second over 10 s with every viewer connected and quiet — their heartbeats (a ping every 25 s each, and its pong).");
    L.push("");
    L.push("| viewers | RSS before | RSS with viewers | per viewer | V8 heap per viewer | viewers connected + watching per second | server CPU per viewer connecting + watching | server CPU per second, viewers idle |");
    L.push("|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (const f of r.fanout) {
      L.push(
        `| ${f.viewers.toLocaleString("en-US")} | ${(f.memory.rssBeforeKb / 1024).toFixed(1)} MB | ${(f.memory.rssWithViewersKb / 1024).toFixed(1)} MB | ${f.memory.perViewerKb.toFixed(1)} KB | ${f.memory.heapPerViewerKb.toFixed(1)} KB | ${f.tongxin.connect.perSec} | ${f.tongxin.serverCpuMs.perConnect.toFixed(2)} ms | ${f.tongxin.serverCpuMs.idlePerSec === undefined ? "–" : `${f.tongxin.serverCpuMs.idlePerSec.toFixed(1)} ms`} |`,
      );
    }
    L.push("");
  }
  if (r.storm.length) {
    L.push("## Join storm");
    L.push("");
    L.push("Each voter is its own Socket.IO connection, opened before the storm (the voter has the page open), doing one `queue:join` with a requestId; `in flight` joins are outstanding at any time, from 4 processes. Ack latency is emit → ack. The check runs on the database after the server has shut down. Watchers' client: `light` = raw ws clients speaking the Socket.IO protocol minimally (the same connection, namespace connect, watch and frames for the server; seqs read off the bytes instead of parsing the JSON), `io` = socket.io-client; `nice` = the viewer processes' nice value during the storm; `deflate` = they offer permessage-deflate as Chrome does, so the server sends them large frames compressed, once for all (server/src/transport/shared-deflate.ts); frame KB = a storm frame's average payload, plain → as sent deflated; frames to watchers = sent in full before the last ack; watchers done = when the last watcher had the storm's last event, after the last ack (bench/NOTES.md, \"How it measures\").");
    L.push("");
    L.push("| joins | in flight | watching | ack p50 | p95 | p99 | max | joins/s | server CPU/join | CPU s: server / viewers / voters | watchers' client | commits | frames to watchers | frame KB | send-loop CPU | watchers done | acked | failed | lost | duplicate labels | labels gapless | event log gapless | viewer seq violations | viewers complete |");
    L.push("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---|---|---:|---|");
    for (const s of r.storm) {
      const client = s.viewers === 0 ? "–" : s.viewerClient ? `${s.viewerClient.light ? "light" : "io"}, nice ${s.viewerClient.nice}${s.viewerClient.deflate ? ", deflate" : ""}` : "io, nice 0";
      const d = s.deflate;
      const frameKb = d?.frames ? `${(d.plainBytes / d.frames / 1000).toFixed(0)} → ${(d.deflatedBytes / d.frames / 1000).toFixed(1)}` : "–";
      const failed = s.failed.reduce((a, [, n]) => a + n, 0);
      L.push(
        `| ${s.joins.toLocaleString("en-US")} | ${s.concurrency} | ${s.viewers.toLocaleString("en-US")} | ${ms(s.ackMs.p50)} | ${ms(s.ackMs.p95)} | ${ms(s.ackMs.p99)} | ${ms(s.ackMs.max)} | ${s.joinsPerSec} | ${s.serverCpuMsPerJoin.toFixed(1)} ms | ${(s.cpuMs.server / 1000).toFixed(1)} / ${(s.cpuMs.viewers / 1000).toFixed(1)} / ${(s.cpuMs.voters / 1000).toFixed(1)} | ${client} | ${s.commits ?? "–"} | ${s.frames.count} | ${frameKb} | ${s.frames.sendLoopCpuMs !== undefined ? `${(s.frames.sendLoopCpuMs / 1000).toFixed(2)} s` : "–"} | ${s.watchersDoneMs != null ? `+${ms(s.watchersDoneMs)}` : "–"} | ${s.acked} | ${failed}${failed ? ` ${JSON.stringify(s.failed)}` : ""} | ${s.check.lost} | ${s.check.duplicateLabels} | ${yes(s.check.labelsGapless)} | ${yes(s.check.eventLogGapless)} | ${s.check.viewers.violations} | ${yes(!s.check.viewersBehind)} |`,
      );
    }
    L.push("");
  }
  if (r.steady) {
    const s = r.steady;
    L.push("## Steady joins");
    L.push("");
    L.push(`${s.joins} voters join at ${s.ratePerSec} a second (open loop, each its own commit) while ${s.viewers.toLocaleString("en-US")} watch — where fanning frames out costs the most.`);
    L.push("");
    L.push("| joins/s | watching | ack p50 | p99 | server CPU (% of a core) | frames to watchers | send loop p50 | seq violations |");
    L.push("|---:|---:|---:|---:|---:|---:|---:|---:|");
    L.push(`| ${s.ratePerSec} | ${s.viewers.toLocaleString("en-US")} | ${ms(s.ackMs.p50)} | ${ms(s.ackMs.p99)} | ${s.serverCpuPercent}% | ${s.frames.count} | ${ms(s.frames.sendLoopMs.p50)} | ${s.seqViolations} |`);
    L.push("");
  }
  L.push(...callSetupMarkdown(r.calls));
  L.push("## Search");
  L.push("");
  const search = r.search as { skipped?: string; markdown?: string } | null;
  if (search && typeof search.skipped === "string") L.push(`Skipped: ${search.skipped}`);
  else if (search && typeof search.markdown === "string") L.push(search.markdown);
  else L.push("```json\n" + JSON.stringify(search, null, 2) + "\n```");
  L.push("");
  L.push("## Voter page on Fast 3G");
  L.push("");
  const v3 = r.voter3g as { skipped?: string; markdown?: string } | undefined;
  if (!v3) L.push("Not measured in this run.");
  else if (typeof v3.skipped === "string") L.push(`Skipped: ${v3.skipped}`);
  else if (typeof v3.markdown === "string") L.push(v3.markdown);
  L.push("");
  L.push(notes.trim());
  L.push("");
  return L.join("\n");
}

export function renderChart(r: Results): string {
  const series = (name: string, color: string, pick: (f: FanoutResult) => number, dashed = false) => ({
    name,
    color,
    dashed,
    points: r.fanout.map((f) => ({ x: f.viewers, y: pick(f) })),
  });
  return lineChart({
    title: "Commit → last viewer's receipt",
    subtitle: `${r.machine.cores} cores, clients on the same machine · ${r.date.slice(0, 10)}`,
    xLabel: "viewers watching one session (log scale)",
    yLabel: "latency (ms)",
    series: [
      series("Tongxin p99", "#c0392b", (f) => f.tongxin.latencyMs.p99),
      series("Tongxin p50", "#e67e22", (f) => f.tongxin.latencyMs.p50),
      series("bare ws p99", "#2c3e50", (f) => f.baseline.latencyMs.p99, true),
      series("bare ws p50", "#7f8c8d", (f) => f.baseline.latencyMs.p50, true),
    ],
  });
}
