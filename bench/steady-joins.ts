/**
 * Steady joins: voters join at a constant rate (open loop, as they do through
 * a reception day rather than all at once) while V viewers watch. Each join
 * is then its own small commit, so this is where fanning frames out to the
 * watchers costs the most, and where the broadcaster's pacing shows.
 */
import { randomUUID } from "node:crypto";
import { createBenchDb } from "./lib/bench-db.ts";
import { cpuMs } from "./lib/child.ts";
import { nowMs, sleep } from "./lib/clock.ts";
import { connectIo, startTongxin } from "./lib/servers.ts";
import { summarize, type Summary } from "./lib/stats.ts";
import type { ViewerFleet } from "./lib/viewer-fleet.ts";

export interface SteadyOptions {
  ratePerSec: number;
  seconds: number;
  viewers: number;
  log: (line: string) => void;
}

export interface SteadyResult {
  ratePerSec: number;
  joins: number;
  viewers: number;
  ackMs: Summary;
  /** the server's CPU while it takes the joins, in % of one core */
  serverCpuPercent: number;
  frames: { count: number; sendLoopMs: Summary };
  seqViolations: number;
}

export async function runSteadyJoins(fleet: ViewerFleet, opts: SteadyOptions): Promise<SteadyResult> {
  const { ratePerSec, seconds, viewers, log } = opts;
  const db = await createBenchDb("steady");
  const server = await startTongxin(db);
  try {
    await fleet.connectTongxin(server.url, db.sessionId, viewers, { notify: false, capture: false });
    const n = ratePerSec * seconds;
    const voters = await Promise.all(Array.from({ length: n }, () => connectIo(server.url)));
    await sleep(1000);
    const cpuBefore = await cpuMs(server.child.pid);
    const started = nowMs();
    const latencies: number[] = [];
    await Promise.all(
      voters.map(async (socket, i) => {
        await sleep(started + (i * 1000) / ratePerSec - nowMs());
        const t0 = nowMs();
        const res = (await socket.timeout(60_000).emitWithAck("queue:join", {
          sessionId: db.sessionId,
          name: `李${i}华`,
          topic: "加装电梯",
          question: "老小区加装电梯的补贴怎么申请？",
          isPublic: i % 2 === 0,
          requestId: randomUUID(),
        })) as { ok: boolean };
        if (res.ok) latencies.push(nowMs() - t0);
      }),
    );
    const elapsed = nowMs() - started;
    const cpu = (await cpuMs(server.child.pid)) - cpuBefore;
    const { broadcasts } = (await server.child.request("commits")) as unknown as { broadcasts: Array<[number, number]> };
    const loops = broadcasts.filter(([start]) => start >= started).map(([a, b]) => b - a); // the public room's (bench/workers/tongxin-server.ts)
    const { seq } = (await server.child.request("lastSeq")) as { seq: number };
    const streams = await fleet.waitSeq(seq, 10_000);
    for (const s of voters) s.disconnect();
    await fleet.closeAll();
    const result: SteadyResult = {
      ratePerSec,
      joins: n,
      viewers,
      ackMs: summarize(latencies),
      serverCpuPercent: Math.round((cpu / elapsed) * 100),
      frames: { count: loops.length, sendLoopMs: summarize(loops) },
      seqViolations: streams.violations + (streams.minLast < seq ? 1 : 0),
    };
    log(
      `  ${latencies.length}/${n} acked; ack p50 ${result.ackMs.p50} ms, p99 ${result.ackMs.p99} ms; server CPU ${result.serverCpuPercent}% of a core; ` +
        `${loops.length} frames to the watchers, send loop p50 ${result.frames.sendLoopMs.p50} ms`,
    );
    return result;
  } finally {
    await server.child.stop();
    db.remove();
  }
}
