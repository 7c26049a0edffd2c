/**
 * /metrics in Prometheus text format (prom-client). One registry per app, so
 * two apps in one test process do not share counters.
 *
 * Label cardinality is bounded: session ids appear only on the viewers gauge
 * (one series per session being watched on this node, removed when nobody
 * watches — a district has a few hundred sessions a day, not millions), event
 * names come from the protocol's closed list, ack codes from protocol/errors.ts.
 */
import type { RequestHandler } from "express";
import type { TrustCheck } from "./client-address.ts";
import client from "prom-client";
import type { Server } from "socket.io";
import type { RedisReceived } from "../cluster/redis.ts";
import type { BroadcastObserver } from "./live-broadcaster.ts";
import type { FrameSent } from "./room-frames.ts";
import type { LaneObserver } from "../store/write-lane.ts";
import { deflateTotals } from "./shared-deflate.ts";

export interface Metrics {
  registry: client.Registry;
  lane: LaneObserver;
  broadcast: BroadcastObserver;
  /** one session frame's send to a room (transport/room-frames.ts) */
  frameSent(sent: FrameSent): void;
  /** one answer to a socket event, by its code ("OK" or the error's): the handlers report every ack (socket/handle.ts) */
  ack(event: string, code: string): void;
  /** the exposition text GET /metrics answers (its Content-Type is the route table's entry) */
  text(): Promise<string>;
}

// Prometheus' base unit is the second (promtool lint): the lane and the
// frame sends measure in milliseconds, recorded here as seconds.
const SECOND_BUCKETS = [0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

export function createMetrics(io: Server, nodeId: string, redisReceived?: RedisReceived): Metrics {
  const registry = new client.Registry();
  registry.setDefaultLabels({ node: nodeId });
  // process CPU/memory, GC, and nodejs_eventloop_lag_* (event-loop lag)
  client.collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 20 });

  new client.Gauge({
    name: "tongxin_sockets",
    help: "Socket.IO connections open on this node",
    registers: [registry],
    collect() {
      this.set(io.engine.clientsCount);
    },
  });
  const viewers = new client.Gauge({
    name: "tongxin_session_viewers",
    help: "Sockets watching a session, cluster-wide as this node last sent it in session:viewers",
    labelNames: ["session"],
    registers: [registry],
  });
  const batchSize = new client.Histogram({
    name: "tongxin_write_lane_batch_size",
    help: "Operations per write-lane batch (one transaction, or one per member after a failed batch)",
    buckets: [1, 2, 5, 10, 25, 50, 100, 200, 256],
    registers: [registry],
  });
  const commitSeconds = new client.Histogram({
    name: "tongxin_write_lane_commit_seconds",
    help: "Time from a write-lane batch's start to its commit",
    buckets: SECOND_BUCKETS,
    registers: [registry],
  });
  const sendLoopSeconds = new client.Histogram({
    name: "tongxin_fanout_send_loop_seconds",
    help: "Time one session:events frame's writes to a room's sockets took on this node (its slices together)",
    buckets: SECOND_BUCKETS,
    registers: [registry],
  });
  // Counted in a plain map and added to the counter when /metrics is read: prom-client
  // hashes and validates the label object on every inc(), a visible cost per ack in a join storm.
  const ackCounts = new Map<string, { event: string; code: string; n: number }>();
  const countAck = (event: string, code: string) => {
    const key = `${event} ${code}`;
    const c = ackCounts.get(key);
    if (c) c.n += 1;
    else ackCounts.set(key, { event, code, n: 1 });
  };
  new client.Counter({
    name: "tongxin_acks_total",
    help: "Acks sent, by event and code (OK, or the error code)",
    labelNames: ["event", "code"],
    registers: [registry],
    collect() {
      for (const { event, code, n } of ackCounts.values()) this.inc({ event, code }, n);
      ackCounts.clear();
    },
  });

  // Process-wide totals (the transport is shared by every app in the process): what deflating broadcasts once saves.
  const reported = { plainBytes: deflateTotals.plainBytes, deflatedBytes: deflateTotals.deflatedBytes };
  new client.Counter({
    name: "tongxin_broadcast_deflate_bytes_total",
    help: "Bytes of broadcast frames deflated once for the sockets that negotiated permessage-deflate: before (plain) and after (deflated)",
    labelNames: ["form"],
    registers: [registry],
    collect() {
      this.inc({ form: "plain" }, deflateTotals.plainBytes - reported.plainBytes);
      this.inc({ form: "deflated" }, deflateTotals.deflatedBytes - reported.deflatedBytes);
      reported.plainBytes = deflateTotals.plainBytes;
      reported.deflatedBytes = deflateTotals.deflatedBytes;
    },
  });

  if (redisReceived) {
    const told: RedisReceived = { messages: 0, bytes: 0 };
    for (const [key, what] of [["messages", "Pub/sub messages"], ["bytes", "Bytes of the pub/sub messages"]] as const) {
      new client.Counter({
        name: `tongxin_redis_received_${key}_total`,
        help: `${what} this node's Socket.IO adapter received from Redis (its sessions' rooms and the common channel)`,
        registers: [registry],
        collect() {
          this.inc(redisReceived[key] - told[key]);
          told[key] = redisReceived[key];
        },
      });
    }
  }

  return {
    registry,
    lane(size, ms) {
      batchSize.observe(size);
      commitSeconds.observe(ms / 1000);
    },
    frameSent: (sent) => sendLoopSeconds.observe(sent.busyMs / 1000),
    broadcast: {
      viewers(sessionId, count) {
        if (count === 0) viewers.remove(sessionId);
        else viewers.set({ session: sessionId }, count);
      },
    },
    ack: (event, code) => countAck(event, code),
    text: () => registry.metrics(),
  };
}

/**
 * GET /metrics only at exactly `/metrics` (case-sensitive, no trailing slash,
 * not HEAD) and only to a caller that reached this node directly: a step
 * before the route's handler. A request a trusted proxy forwarded (its peer is
 * in TRUST_PROXY and it carries X-Forwarded-For, which the shipped balancer
 * always adds) came through the public entry: it skips the route and falls
 * through to the 404 everyone else gets.
 */
export function metricsOnlyDirect(trusted: TrustCheck): RequestHandler {
  return (req, _res, next) => {
    if (req.method !== "GET" || req.path !== "/metrics") return next("route");
    const forwarded = req.headers["x-forwarded-for"] !== undefined && trusted(req.socket.remoteAddress ?? "");
    next(forwarded ? "route" : undefined);
  };
}
