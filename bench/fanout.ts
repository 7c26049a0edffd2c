/**
 * Fan-out: N viewers watch one session from separate processes while the
 * hall calls, starts and finishes voters. For each hall action we measure
 * from the commit (stamped in the server process) to the moment the *last*
 * viewer has the frame. Then the same N clients, in the same processes, take
 * the same bytes from a bare `ws` server: the baseline of this run.
 * Server memory per idle viewer is measured before the events start.
 */
import { createBenchDb } from "./lib/bench-db.ts";
import { cpuMs, rssKb } from "./lib/child.ts";
import { sleep } from "./lib/clock.ts";
import { call, connectIo, startBaseline, startTongxin } from "./lib/servers.ts";
import { summarize, type Summary } from "./lib/stats.ts";
import type { ViewerFleet, ViewerStatus } from "./lib/viewer-fleet.ts";
import type { TicketView } from "../server/src/protocol/model.ts";

export interface FanoutOptions {
  viewers: number;
  events: number;
  log: (line: string) => void;
}

export interface FanoutSide {
  latencyMs: Summary;
  /** where the time goes: commit → send loop starts, the server's send loop, loop end → last viewer */
  phasesMs: { beforeLoop: Summary; sendLoop: Summary; afterLoop: Summary };
  /** hall actions whose frame did not reach every viewer within the timeout */
  incomplete: number;
  streams: ViewerStatus;
  connect: { ms: number; perSec: number; failed: number };
  /**
   * the server process's CPU time per viewer connecting and watching, per measured event, and per
   * second with the viewers idle (their heartbeats; Tongxin only, absent from older results)
   */
  serverCpuMs: { perConnect: number; perEvent: number; idlePerSec?: number };
}

export interface FanoutResult {
  viewers: number;
  events: number;
  frameBytes: { min: number; max: number; mean: number };
  tongxin: FanoutSide;
  baseline: FanoutSide;
  ratio: { p50: number; p95: number; p99: number; max: number };
  memory: {
    rssBeforeKb: number;
    rssWithViewersKb: number;
    perViewerKb: number;
    heapPerViewerKb: number;
  };
}

const EVENT_TIMEOUT_MS = 20_000;
/** How long the server's CPU is read with every viewer idle: 40% of a heartbeat interval (25 s), pings spread evenly. */
const IDLE_MS = 10_000;
/** Quiet time between two measured events, so frames never overlap. */
const gap = () => sleep(25 + Math.random() * 25);

export async function runFanout(fleet: ViewerFleet, opts: FanoutOptions): Promise<FanoutResult> {
  const { viewers: n, events, log } = opts;
  const db = await createBenchDb(`fanout-${n}`);
  const server = await startTongxin(db);
  let tongxin: FanoutSide;
  let memory: FanoutResult["memory"];
  const frames: string[] = [];
  try {
    const staff = await connectIo(server.url, { token: db.staffToken });
    // Enough waiting voters for every call → start → finish cycle.
    const voters = Math.ceil(events / 3) + 1;
    for (let i = 0; i < voters; i++) {
      const voter = await connectIo(server.url);
      await call(voter, "queue:join", { sessionId: db.sessionId, name: `王${i}明`, topic: "停车难", question: "小区门口停车位不够", isPublic: i % 2 === 0 });
      voter.disconnect();
    }
    // Warm the watch path once so the "before" memory is not the JIT's.
    for (let i = 0; i < 20; i++) {
      const s = await connectIo(server.url);
      await call(s, "session:watch", { sessionId: db.sessionId });
      s.disconnect();
    }
    await sleep(500);

    const before = await server.child.request("gc");
    const rssBeforeKb = await rssKb(server.child.pid);
    const cpuAtConnect = await cpuMs(server.child.pid);
    const c = await fleet.connectTongxin(server.url, db.sessionId, n, { notify: true, capture: true });
    const cpuPerConnect = ((await cpuMs(server.child.pid)) - cpuAtConnect) / c.connected;
    log(`  tongxin: ${c.connected} viewers watching in ${(c.ms / 1000).toFixed(1)} s (server CPU ${cpuPerConnect.toFixed(2)} ms per viewer)${c.failed ? `, ${c.failed} failed ${JSON.stringify(c.errors)}` : ""}`);
    await sleep(1500);
    const after = await server.child.request("gc");
    const rssWithViewersKb = await rssKb(server.child.pid);
    memory = {
      rssBeforeKb,
      rssWithViewersKb,
      perViewerKb: round((rssWithViewersKb - rssBeforeKb) / c.connected),
      heapPerViewerKb: round(((after.heapUsed as number) - (before.heapUsed as number)) / 1024 / c.connected),
    };
    log(`  memory: ${memory.perViewerKb} KB RSS per viewer (${rssBeforeKb} → ${rssWithViewersKb} KB)`);
    const cpuAtIdle = await cpuMs(server.child.pid);
    await sleep(IDLE_MS);
    const cpuIdlePerSec = ((await cpuMs(server.child.pid)) - cpuAtIdle) / (IDLE_MS / 1000);
    log(`  idle: server CPU ${cpuIdlePerSec.toFixed(1)} ms per second with ${c.connected} viewers`);

    // The hall at work: call → start → finish, one action per measured event.
    const lastSeqs: number[] = [];
    const receipts: Array<number | null> = [];
    let ticket: TicketView | null = null;
    const cpuAtEvents = await cpuMs(server.child.pid);
    for (let i = 0; i < events; i++) {
      const step = i % 3;
      if (step === 0) ticket = (await call<{ ticket: TicketView }>(staff, "hall:callNext", { sessionId: db.sessionId })).ticket;
      else if (step === 1) await call(staff, "hall:start", { ticketId: ticket!.id });
      else await call(staff, "hall:finish", { ticketId: ticket!.id, summary: "已当场答复，转交镇建设局跟进" });
      const { seq } = (await server.child.request("lastSeq")) as { seq: number };
      lastSeqs.push(seq);
      receipts.push(await fleet.lastReceipt(seq, EVENT_TIMEOUT_MS));
      await gap();
    }
    const cpuPerEvent = ((await cpuMs(server.child.pid)) - cpuAtEvents) / events;
    const probe = await server.child.request("commits");
    const commits = new Map(probe.commits as Array<[number, number]>);
    const broadcasts = probe.broadcasts as Array<[number, number]>;
    const latencies: number[] = [];
    const phases = { beforeLoop: [] as number[], sendLoop: [] as number[], afterLoop: [] as number[] };
    lastSeqs.forEach((seq, i) => {
      const committed = commits.get(seq)!;
      const received = receipts[i];
      if (received == null) return;
      latencies.push(received - committed);
      const loop = broadcasts.find(([start]) => start >= committed);
      if (!loop) return;
      phases.beforeLoop.push(loop[0] - committed);
      phases.sendLoop.push(loop[1] - loop[0]);
      phases.afterLoop.push(received - loop[1]);
    });
    const streams = await fleet.status();
    frames.push(...fleet.frames);
    staff.disconnect();
    await fleet.closeAll();
    tongxin = {
      latencyMs: summarize(latencies),
      phasesMs: { beforeLoop: summarize(phases.beforeLoop), sendLoop: summarize(phases.sendLoop), afterLoop: summarize(phases.afterLoop) },
      incomplete: receipts.filter((r) => r === null).length,
      streams,
      connect: { ms: Math.round(c.ms), perSec: Math.round(c.connected / (c.ms / 1000)), failed: c.failed },
      serverCpuMs: { perConnect: round(cpuPerConnect), perEvent: round(cpuPerEvent), idlePerSec: round(cpuIdlePerSec) },
    };
    log(`  tongxin: commit → last viewer p50 ${tongxin.latencyMs.p50} ms, p99 ${tongxin.latencyMs.p99} ms, max ${tongxin.latencyMs.max} ms ${phaseLine(tongxin)}`);
  } finally {
    await server.child.stop();
    db.remove();
  }

  // The baseline replays the frames Tongxin sent, in order, at the same pace.
  const baselineServer = await startBaseline();
  let baseline: FanoutSide;
  try {
    const firstSeq = seqsOf(frames[0]!)[0]!;
    const cpuAtConnect = await cpuMs(baselineServer.child.pid);
    const c = await fleet.connectBaseline(baselineServer.url, n, firstSeq - 1);
    const cpuPerConnect = ((await cpuMs(baselineServer.child.pid)) - cpuAtConnect) / c.connected;
    log(`  baseline: ${c.connected} ws clients in ${(c.ms / 1000).toFixed(1)} s`);
    await sleep(1500);
    const latencies: number[] = [];
    const phases = { beforeLoop: [] as number[], sendLoop: [] as number[], afterLoop: [] as number[] };
    let incomplete = 0;
    const cpuAtEvents = await cpuMs(baselineServer.child.pid);
    for (const bytes of frames) {
      const seqs = seqsOf(bytes);
      const { t, end } = (await baselineServer.child.request("send", { bytes })) as { t: number; end: number };
      const last = await fleet.lastReceipt(Math.max(...seqs), EVENT_TIMEOUT_MS);
      if (last === null) incomplete += 1;
      else {
        latencies.push(last - t);
        phases.beforeLoop.push(0);
        phases.sendLoop.push(end - t);
        phases.afterLoop.push(last - end);
      }
      await gap();
    }
    const cpuPerEvent = ((await cpuMs(baselineServer.child.pid)) - cpuAtEvents) / frames.length;
    const streams = await fleet.status();
    await fleet.closeAll();
    baseline = {
      latencyMs: summarize(latencies),
      phasesMs: { beforeLoop: summarize(phases.beforeLoop), sendLoop: summarize(phases.sendLoop), afterLoop: summarize(phases.afterLoop) },
      incomplete,
      streams,
      connect: { ms: Math.round(c.ms), perSec: Math.round(c.connected / (c.ms / 1000)), failed: c.failed },
      serverCpuMs: { perConnect: round(cpuPerConnect), perEvent: round(cpuPerEvent) },
    };
    log(`  baseline: send → last client p50 ${baseline.latencyMs.p50} ms, p99 ${baseline.latencyMs.p99} ms, max ${baseline.latencyMs.max} ms ${phaseLine(baseline)}`);
  } finally {
    await baselineServer.child.stop();
  }

  const sizes = frames.map((f) => Buffer.byteLength(f));
  const ratio = (k: "p50" | "p95" | "p99" | "max") => round(tongxin.latencyMs[k] / baseline.latencyMs[k]);
  return {
    viewers: n,
    events,
    frameBytes: { min: Math.min(...sizes), max: Math.max(...sizes), mean: Math.round(sizes.reduce((a, b) => a + b, 0) / sizes.length) },
    tongxin,
    baseline,
    ratio: { p50: ratio("p50"), p95: ratio("p95"), p99: ratio("p99"), max: ratio("max") },
    memory,
  };
}

const phaseLine = (side: FanoutSide) =>
  `(p50s: before loop ${side.phasesMs.beforeLoop.p50}, send loop ${side.phasesMs.sendLoop.p50}, after loop ${side.phasesMs.afterLoop.p50})`;

function seqsOf(frame: string): number[] {
  const [, events] = JSON.parse(frame.slice(2)) as [string, Array<{ seq: number }>];
  return events.map((e) => e.seq);
}

const round = (x: number) => Math.round(x * 100) / 100;
