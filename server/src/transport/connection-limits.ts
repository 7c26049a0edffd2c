/**
 * Socket.IO connections per address: at most `maxOpen` at once and
 * `perMinute` new ones a minute, so one script cannot open 50,000 sockets.
 * Checked in engine.io's `allowRequest` (before any Socket.IO state exists);
 * a refused handshake is answered 403 with the reason in its body, which the
 * client sees as a `connect_error`.
 *
 * A handshake admitted here becomes an engine connection a moment later, or
 * fails (`connection_error`), or — a WebSocket upgrade the `ws` library
 * rejects — is never heard of again; so an admitted handshake is held as
 * pending until one of the first two, or for PENDING_MS at most.
 */
import type { IncomingMessage } from "node:http";
import type { Server } from "socket.io";
import { addressKey, clientAddress, type TrustCheck } from "./client-address.ts";
import { RateLimiter } from "./rate-limit.ts";

const PENDING_MS = 10_000;

export class ConnectionLimits {
  private readonly open = new Map<string, number>();
  private readonly pending = new Map<string, number[]>();
  private readonly admitted = new WeakSet<IncomingMessage>();
  private readonly rate: RateLimiter;

  constructor(
    private readonly maxOpen: number,
    perMinute: number,
    /** which proxies' X-Forwarded-For to believe (TRUST_PROXY): behind a balancer, count the voter, not it */
    private readonly trusted: TrustCheck = () => false,
    private readonly now: () => number = Date.now,
  ) {
    this.rate = new RateLimiter(perMinute, 60_000, now);
  }

  /** null (and the handshake is counted) when allowed; otherwise why not. */
  admit(req: IncomingMessage): string | null {
    const key = this.keyOf(req);
    const pending = this.pendingOf(key);
    if ((this.open.get(key) ?? 0) + pending.length >= this.maxOpen) return "too many connections from this address";
    if (!this.rate.take(key)) return "too many new connections from this address, try again in a minute";
    pending.push(this.now());
    this.pending.set(key, pending);
    this.admitted.add(req);
    return null;
  }

  /** Counts engine connections in and out; call once with the Socket.IO server. */
  attach(io: Server): void {
    io.engine.on("connection", (raw: { request: IncomingMessage; once(e: "close", f: () => void): void }) => {
      const key = this.keyOf(raw.request);
      this.settle(raw.request, key);
      this.open.set(key, (this.open.get(key) ?? 0) + 1);
      raw.once("close", () => {
        const n = (this.open.get(key) ?? 1) - 1;
        if (n > 0) this.open.set(key, n);
        else this.open.delete(key);
      });
    });
    io.engine.on("connection_error", (err: { req?: IncomingMessage }) => {
      if (err.req) this.settle(err.req, this.keyOf(err.req));
    });
  }

  /** Open connections of an address (tests, diagnostics). */
  openOf(req: IncomingMessage): number {
    return this.open.get(this.keyOf(req)) ?? 0;
  }

  private keyOf(req: IncomingMessage): string {
    return addressKey(clientAddress(req, this.trusted));
  }

  private settle(req: IncomingMessage, key: string): void {
    if (!this.admitted.has(req)) return;
    this.admitted.delete(req);
    const pending = this.pending.get(key);
    pending?.shift();
    if (pending && pending.length === 0) this.pending.delete(key);
  }

  private pendingOf(key: string): number[] {
    const t = this.now();
    const fresh = (this.pending.get(key) ?? []).filter((at) => t - at < PENDING_MS);
    if (fresh.length === 0) this.pending.delete(key);
    return fresh;
  }
}
