/**
 * Join storm: K voters join one session as fast as they can — `processes` ×
 * `lanes` joins in flight, each voter its own connection (opened before the
 * storm, as a voter has the page open) doing one join — while V viewers watch. Afterwards: every acknowledged join is in the database,
 * labels are W001…W{K} without gaps, and every viewer's seq stream was
 * contiguous and complete.
 */
import { createBenchDb, openBenchDb } from "./lib/bench-db.ts";
import { cpuMs, spawnChild, type Child } from "./lib/child.ts";
import { sleep } from "./lib/clock.ts";
import { startTongxin } from "./lib/servers.ts";
import { summarize, type Summary } from "./lib/stats.ts";
import type { ViewerFleet, ViewerStatus } from "./lib/viewer-fleet.ts";
import { ticketLabel } from "../server/src/domain/labels.ts";

export interface StormOptions {
  joins: number;
  viewers: number;
  processes: number;
  lanesPerProcess: number;
  /**
   * How the watchers are run: `light` viewers (raw ws speaking the Socket.IO protocol minimally,
   * seqs read off the bytes) instead of socket.io-client, and the viewer processes' nice value
   * during the storm — the server does the same work per viewer either way; this only keeps the
   * load generator from taking the server's CPU (on separate machines it would not).
   * `deflate`: light viewers offer permessage-deflate as Chrome does (the server then sends
   * large frames compressed once for all of them); off, they get every frame plain.
   */
  viewerClient: { light: boolean; nice: number; deflate: boolean };
  log: (line: string) => void;
}

export interface StormResult {
  joins: number;
  viewers: number;
  concurrency: number;
  viewerClient: { light: boolean; nice: number; deflate: boolean };
  ackMs: Summary;
  /** each voter's connection, made before the storm (not in the ack latency) */
  connectMs: Summary;
  joinsPerSec: number;
  /** the server process's CPU time during the storm, per join (joins, acks, fan-out to the watchers) */
  serverCpuMsPerJoin: number;
  /** CPU time used during the storm, ms: the server, the viewer processes, the voter processes (all on one machine) */
  cpuMs: { server: number; viewers: number; voters: number };
  /** `session:events` frames the watchers got during the storm, and the server's send loop per frame */
  /** write-lane transactions committed during the storm (group commit: far fewer than joins) */
  commits: number;
  frames: { count: number; sendLoopMs: Summary; /** the server's CPU in those send loops, all frames together */ sendLoopCpuMs: number };
  /** broadcast frames deflated once for the watchers that negotiated it, during the storm: their bytes before and after */
  deflate?: { frames: number; plainBytes: number; deflatedBytes: number } | null;
  durationMs: number;
  /**
   * How long after the storm's last ack the last watcher had its last event: a frame is sent in
   * slices that let the joins run first (transport/room-frames.ts), so the watchers may trail.
   * null if a watcher never got it.
   */
  watchersDoneMs?: number | null;
  acked: number;
  failed: Array<[string, number]>;
  check: {
    /** acknowledged joins missing from the database */
    lost: number;
    /** labels that occur more than once among the acks or in the database */
    duplicateLabels: number;
    /** labels are exactly W001…W{n} for the n tickets in the database */
    labelsGapless: boolean;
    ticketsInDb: number;
    /** SessionEvent rows are seq 1…lastSeq */
    eventLogGapless: boolean;
    lastSeq: number;
    viewers: ViewerStatus;
    /** viewers that did not reach the last seq within the wait */
    viewersBehind: boolean;
  };
}

export async function runJoinStorm(fleet: ViewerFleet, opts: StormOptions): Promise<StormResult> {
  const { joins: k, viewers, processes, lanesPerProcess, log } = opts;
  const db = await createBenchDb(`storm-${k}`);
  const server = await startTongxin(db);
  const voters: Child[] = Array.from({ length: processes }, (_, i) => spawnChild(`voters-${i}`, "workers/voter-worker.ts"));
  let outcome: Omit<StormResult, "check"> & { ackedTickets: Array<[string, string]> };
  let lastSeq = 0;
  let streams: ViewerStatus;
  try {
    const c = opts.viewerClient.light
      ? await fleet.connectTongxinLight(server.url, db.sessionId, viewers, opts.viewerClient.deflate)
      : await fleet.connectTongxin(server.url, db.sessionId, viewers, { notify: false, capture: false });
    log(`  ${c.connected} viewers watching${c.failed ? `, ${c.failed} failed` : ""}`);
    const share = (i: number) => Math.floor(k / processes) + (i < k % processes ? 1 : 0);
    let first = 0;
    const prepared = await Promise.all(
      voters.map((v, i) => {
        const args = { url: server.url, sessionId: db.sessionId, lanes: lanesPerProcess, joins: share(i), first };
        first += share(i);
        return v.request("prepare", args, 600_000);
      }),
    );
    const connectMs = summarize(prepared.flatMap((r) => r.connectMs as number[]));
    log(`  ${k} voters connected (connect p50 ${connectMs.p50} ms, p99 ${connectMs.p99} ms)`);
    await sleep(1000);
    const cpuOf = async (children: Child[]) => (await Promise.all(children.map((c) => cpuMs(c.pid)))).reduce((a, b) => a + b, 0);
    type Totals = { frames: number; plainBytes: number; deflatedBytes: number } | null;
    const deflateBefore = ((await server.child.request("commits")) as unknown as { deflate: Totals }).deflate;
    const cpuBefore = { server: await cpuMs(server.child.pid), viewers: await cpuOf(fleet.workers), voters: await cpuOf(voters) };
    fleet.nice(opts.viewerClient.nice);
    const replies = await Promise.all(voters.map((v) => v.request("go", {}, 600_000))).finally(() => fleet.nice(0));
    const serverCpu = (await cpuMs(server.child.pid)) - cpuBefore.server;
    const cpu = { server: Math.round(serverCpu), viewers: Math.round((await cpuOf(fleet.workers)) - cpuBefore.viewers), voters: Math.round((await cpuOf(voters)) - cpuBefore.voters) };
    const { broadcasts, batches, deflate: deflateAfter } = (await server.child.request("commits")) as unknown as { broadcasts: Array<[number, number, number]>; batches: number; deflate: Totals };
    const deflate = deflateAfter && deflateBefore
      ? { frames: deflateAfter.frames - deflateBefore.frames, plainBytes: deflateAfter.plainBytes - deflateBefore.plainBytes, deflatedBytes: deflateAfter.deflatedBytes - deflateBefore.deflatedBytes }
      : null;
    // The public room's frames (the only ones the server worker records).
    const publicFrames = broadcasts;
    const loops = publicFrames.map(([a, b]) => b - a);
    const sendLoopCpuMs = Math.round(publicFrames.reduce((sum, [, , c]) => sum + c, 0));
    const latencies = replies.flatMap((r) => r.latencies as number[]);
    const ackedTickets = replies.flatMap((r) => r.acked as Array<[string, string]>);
    const failed = new Map<string, number>();
    for (const r of replies) for (const [code, count] of r.errors as Array<[string, number]>) failed.set(code, (failed.get(code) ?? 0) + count);
    const start = Math.min(...replies.map((r) => r.firstEmit as number));
    const end = Math.max(...replies.map((r) => r.lastAck as number));
    outcome = {
      joins: k,
      viewers,
      concurrency: processes * lanesPerProcess,
      viewerClient: opts.viewerClient,
      ackMs: summarize(latencies),
      connectMs,
      durationMs: Math.round(end - start),
      joinsPerSec: Math.round(ackedTickets.length / ((end - start) / 1000)),
      serverCpuMsPerJoin: Math.round((serverCpu / k) * 100) / 100,
      cpuMs: cpu,
      commits: batches,
      frames: { count: loops.length, sendLoopMs: summarize(loops), sendLoopCpuMs },
      deflate,
      acked: ackedTickets.length,
      failed: [...failed.entries()],
      ackedTickets,
    };
    log(`  ${outcome.acked}/${k} joins acked in ${(outcome.durationMs / 1000).toFixed(2)} s (${outcome.joinsPerSec}/s, ${batches} commits, server CPU ${outcome.serverCpuMsPerJoin} ms/join, ${loops.length} frames to the watchers, send loop p50 ${summarize(loops).p50} ms, ${sendLoopCpuMs} ms CPU in all${deflate?.frames ? `, ${deflate.frames} deflated: ${Math.round(deflate.plainBytes / deflate.frames / 1000)} → ${(deflate.deflatedBytes / deflate.frames / 1000).toFixed(1)} KB per frame` : ""}; CPU s: server ${cpu.server / 1000}, viewers ${cpu.viewers / 1000}, voters ${cpu.voters / 1000}); ack p50 ${outcome.ackMs.p50} ms, p99 ${outcome.ackMs.p99} ms, max ${outcome.ackMs.max} ms`);
    lastSeq = ((await server.child.request("lastSeq")) as { seq: number }).seq;
    streams = await fleet.waitSeq(lastSeq, 15_000);
    outcome.watchersDoneMs = streams.seqAt == null ? null : Math.round(streams.seqAt - end);
    log(`  the last watcher had seq ${lastSeq} ${outcome.watchersDoneMs ?? "–"} ms after the last ack`);
    await Promise.all(voters.map((v) => v.request("closeAll")));
    await fleet.closeAll();
  } finally {
    await Promise.all(voters.map((v) => v.stop()));
    // Stopped before the check: what the check reads is what survived a shutdown.
    await server.child.stop();
  }

  const store = await openBenchDb(db.url);
  try {
    const tickets = await store.ticket.findMany({ where: { sessionId: db.sessionId, channel: "ONLINE" }, select: { id: true, label: true } });
    const events = await store.sessionEvent.findMany({ where: { sessionId: db.sessionId }, select: { seq: true }, orderBy: { seq: "asc" } });
    const session = await store.receptionSession.findUniqueOrThrow({ where: { id: db.sessionId }, select: { lastSeq: true } });
    const inDb = new Map(tickets.map((t) => [t.id, t.label]));
    const lost = outcome.ackedTickets.filter(([id, label]) => inDb.get(id) !== label).length;
    const ackLabels = outcome.ackedTickets.map(([, label]) => label);
    const duplicateLabels = ackLabels.length - new Set(ackLabels).size + (tickets.length - new Set(tickets.map((t) => t.label)).size);
    const expected = new Set(Array.from({ length: tickets.length }, (_, i) => ticketLabel("ONLINE", i + 1)));
    const labelsGapless = tickets.every((t) => expected.has(t.label)) && new Set(tickets.map((t) => t.label)).size === tickets.length;
    const eventLogGapless = events.every((e, i) => e.seq === i + 1) && events.length === session.lastSeq;
    const { ackedTickets: _drop, ...rest } = outcome;
    const result: StormResult = {
      ...rest,
      check: {
        lost,
        duplicateLabels,
        labelsGapless,
        ticketsInDb: tickets.length,
        eventLogGapless,
        lastSeq: session.lastSeq,
        viewers: streams!,
        viewersBehind: streams!.viewers > 0 && streams!.minLast < lastSeq,
      },
    };
    log(
      `  check: ${result.check.ticketsInDb} tickets in the database, lost ${lost}, duplicate labels ${duplicateLabels}, labels gapless ${labelsGapless}, ` +
        `event log gapless ${eventLogGapless}, viewer seq violations ${streams!.violations}, viewers complete ${!result.check.viewersBehind}`,
    );
    return result;
  } finally {
    await store.$disconnect();
    db.remove();
  }
}
