/** Configuration from the environment (contract: docs/ARCHITECTURE.md §4). */

export interface Config {
  port: number;
  host: string;
  databaseUrl: string;
  redisUrl: string | null;
  demoSeed: boolean;
  demoPassword: string;
  /** null = same origin only */
  allowedOrigins: string[] | null;
  joinLimitPerIpPerMin: number;
  joinLimitPerSocketPerMin: number;
  /** the least pause between two frames of one room; a busy room waits longer, up to 50 ms */
  coalesceMs: number;
  /** staff/deputy tokens expire after this long without use */
  tokenIdleTtlMs: number;
  /** directory of the built client, served when it exists */
  clientDir: string | null;
  /** Secure cookies: on when served over https */
  secureCookies: boolean;
  /**
   * Addresses (or CIDR ranges) of the reverse proxies in front of this node
   * (TRUST_PROXY, comma-separated). Only a request whose direct peer is one of
   * them has its X-Forwarded-For read; empty = forwarded headers are ignored.
   */
  trustProxy: string[];
  /** this process's name in the cluster (NODE_ID; default host:port:pid) — metrics and viewer counts */
  nodeId: string;
  /** SIGTERM: how long the write lanes may take to finish before the process exits anyway */
  drainTimeoutMs: number;
  /** SIGTERM: how long /readyz answers 503 before the node stops accepting, so the balancer notices first */
  drainGraceMs: number;
}

const int = (v: string | undefined, fallback: number): number => {
  const n = v === undefined || v === "" ? NaN : Number(v);
  return Number.isFinite(n) && n >= 0 ? Math.floor(n) : fallback;
};

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const origins = (env.ALLOWED_ORIGINS ?? "")
    .split(",")
    .map((s) => s.trim().replace(/\/$/, ""))
    .filter(Boolean);
  return {
    port: int(env.PORT, 3000),
    host: env.HOST || "127.0.0.1",
    databaseUrl: env.DATABASE_URL || "file:./data/tongxin.db",
    redisUrl: env.REDIS_URL || null,
    demoSeed: env.DEMO_SEED === "1" || env.DEMO_SEED === "true",
    demoPassword: env.DEMO_PASSWORD || "tongxin-demo",
    allowedOrigins: origins.length ? origins : null,
    joinLimitPerIpPerMin: int(env.JOIN_LIMIT_PER_IP_PER_MIN, 300),
    joinLimitPerSocketPerMin: int(env.JOIN_LIMIT_PER_SOCKET_PER_MIN, 10),
    coalesceMs: int(env.COALESCE_MS, 16),
    tokenIdleTtlMs: int(env.TOKEN_IDLE_TTL_MS, 12 * 60 * 60 * 1000),
    clientDir: env.CLIENT_DIR ?? "client/dist",
    secureCookies: env.SECURE_COOKIES === "1",
    trustProxy: (env.TRUST_PROXY ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
    nodeId: env.NODE_ID || `${env.HOST || "127.0.0.1"}:${int(env.PORT, 3000)}:${process.pid}`,
    drainTimeoutMs: int(env.DRAIN_TIMEOUT_MS, 10_000),
    drainGraceMs: int(env.DRAIN_GRACE_MS, 1_500),
  };
}
