/**
 * The composition root: createApp({ config, db }) wires storage, services and
 * transport (Express + Socket.IO on one HTTP server). Tests pass their own
 * database and clock.
 */
import { existsSync } from "node:fs";
import { createServer, type Server as HttpServer } from "node:http";
import path from "node:path";
import express from "express";
import helmet from "helmet";
import { Server } from "socket.io";
import type { Config } from "./config.ts";
import { createLogger, type Logger } from "./logger.ts";
import type { ClientToServerEvents, ServerToClientEvents, SocketData } from "./protocol/events.ts";
import type { ServiceDeps } from "./services/deps.ts";
import { createWatchCache } from "./services/watch.ts";
import type { Db } from "./store/prisma.ts";
import { WriteLanes } from "./store/write-lane.ts";
import { guardTransactions } from "./cluster/db-outage.ts";
import { drainNode, dropLocalTransports } from "./cluster/drain.ts";
import { attachRedisAdapter, type ClusterRedis } from "./cluster/redis.ts";
import { ClusterViewerCounts } from "./cluster/viewer-counts.ts";
import { clientAddress, trustCheck } from "./transport/client-address.ts";
import { healthRoutes, type Readiness } from "./transport/http/health.routes.ts";
import { createMetrics } from "./transport/metrics.ts";
import { authRoutes } from "./transport/http/auth.routes.ts";
import { backOfficeRoutes } from "./transport/http/back-office.routes.ts";
import { errorHandler } from "./transport/http/http-kit.ts";
import { sessionRoutes } from "./transport/http/sessions.routes.ts";
import { LiveBroadcaster } from "./transport/live-broadcaster.ts";
import { originAllowed } from "./transport/origin.ts";
import { loginRoom } from "./transport/rooms.ts";
import { attachLiveHandlers } from "./transport/socket/live.handlers.ts";

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
  /** SIGTERM: readyz 503, stop accepting, finish the write lanes, close the sockets (cluster/drain.ts) */
  drain(): Promise<{ lanesFinished: boolean }>;
  close(): Promise<void>;
}

export async function createApp({ config, db, now = () => new Date(), log = createLogger() }: AppOptions): Promise<App> {
  const app = express();
  const http = createServer(app);
  const io = new Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>(http, {
    maxHttpBufferSize: MAX_PAYLOAD_BYTES,
    // Frames are small; compressing each costs more CPU than it saves on a LAN or 4G.
    perMessageDeflate: false,
    httpCompression: false,
    allowRequest: (req, cb) => cb(null, originAllowed(req, config.allowedOrigins)),
    cors: config.allowedOrigins ? { origin: config.allowedOrigins, credentials: true } : undefined,
    connectionStateRecovery: undefined,
  });

  const cleanups: Array<() => Promise<void>> = [];
  let redis: ClusterRedis | null = null;
  if (config.redisUrl) {
    redis = await attachRedisAdapter(io, config.redisUrl, log);
    cleanups.push(redis.close);
    // Frames from other nodes were lost while Redis was away: make this node's
    // watchers reconnect (spread over 2 s) and resync with sinceSeq.
    redis.onRecovered(() => dropLocalTransports(io, 2_000));
  }
  const viewerCounts = redis ? new ClusterViewerCounts(redis, config.nodeId) : null;
  const metrics = createMetrics(io, config.nodeId);
  const outage = guardTransactions(db, log);
  const readiness: Readiness = { draining: false, writesRefused: outage.down };

  const broadcaster = new LiveBroadcaster(io, config.coalesceMs, metrics.broadcast, viewerCounts ? (local) => viewerCounts.exchange(local) : undefined);
  const lanes = new WriteLanes(outage.db, (events) => broadcaster.publish(events), undefined, metrics.lane);
  // Behind a balancer (TRUST_PROXY): the voter's address, for the per-address limits and logs.
  const trusted = trustCheck(config.trustProxy);
  io.use((socket, next) => {
    socket.handshake.address = clientAddress(socket.request, trusted);
    next();
  });
  metrics.countAcks(io);
  const deps: ServiceDeps = { db, lanes, config, now, watchCache: createWatchCache() };

  app.disable("x-powered-by");
  app.set("trust proxy", config.trustProxy.length ? config.trustProxy : false);
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          "default-src": ["'self'"],
          "img-src": ["'self'", "data:", "blob:"],
          "media-src": ["'self'", "blob:", "https:", "http:"],
          "connect-src": ["'self'", "https:", "http:", "ws:", "wss:"],
          "style-src": ["'self'", "'unsafe-inline'"],
          "upgrade-insecure-requests": null,
        },
      },
      crossOriginEmbedderPolicy: false,
    }),
  );
  app.use(express.json({ limit: MAX_PAYLOAD_BYTES }));

  app.use(healthRoutes(db, readiness, redis ? redis.ping : null));
  // Scraped on each node directly; the shipped balancer config refuses it from outside.
  app.get("/metrics", metrics.handler);
  app.use("/api/auth", authRoutes(deps, (hash) => io.in(loginRoom(hash)).disconnectSockets(true)));
  app.use("/api", sessionRoutes(deps));
  app.use("/api", backOfficeRoutes(deps));
  app.use("/api", (_req, res) => {
    res.status(404).json({ error: { code: "NOT_FOUND", message: "no such route" } });
  });

  const clientDir = config.clientDir ? path.resolve(config.clientDir) : null;
  if (clientDir && existsSync(path.join(clientDir, "index.html"))) {
    app.use(express.static(clientDir, { index: false, maxAge: "1h" }));
    // Client-side routes (/s/…, /hall/…) all load the single page.
    app.get(/^\/(?!api\/|socket\.io\/).*/, (_req, res) => res.sendFile(path.join(clientDir, "index.html")));
  }
  app.use(errorHandler(log));

  attachLiveHandlers(io, deps, broadcaster, log);

  return {
    http,
    io,
    deps,
    drain: () => drainNode({ http, io, lanes, readiness }, config.drainTimeoutMs, config.drainGraceMs),
    async close() {
      broadcaster.close();
      // This node's sockets only: through the Redis adapter a plain
      // io.disconnectSockets would disconnect every node's clients.
      io.local.disconnectSockets(true);
      await new Promise<void>((resolve) => io.close(() => resolve()));
      for (const c of cleanups) await c();
    },
  };
}
