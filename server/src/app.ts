/**
 * The composition root: createApp({ config, db }) wires storage, services and
 * transport (Express + Socket.IO on one HTTP server). Tests pass their own
 * database and clock.
 */
import { existsSync } from "node:fs";
import { createServer, type Server as HttpServer } from "node:http";
import path from "node:path";
import express from "express";
import { Server } from "socket.io";
import type { Config } from "./config.ts";
import { createLogger, type Logger } from "./logger.ts";
import type { ClientToServerEvents, ServerToClientEvents, SocketData } from "./protocol/events.ts";
import type { ServiceDeps } from "./services/deps.ts";
import { createWatchCache } from "./services/live-day/watch.ts";
import { findFirstViewSession } from "./store/first-view.ts";
import type { Db } from "./store/prisma.ts";
import { sessionHeads } from "./store/session-events.ts";
import { WriteLanes } from "./store/write-lane.ts";
import { guardTransactions } from "./cluster/db-outage.ts";
import { databasePing } from "./store/database-ping.ts";
import { drainNode, dropLocalTransports } from "./cluster/drain.ts";
import { attachRedisAdapter, type ClusterRedis } from "./cluster/redis.ts";
import { ClusterViewerCounts } from "./cluster/viewer-counts.ts";
import { clientAddress, trustCheck } from "./transport/client-address.ts";
import { healthRoutes, type Readiness } from "./transport/http/health.routes.ts";
import { createMetrics } from "./transport/metrics.ts";
import { securityHeaders } from "./transport/security-headers.ts";
import { startBackupLoop } from "./services/privacy-and-accounts/backups.ts";
import { redisBackupClaim } from "./cluster/backup-claim.ts";
import { streamOrigins } from "./domain/livestream.ts";
import { authRoutes } from "./transport/http/auth.routes.ts";
import { auditHttp } from "./transport/audit-hooks.ts";
import { backOfficeRoutes } from "./transport/http/back-office.routes.ts";
import { privacyRoutes } from "./transport/http/privacy.routes.ts";
import { startRetention, type RetentionTimer } from "./services/privacy-and-accounts/retention.ts";
import { errorHandler, rejectIllFormedInput } from "./transport/http/http-kit.ts";
import { mediaRoutes } from "./transport/http/media.routes.ts";
import { bookingRoutes } from "./transport/http/bookings.routes.ts";
import { messageRoutes } from "./transport/http/messages.routes.ts";
import { dutyRoutes } from "./transport/http/duty.routes.ts";
import { sessionRoutes } from "./transport/http/sessions.routes.ts";
import { forumRoutes } from "./transport/http/forums.routes.ts";
import { openApiRoutes } from "./transport/http/openapi.ts";
import { staticClient } from "./transport/http/static-client.ts";
import { bookingNotices } from "./transport/booking-notices.ts";
import { LiveBroadcaster } from "./transport/live-broadcaster.ts";
import { deliverSessionFrames, type SessionFrames } from "./transport/session-frames.ts";
import { ConnectionLimits } from "./transport/connection-limits.ts";
import { RedisWindows } from "./transport/fixed-windows.ts";
import { originAllowed } from "./transport/origin.ts";
import { loginRoom } from "./transport/rooms.ts";
import { CallTimers } from "./services/calls-and-stream/call-timers.ts";
import { attachLiveHandlers } from "./transport/socket/live.handlers.ts";
import { keepHeartbeats } from "./transport/socket/heartbeats.ts";
import { releaseUpgradeRequest } from "./transport/socket/release-upgrade-request.ts";
import { installInflatePerMessage } from "./transport/inflate-per-message.ts";
import { installSharedDeflate, perMessageDeflateOption, withholdDeflateFrom } from "./transport/shared-deflate.ts";
import { startReminderLoop } from "./notify/booking-reminders.ts";
import {
  logDigestNotifier,
  logNotifier,
  logSuggestionNotifier,
  webhookDigestNotifier,
  webhookNotifier,
  webhookSuggestionNotifier,
  type DigestNotifier,
  type Notifier,
  type SuggestionNotifier,
} from "./notify/notifier.ts";
import { startSuggestionReminderLoop } from "./notify/suggestion-reminders.ts";
import { startDigestLoop } from "./notify/weekly-digest.ts";

export const MAX_PAYLOAD_BYTES = 64 * 1024;

export interface AppOptions {
  config: Config;
  db: Db;
  now?: () => Date;
  log?: Logger;
}

export interface App {
  http: HttpServer;
  io: Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
  deps: ServiceDeps;
  retention: RetentionTimer;
  /** how session frames reach this node's sockets; `onSent` tells when each frame's send ended */
  frames: Pick<SessionFrames, "onSent">;
  /** SIGTERM: readyz 503, stop accepting, finish the write lanes, close the sockets (cluster/drain.ts) */
  drain(): Promise<{ lanesFinished: boolean }>;
  close(): Promise<void>;
}

export async function createApp({ config, db, now = () => new Date(), log = createLogger() }: AppOptions): Promise<App> {
  const app = express();
  const http = createServer(app);
  // TRUST_PROXY: which proxies' X-Forwarded-For names the voter (limits, logs, the handshake address).
  const trusted = trustCheck(config.trustProxy);
  const connectionLimits = new ConnectionLimits(config.connectionsPerIp, config.connectionsPerIpPerMin, trusted);
  installSharedDeflate();
  installInflatePerMessage();
  const io = new Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>(http, {
    maxHttpBufferSize: MAX_PAYLOAD_BYTES,
    // Negotiated so that large broadcasts go out deflated once for every socket; ws itself compresses nothing.
    perMessageDeflate: perMessageDeflateOption(config.wsDeflate),
    httpCompression: false,
    allowRequest: (req, cb) => {
      if (!originAllowed(req, config.allowedOrigins)) return cb("origin not allowed", false);
      void connectionLimits.admit(req).then((refused) => cb(refused, refused === null), () => cb("internal error", false));
    },
    cors: config.allowedOrigins ? { origin: config.allowedOrigins, credentials: true } : undefined,
    connectionStateRecovery: undefined,
  });

  http.prependListener("upgrade", withholdDeflateFrom);
  connectionLimits.attach(io);
  const cleanups: Array<() => Promise<void>> = [];
  // One timer pings every connection, not two per connection.
  const heartbeats = keepHeartbeats(io);
  cleanups.push(async () => heartbeats.stop());
  let redis: ClusterRedis | null = null;
  if (config.redisUrl) {
    redis = await attachRedisAdapter(io, config.redisUrl, log);
    cleanups.push(redis.close);
    // Frames from other nodes were lost while Redis was away: make this node's
    // watchers reconnect (spread over 2 s) and resync with sinceSeq.
    redis.onRecovered(() => {
      frames.reset();
      dropLocalTransports(io, 2_000);
    });
  }
  // The abuse limits' windows, shared by the nodes through Redis (transport/fixed-windows.ts).
  const sharedWindows = redis ? new RedisWindows(redis.pub, config.limitsPrefix) : undefined;
  if (sharedWindows) connectionLimits.share(sharedWindows);
  const viewerCounts = redis ? new ClusterViewerCounts(redis, config.nodeId) : null;
  const metrics = createMetrics(io, config.nodeId, redis?.received);
  // Session frames go straight to idle WebSockets; in a cluster, in seq order whoever sent them.
  const frames = deliverSessionFrames(io, redis !== null);
  frames.onSent(metrics.frameSent);
  const databaseAnswers = databasePing(db, config.databaseUrl);
  cleanups.push(databaseAnswers.close);
  const outage = guardTransactions(db, databaseAnswers, log);
  const readiness: Readiness = { draining: false, writesRefused: outage.down, database: databaseAnswers };

  const broadcaster = viewerCounts
    ? new LiveBroadcaster(io, config.coalesceMs, metrics.broadcast, {
        viewerTotals: (local) => viewerCounts.exchange(local),
        heads: (ids) => sessionHeads(db, ids),
        frames,
      })
    : new LiveBroadcaster(io, config.coalesceMs, metrics.broadcast);
  const lanes = new WriteLanes(outage.db, (events) => broadcaster.publish(events), undefined, metrics.lane);
  // Behind a balancer (TRUST_PROXY): the voter's address, for the per-address limits and logs.
  io.use((socket, next) => {
    socket.handshake.address = clientAddress(socket.request, trusted);
    next();
  });
  const deps: ServiceDeps = { db, lanes, config, now, watchCache: createWatchCache(), sharedWindows };
  deps.bookingsChanged = bookingNotices(io, deps, log, !!redis);

  app.disable("x-powered-by");
  app.set("trust proxy", config.trustProxy.length ? config.trustProxy : false);
  app.use(securityHeaders(streamOrigins(config.mediaHlsBase, config.mediaOrigins)));
  app.use(express.json({ limit: MAX_PAYLOAD_BYTES }));
  app.use(rejectIllFormedInput());

  // /healthz, /readyz and /metrics (direct scrapes only: health.routes.ts).
  app.use(healthRoutes(deps, readiness, redis ? redis.ping : null, { text: metrics.text, trusted }));
  // Every staff write and every refusal, recorded after the service answered (§6f).
  app.use("/api", auditHttp(deps, log));
  app.use("/api/auth", authRoutes(deps, (hash) => io.in(loginRoom(hash)).disconnectSockets(true), log));
  app.use("/api", sessionRoutes(deps));
  app.use("/api", privacyRoutes(deps));
  app.use("/api", backOfficeRoutes(deps));
  app.use("/api", mediaRoutes(deps));
  app.use("/api", bookingRoutes(deps));
  app.use("/api", messageRoutes(deps));
  app.use("/api", dutyRoutes(deps));
  app.use("/api", forumRoutes(deps));
  app.use("/api", openApiRoutes(deps));
  app.use("/api", (_req, res) => {
    res.status(404).json({ error: { code: "NOT_FOUND", message: "no such route" } });
  });

  const clientDir = config.clientDir ? path.resolve(config.clientDir) : null;
  if (clientDir && existsSync(path.join(clientDir, "index.html"))) {
    // The voter page's first view: one read of the session's header facts (store/first-view.ts).
    app.use(staticClient(clientDir, { readFirstView: (id) => findFirstViewSession(db, id) }));
  }
  app.use(errorHandler(log));

  const callTimers = new CallTimers(deps, log);
  attachLiveHandlers(io, deps, broadcaster, log, callTimers, metrics.ack);
  // Last: the handlers above have read the handshake; an idle viewer need not keep its request.
  io.on("connection", releaseUpgradeRequest);
  // Retention runs now and daily (docs/PRIVACY.md); close() waits for a run in flight.
  const retention = startRetention(deps, log);

  // Booking reminders (day before, hour before) through the configured driver.
  const notifier: Notifier =
    config.notifyDriver === "webhook" && config.notifyWebhookUrl
      ? webhookNotifier({ url: config.notifyWebhookUrl, secret: config.notifyWebhookSecret }, log)
      : logNotifier(log);
  if (config.notifyIntervalMs > 0) {
    cleanups.push(startReminderLoop(db, notifier, now, config.notifyIntervalMs));
    // Suggestions' deadlines (§6e): the department 15 and 3 days before, the office when overdue; same interval, same driver.
    const suggestions: SuggestionNotifier =
      config.notifyDriver === "webhook" && config.notifyWebhookUrl
        ? webhookSuggestionNotifier({ url: config.notifyWebhookUrl, secret: config.notifyWebhookSecret }, log)
        : logSuggestionNotifier(log);
    cleanups.push(startSuggestionReminderLoop(db, suggestions, now, config.notifyIntervalMs));
  }
  // The staff's weekly digest (DIGEST_WEEKDAY, DIGEST_HOUR), claimed per venue and ISO week.
  if (config.digestIntervalMs > 0) {
    const digests: DigestNotifier =
      config.notifyDriver === "webhook" && config.notifyWebhookUrl
        ? webhookDigestNotifier({ url: config.notifyWebhookUrl, secret: config.notifyWebhookSecret }, log)
        : logDigestNotifier(log);
    cleanups.push(startDigestLoop(deps, digests, { weekday: config.digestWeekday, hour: config.digestHour }, config.digestIntervalMs));
  }
  // Scheduled snapshots (§6f); in a cluster the nodes share the database, so one node per interval takes it.
  if (config.backupIntervalMin > 0) {
    cleanups.push(startBackupLoop(config, now, log, redis ? redisBackupClaim(redis, "tongxin", config.nodeId) : undefined));
  }

  return {
    http,
    io,
    deps,
    retention,
    frames,
    drain: () => drainNode({ http, io, lanes, readiness }, config.drainTimeoutMs, config.drainGraceMs),
    async close() {
      await retention.stop();
      broadcaster.close();
      frames.finish();
      // This node's sockets only: through the Redis adapter a plain
      // io.disconnectSockets would disconnect every node's clients.
      io.local.disconnectSockets(true);
      await new Promise<void>((resolve) => io.close(() => resolve()));
      // Disconnects start work (a call whose console left ends); let it finish before the database goes.
      await callTimers.close();
      await lanes.idle();
      for (const c of cleanups) await c();
    },
  };
}
