/**
 * Engine.IO's heartbeat for every connection of a server, kept by one timer
 * instead of two per connection (docs/ARCHITECTURE.md "The typed live edge").
 *
 * Engine.IO (protocol 4) gives each socket a timer that pings it
 * `pingInterval` after its last pong, through its packet path (a packet
 * object, three events, ws's framing: a cork, two writes and a writev), and
 * arms a new `pingTimeout` timer for every ping. At 10,000 idle viewers that
 * was ~60 ms of CPU a second, most of it JavaScript, and two timers' objects
 * per connection (bench/NOTES.md §12).
 *
 * Here the connections are dealt round-robin into the slots of a wheel that
 * turns once per `pingInterval`; each tick pings one slot's sockets. An idle
 * WebSocket gets the ping as one pre-built frame written to its sender (the
 * bytes Engine.IO would write, idle-websocket.ts); any other socket through
 * Engine.IO's own `sendPacket`. Engine.IO still reads the pong, which clears
 * the socket's `pingTimeoutTimer` — set here to a marker, not a timer — and a
 * ping still unanswered `pingTimeout` later closes the socket with Engine.IO's
 * own reason, "ping timeout". Two differences, both harmless: a socket's first
 * ping comes at any point of its first interval (the load is spread evenly),
 * and other packets do not stand in for the pong.
 */
import type { EventEmitter } from "node:events";
import type { Server } from "socket.io";
import { idleWebSocket, type EngineSocket } from "../idle-websocket.ts";

/** Engine.IO's socket, as far as its heartbeat goes (untyped members). */
interface HeartbeatSocket extends EngineSocket, EventEmitter {
  protocol: number;
  pingIntervalTimer: NodeJS.Timeout | null;
  pingTimeoutTimer: unknown;
  hasRefreshedPingTimeout: boolean;
  sendPacket(type: "ping"): void;
  onClose(reason: string): void;
  [SLOT]?: number;
}

const SLOT = Symbol("heartbeat slot");
/** The longest the wheel waits between two slots: a timeout is judged within this after its time. */
export const HEARTBEAT_TICK_MS = 200;
/**
 * A ping's `pingTimeoutTimer` while its pong is awaited. Engine.IO's pong
 * handler clears it (`clearTimeout` ignores what is not a timer) and sets it
 * back to null; `refresh` is there because Engine.IO may call it.
 */
const AWAITING_PONG = Object.freeze({ refresh() {} });
/** Engine.IO's ping packet ("2") as a WebSocket text frame: FIN + text, unmasked, 1 byte. */
const PING_FRAME = [Buffer.from([0x81, 0x01, 0x32])];

export interface Heartbeats {
  /** connections the wheel keeps (read by the tests) */
  readonly size: number;
  stop(): void;
}

export function keepHeartbeats(io: Server): Heartbeats {
  const { pingInterval, pingTimeout } = io.engine.opts as { pingInterval: number; pingTimeout: number };
  // The wheel turns once per pingInterval exactly: slots of at most HEARTBEAT_TICK_MS each.
  const slots = Array.from({ length: Math.max(1, Math.ceil(pingInterval / HEARTBEAT_TICK_MS)) }, () => new Set<HeartbeatSocket>());
  const tickMs = pingInterval / slots.length;
  // A ping awaits its pong for pingTimeout: its deadline is this many ticks on, in a ring of its own.
  const timeoutTicks = Math.max(1, Math.ceil(pingTimeout / tickMs));
  const deadlines = Array.from({ length: timeoutTicks + 1 }, () => [] as HeartbeatSocket[]);
  let tick = 0;
  let dealt = 0;
  let size = 0;

  function forget(this: HeartbeatSocket): void {
    if (this[SLOT] !== undefined && slots[this[SLOT]]!.delete(this)) size -= 1;
  }

  function ping(socket: HeartbeatSocket): void {
    // One ping at a time: an unanswered one is its deadline's to judge.
    if (socket.readyState !== "open" || socket.pingTimeoutTimer === AWAITING_PONG) return;
    const ws = idleWebSocket(socket);
    if (ws) ws._sender.sendFrame(PING_FRAME);
    else socket.sendPacket("ping");
    socket.pingTimeoutTimer = AWAITING_PONG;
    socket.hasRefreshedPingTimeout = true;
    deadlines[(tick + timeoutTicks) % deadlines.length]!.push(socket);
  }

  function turn(): void {
    const due = deadlines[tick % deadlines.length]!;
    deadlines[tick % deadlines.length] = [];
    for (const socket of due) {
      if (socket.pingTimeoutTimer === AWAITING_PONG && socket.readyState !== "closed") socket.onClose("ping timeout");
    }
    for (const socket of slots[tick % slots.length]!) ping(socket);
    tick += 1;
  }

  // Engine.IO's timers stay for a server whose pong may come later than its next ping.
  const wheel = pingTimeout <= pingInterval ? setInterval(turn, tickMs) : null;
  wheel?.unref();
  if (wheel) {
    io.engine.on("connection", (socket: HeartbeatSocket) => {
      // Protocol 3 (Engine.IO 3 clients, if ever allowed) pings the other way.
      if (socket.protocol === 3) return;
      clearTimeout(socket.pingIntervalTimer ?? undefined);
      socket.pingIntervalTimer = null;
      const slot = dealt++ % slots.length;
      socket[SLOT] = slot;
      slots[slot]!.add(socket);
      size += 1;
      socket.on("close", forget);
    });
  }
  return {
    get size() {
      return size;
    },
    stop: () => clearInterval(wheel ?? undefined),
  };
}
