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
 *
 * With Redis (`share`), the new-per-minute window is counted across the
 * nodes. The open count stays this node's own: it is exact here and dies
 * with the process, where a shared gauge would leak the counts of a node
 * killed with its sockets open; behind a balancer a node holds its share of
 * an address's sockets, so the cluster-wide ceiling is `maxOpen` × nodes.
 */
import type { IncomingMessage } from "node:http";
import type { Server } from "socket.io";
import { addressKey, clientAddress, type TrustCheck } from "./client-address.ts";
import type { FixedWindows } from "./fixed-windows.ts";
import { RateLimiter } from "./rate-limit.ts";

const PENDING_MS = 10_000;

export class ConnectionLimits {
  private readonly open = new Map<string, number>();
  private readonly pending = new Map<string, number[]>();
  private readonly admitted = new WeakSet<IncomingMessage>();
  private rate: RateLimiter;

  constructor(
    private readonly maxOpen: number,
    private readonly perMinute: number,
    /** which proxies' X-Forwarded-For to believe (TRUST_PROXY): behind a balancer, count the voter, not it */
    private readonly trusted: TrustCheck = () => false,
    private readonly now: () => number = Date.now,
  ) {
    this.rate = new RateLimiter(perMinute, 60_000, "conn-ip", undefined, now);
  }

  /** Counts new connections per minute in the nodes' shared windows from now on. */
  share(windows: FixedWindows): void {
    this.rate = new RateLimiter(this.perMinute, 60_000, "conn-ip", windows);
  }

  /** null (and the handshake is counted) when allowed; otherwise why not. */
  async admit(req: IncomingMessage): Promise<string | null> {
    const key = this.keyOf(req);
    const pending = this.pendingOf(key);
    if ((this.open.get(key) ?? 0) + pending.length >= this.maxOpen) return "too many connections from this address";
    // Held as pending at once, so handshakes racing the shared count cannot pass the open limit together.
    pending.push(this.now());
    this.pending.set(key, pending);
    this.admitted.add(req);
    if (!(await this.rate.take(key))) {
      this.settle(req, key);
      return "too many new connections from this address, try again in a minute";
    }
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
