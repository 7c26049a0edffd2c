/**
 * The Redis connections of a node: the Socket.IO adapter's publisher and
 * subscriber, shared with the cluster viewer counts. node-redis reconnects by
 * itself (with backoff); while Redis is away the node keeps serving its own
 * sockets, /readyz reports it, and when the subscriber is back `onRecovered`
 * runs so the node can make its watchers resync what they missed from other nodes.
 *
 * The adapter is the sharded one (Redis 7 SPUBLISH/SSUBSCRIBE) in its
 * "dynamic" mode: a broadcast to one room goes to that room's own channel,
 * and a node subscribes to a room's channel only while it has a socket in the
 * room. A node therefore receives the frames of the sessions it has watchers
 * of, not every session's (docs/ARCHITECTURE.md §3, docs/CAPACITY.md).
 * Broadcasts to several rooms at once (call states) and the adapter's own
 * requests use the namespace's common channel, which every node hears.
 */
import type { Server } from "socket.io";
import type { Logger } from "../logger.ts";

type RedisClient = ReturnType<typeof import("redis").createClient>;

/** What a node's subscriber has received from Redis since it started (for /metrics and the benches). */
export interface RedisReceived {
  messages: number;
  bytes: number;
}

export interface ClusterRedis {
  pub: RedisClient;
  received: RedisReceived;
  /** Resolves when Redis answers PING within `timeoutMs`; rejects otherwise. */
  ping(timeoutMs: number): Promise<void>;
  /** Runs after the subscriber reconnects following an outage (not on the first connect). */
  onRecovered(fn: () => void): void;
  close(): Promise<void>;
}

/** Backoff capped at 1 s so a restarted Redis is found again quickly. */
const reconnectStrategy = (retries: number): number => Math.min(50 * 2 ** retries, 1000);

export async function attachRedisAdapter(io: Server, url: string, log: Logger): Promise<ClusterRedis> {
  const [{ createShardedAdapter }, { createClient }] = await Promise.all([import("@socket.io/redis-adapter"), import("redis")]);
  // Commands issued while Redis is down fail at once instead of queueing:
  // a broadcast queued for seconds would arrive after the watchers resynced.
  const pub = createClient({ url, disableOfflineQueue: true, socket: { reconnectStrategy, connectTimeout: 2000 } });
  // The subscriber keeps its offline queue: a room created while Redis is away subscribes its
  // channel once Redis is back (node-redis also renews every standing subscription then).
  const sub = pub.duplicate({ disableOfflineQueue: false });
  const recovered: Array<() => void> = [];
  let lost = false;
  for (const [name, client] of [["pub", pub], ["sub", sub]] as const) {
    client.on("error", (e: Error) => {
      if (!lost) log.warn("redis connection lost", { client: name, error: e.message });
      if (name === "sub") lost = true;
    });
  }
  sub.on("ready", () => {
    if (!lost) return;
    lost = false;
    log.info("redis connection back");
    for (const fn of recovered) fn();
  });
  await Promise.all([pub.connect(), sub.connect()]);
  const received: RedisReceived = { messages: 0, bytes: 0 };
  io.adapter(createShardedAdapter(publishQuietly(pub), countReceived(sub, received), { subscriptionMode: "dynamic" }));
  return {
    pub,
    received,
    async ping(timeoutMs) {
      let timer: NodeJS.Timeout | undefined;
      try {
        await Promise.race([
          pub.ping(),
          new Promise((_, reject) => (timer = setTimeout(() => reject(new Error("redis ping timed out")), timeoutMs))),
        ]);
      } finally {
        clearTimeout(timer);
      }
    },
    onRecovered: (fn) => void recovered.push(fn),
    async close() {
      await Promise.allSettled([pub.quit(), sub.quit()]);
    },
  };
}

/**
 * The adapter publishes without awaiting; with the offline queue off, a
 * publish during an outage rejects, and an unhandled rejection would kill the
 * process. A broadcast lost that way is recovered by the watchers' resync
 * (onRecovered), so it is dropped here on purpose.
 */
function publishQuietly(pub: RedisClient): RedisClient {
  return new Proxy(pub, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target) as unknown;
      if (typeof value !== "function") return value;
      if (prop === "publish" || prop === "sPublish") {
        return (...args: unknown[]) => (value as (...a: unknown[]) => Promise<unknown>).apply(target, args).catch(() => 0);
      }
      return (value as (...a: unknown[]) => unknown).bind(target);
    },
  });
}

/** Counts every message the adapter's subscriptions deliver (each sSubscribe handler is wrapped). */
function countReceived(sub: RedisClient, received: RedisReceived): RedisClient {
  return new Proxy(sub, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target) as unknown;
      if (typeof value !== "function") return value;
      if (prop === "sSubscribe") {
        return (channel: string, handler: (message: Buffer | string, channel: string) => void, ...rest: unknown[]) =>
          (value as (...a: unknown[]) => Promise<unknown>)
            .call(
              target,
              channel,
              (message: Buffer | string, from: string) => {
                received.messages += 1;
                received.bytes += typeof message === "string" ? Buffer.byteLength(message) : message.length;
                handler(message, from);
              },
              ...rest,
            )
            // The adapter does not await it; it can only fail once the client is closing.
            .catch(() => undefined);
      }
      if (prop === "sUnsubscribe") {
        return (...args: unknown[]) => (value as (...a: unknown[]) => Promise<unknown>).apply(target, args).catch(() => undefined);
      }
      return (value as (...a: unknown[]) => unknown).bind(target);
    },
  });
}
