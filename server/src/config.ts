/** Configuration from the environment (contract: docs/ARCHITECTURE.md §4). */

export interface Config {
  port: number;
  host: string;
  databaseUrl: string;
  redisUrl: string | null;
  /** with Redis: the key prefix of the shared abuse-limit windows (one per cluster sharing a Redis) */
  limitsPrefix: string;
  demoSeed: boolean;
  demoPassword: string;
  /** null = same origin only */
  allowedOrigins: string[] | null;
  joinLimitPerIpPerMin: number;
  joinLimitPerSocketPerMin: number;
  /** the least pause between two frames of one room; a busy room waits longer, up to 50 ms */
  coalesceMs: number;
  /** WS_DEFLATE (default on): offer permessage-deflate so large broadcasts go out compressed once (transport/shared-deflate.ts) */
  wsDeflate: boolean;
  /** staff/deputy tokens expire after this long without use */
  tokenIdleTtlMs: number;
  /** directory of the built client, served when it exists */
  clientDir: string | null;
  /** Secure cookies: on when served over https */
  secureCookies: boolean;
  /** Livestream (§5c): where encoders push RTMP, e.g. rtmp://host/live */
  mediaRtmpUrl: string;
  /** where HLS is served, without a trailing slash; null = no livestream relay */
  mediaHlsBase: string | null;
  /** shared secret nginx-rtmp sends with its hooks (?secret=…); null = not checked */
  mediaHookSecret: string | null;
  /** MEDIA_ORIGINS (extension): more origins a manually set stream address may play from (the page's CSP allows them) */
  mediaOrigins: string[];
  /** WebRTC calls (§5b): STUN_URLS, TURN_URLS, TURN_SECRET, RTC_RELAY_ONLY */
  rtc: { stunUrls: string[]; turnUrls: string[]; turnSecret: string | null; relayOnly: boolean };
  /** a call ends when the voter's last socket has been gone this long (CALL_VOTER_GRACE_MS) */
  callVoterGraceMs: number;
  /** a call ends by itself after this long (CALL_MAX_SEC) */
  callMaxSec: number;
  /** days after which finished sessions' and closed cases' personal data is anonymized; 0 = never (docs/PRIVACY.md) */
  retentionDays: number;
  /** §6f: audit entries older than this many days may be pruned as a whole prefix of the chain; 0 = kept for ever; never below 180 */
  auditRetentionDays: number;
  /** failed logins per account and address in one window before a lockout (login-throttle.ts) */
  loginMaxFailures: number;
  loginWindowMs: number;
  /** concurrent Socket.IO connections one address may hold */
  connectionsPerIp: number;
  /** new Socket.IO connections one address may open per minute */
  connectionsPerIpPerMin: number;
  // ---- booking reminders (notify/): the driver, its webhook, how often to look for due reminders (0 = never)
  notifyDriver: "log" | "webhook";
  notifyWebhookUrl: string | null;
  notifyWebhookSecret: string | null;
  notifyIntervalMs: number;
  // ---- the staff's weekly digest (notify/weekly-digest.ts), through the same driver
  /** 1 = Monday … 7 = Sunday (DIGEST_WEEKDAY) */
  digestWeekday: number;
  /** hour of that day, China time, 0–23 (DIGEST_HOUR) */
  digestHour: number;
  /** how often to check whether digests are due (DIGEST_INTERVAL_MS); 0 = no digests */
  digestIntervalMs: number;
  /** §6f: where snapshots go (BACKUP_DIR), how often the service takes one (BACKUP_INTERVAL_MIN, 0 = never), how many it keeps (BACKUP_KEEP) */
  backupDir: string;
  backupIntervalMin: number;
  backupKeep: number;
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
  // ---- the message box (docs/ARCHITECTURE.md §6d)
  /** messages one address may leave per hour (MESSAGE_LIMIT_PER_IP_PER_HOUR) */
  messageLimitPerIpPerHour: number;
  /** public answer statistics: "answered within N days" (ANSWER_WITHIN_DAYS) */
  answerWithinDays: number;
  /** public answer statistics: the cases opened in the last N days (ANSWER_STATS_WINDOW_DAYS) */
  answerStatsWindowDays: number;
}

const list = (v: string | undefined): string[] =>
  (v ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);

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
    limitsPrefix: env.LIMITS_REDIS_PREFIX || "tongxin:limit",
    demoSeed: env.DEMO_SEED === "1" || env.DEMO_SEED === "true",
    demoPassword: env.DEMO_PASSWORD || "tongxin-demo",
    allowedOrigins: origins.length ? origins : null,
    joinLimitPerIpPerMin: int(env.JOIN_LIMIT_PER_IP_PER_MIN, 300),
    joinLimitPerSocketPerMin: int(env.JOIN_LIMIT_PER_SOCKET_PER_MIN, 10),
    coalesceMs: int(env.COALESCE_MS, 16),
    wsDeflate: env.WS_DEFLATE !== "0" && env.WS_DEFLATE !== "false",
    tokenIdleTtlMs: int(env.TOKEN_IDLE_TTL_MS, 12 * 60 * 60 * 1000),
    clientDir: env.CLIENT_DIR ?? "client/dist",
    secureCookies: env.SECURE_COOKIES === "1",
    // Defaults match `npm run media` (media/nginx.conf) on this machine.
    mediaRtmpUrl: (env.MEDIA_RTMP_URL || "rtmp://127.0.0.1:1935/live").replace(/\/$/, ""),
    mediaHlsBase: env.MEDIA_HLS_BASE === "" ? null : (env.MEDIA_HLS_BASE ?? "http://127.0.0.1:8088/hls").replace(/\/$/, ""),
    mediaHookSecret: env.MEDIA_HOOK_SECRET || null,
    mediaOrigins: list(env.MEDIA_ORIGINS),
    rtc: {
      stunUrls: list(env.STUN_URLS),
      turnUrls: list(env.TURN_URLS),
      turnSecret: env.TURN_SECRET || null,
      relayOnly: env.RTC_RELAY_ONLY === "1" || env.RTC_RELAY_ONLY === "true",
    },
    callVoterGraceMs: int(env.CALL_VOTER_GRACE_MS, 15_000),
    callMaxSec: int(env.CALL_MAX_SEC, 900),
    retentionDays: int(env.RETENTION_DAYS, 180),
    auditRetentionDays: auditDays(int(env.AUDIT_RETENTION_DAYS, 0)),
    loginMaxFailures: Math.max(1, int(env.LOGIN_MAX_FAILURES, 5)),
    loginWindowMs: Math.max(1, int(env.LOGIN_WINDOW_MIN, 15)) * 60_000,
    connectionsPerIp: Math.max(1, int(env.CONNECTIONS_PER_IP, 200)),
    connectionsPerIpPerMin: Math.max(1, int(env.CONNECTIONS_PER_IP_PER_MIN, 600)),
    notifyDriver: env.NOTIFY_DRIVER === "webhook" && env.NOTIFY_WEBHOOK_URL ? "webhook" : "log",
    notifyWebhookUrl: env.NOTIFY_WEBHOOK_URL || null,
    notifyWebhookSecret: env.NOTIFY_WEBHOOK_SECRET || null,
    notifyIntervalMs: int(env.NOTIFY_INTERVAL_MS, 60_000),
    digestWeekday: Math.min(7, Math.max(1, int(env.DIGEST_WEEKDAY, 1))),
    digestHour: Math.min(23, int(env.DIGEST_HOUR, 8)),
    digestIntervalMs: int(env.DIGEST_INTERVAL_MS, 300_000),
    backupDir: env.BACKUP_DIR || "data/backups",
    backupIntervalMin: Math.max(0, int(env.BACKUP_INTERVAL_MIN, 1440)),
    backupKeep: Math.max(1, int(env.BACKUP_KEEP, 14)),
    trustProxy: (env.TRUST_PROXY ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
    nodeId: env.NODE_ID || `${env.HOST || "127.0.0.1"}:${int(env.PORT, 3000)}:${process.pid}`,
    drainTimeoutMs: int(env.DRAIN_TIMEOUT_MS, 10_000),
    drainGraceMs: int(env.DRAIN_GRACE_MS, 1_500),
    messageLimitPerIpPerHour: Math.max(1, int(env.MESSAGE_LIMIT_PER_IP_PER_HOUR, 30)),
    answerWithinDays: Math.max(1, int(env.ANSWER_WITHIN_DAYS, 15)),
    answerStatsWindowDays: Math.max(1, int(env.ANSWER_STATS_WINDOW_DAYS, 90)),
  };
}

/** The audit is kept at least 180 days (docs/ARCHITECTURE.md §6f): a shorter setting is raised to that; 0 keeps it for ever. */
export const AUDIT_MIN_DAYS = 180;
function auditDays(days: number): number {
  return days <= 0 ? 0 : Math.max(AUDIT_MIN_DAYS, days);
}
