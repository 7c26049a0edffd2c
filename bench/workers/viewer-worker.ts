/**
 * A viewer process: holds many viewer connections at once, either real
 * Socket.IO clients watching a Tongxin session or plain `ws` clients of the
 * baseline server, and measures when each seq reaches them.
 *
 * Every connection checks its own stream as a careful client would: seqs
 * contiguous from its snapshot's seq + 1 to the last one received. For the
 * fan-out, the worker tells the runner when *all* its viewers have received
 * a seq, with the time the last of them got it.
 */
import { io as ioClient, type Socket } from "socket.io-client";
import { WebSocket } from "ws";
import type { LiveEvent, WatchSnapshot } from "../../server/src/protocol/model.ts";
import type { Ack } from "../../server/src/protocol/errors.ts";
import { nowMs } from "../lib/clock.ts";
import { exitOnSigterm, serveRequests, type Message } from "../lib/child.ts";
import { pool } from "../lib/pool.ts";

interface Viewer {
  /** null until the watch ack; frames before it are held in `early` */
  snapSeq: number | null;
  early: Array<{ t: number; events: Pick<LiveEvent, "seq">[] }>;
  last: number;
  violations: number;
  close(): void;
}

const viewers: Viewer[] = [];
/** seq → how many viewers got it in order, and when the last of them did */
const seen = new Map<number, { count: number; lastAt: number }>();
let notify = false;

function receive(v: Viewer, events: Pick<LiveEvent, "seq">[], t: number): void {
  if (v.snapSeq === null) {
    v.early.push({ t, events });
    return;
  }
  for (const e of events) {
    if (e.seq <= v.snapSeq) continue; // already in the snapshot
    if (e.seq !== v.last + 1) {
      v.violations += 1;
      if (e.seq > v.last) v.last = e.seq;
      continue;
    }
    v.last = e.seq;
    let s = seen.get(e.seq);
    if (!s) seen.set(e.seq, (s = { count: 0, lastAt: 0 }));
    s.count += 1;
    if (t > s.lastAt) s.lastAt = t;
    if (notify && s.count === viewers.length) {
      process.send!({ type: "seqDone", seq: e.seq, lastAt: s.lastAt });
      seen.delete(e.seq);
    }
  }
}

function watching(v: Viewer, snapSeq: number): void {
  v.snapSeq = snapSeq;
  v.last = snapSeq;
  for (const f of v.early.splice(0)) receive(v, f.events, f.t);
}

function connectIo(url: string, sessionId: string, capture: boolean): Promise<Viewer> {
  return new Promise((resolve, reject) => {
    const socket: Socket = ioClient(url, { transports: ["websocket"], reconnection: false, forceNew: true, timeout: 60_000 });
    const v: Viewer = { snapSeq: null, early: [], last: 0, violations: 0, close: () => socket.disconnect() };
    socket.on("session:events", (events: LiveEvent[]) => receive(v, events, nowMs()));
    socket.once("connect_error", reject);
    socket.once("connect", () => {
      if (capture) {
        // The exact text of each frame on the wire: the baseline replays these bytes.
        socket.io.engine.on("packet", (p: { type: string; data?: unknown }) => {
          if (p.type === "message" && typeof p.data === "string" && p.data.startsWith('2["session:events"')) {
            process.send!({ type: "frame", bytes: `4${p.data}` });
          }
        });
      }
      socket.timeout(60_000).emit("session:watch", { sessionId }, (err: Error | null, res: Ack<WatchSnapshot>) => {
        if (err) return reject(err);
        if (!res.ok) return reject(new Error(`${res.error.code} ${res.error.message}`));
        watching(v, res.data.seq);
        resolve(v);
      });
    });
  });
}

/**
 * A light viewer: the same WebSocket connection, Socket.IO namespace connect and
 * `session:watch` as the Socket.IO client (so the server does exactly the same
 * work per viewer), spoken minimally over `ws`: engine.io's open and ping
 * packets, Socket.IO's CONNECT, one EVENT with an ack. A `session:events` frame
 * is not parsed: its seqs are read off the bytes (`"seq":` occurs only as an
 * event's own key — inside a JSON string a quote is escaped), which is what lets
 * 1,000 viewers share the server's two cores during a join storm without
 * spending more CPU than the server (docs/CAPACITY.md). Contiguity is checked as
 * for the full client.
 */
const SEQ_KEY = Buffer.from('"seq":');
const EVENTS_PREFIX = Buffer.from('42["session:events"');

function seqsOf(frame: Buffer): Array<{ seq: number }> {
  const out: Array<{ seq: number }> = [];
  for (let i = frame.indexOf(SEQ_KEY, EVENTS_PREFIX.length); i >= 0; i = frame.indexOf(SEQ_KEY, i)) {
    let j = i + SEQ_KEY.length;
    let n = 0;
    for (let c = frame[j]!; c >= 48 && c <= 57; c = frame[++j]!) n = n * 10 + (c - 48);
    out.push({ seq: n });
    i = j;
  }
  return out;
}

/**
 * `deflate`: offer permessage-deflate with client_max_window_bits, as Chrome does (ws inflates
 * what arrives compressed); "all": also compress every message this client sends, as Chrome does
 * once the extension is on (ws alone compresses only messages of 1 KB and more).
 */
type LightDeflate = boolean | "all";
function connectLight(url: string, sessionId: string, deflate: LightDeflate): Promise<Viewer> {
  return new Promise((resolve, reject) => {
    const perMessageDeflate = deflate === "all" ? { threshold: 0 } : deflate ? {} : false;
    const ws = new WebSocket(`${url.replace(/^http/, "ws")}/socket.io/?EIO=4&transport=websocket`, { perMessageDeflate });
    const v: Viewer = { snapSeq: null, early: [], last: 0, violations: 0, close: () => ws.close() };
    const timer = setTimeout(() => reject(new Error("light viewer: no watch ack within 60 s")), 60_000);
    ws.on("message", (data: Buffer) => {
      const kind = data[0];
      if (kind === 0x34 /* engine.io message */ && data.subarray(0, EVENTS_PREFIX.length).equals(EVENTS_PREFIX)) {
        receive(v, seqsOf(data), nowMs());
      } else if (kind === 0x32 /* engine.io ping */) {
        ws.send("3");
      } else if (kind === 0x30 /* engine.io open */) {
        ws.send("40");
      } else if (data.toString("latin1", 0, 2) === "40") {
        ws.send(`420${JSON.stringify(["session:watch", { sessionId }])}`);
      } else if (data.toString("latin1", 0, 3) === "430") {
        clearTimeout(timer);
        const [res] = JSON.parse(data.toString("utf8", 3)) as [Ack<WatchSnapshot>];
        if (!res.ok) return reject(new Error(`${res.error.code} ${res.error.message}`));
        watching(v, res.data.seq);
        resolve(v);
      } else if (data.toString("latin1", 0, 2) === "44") {
        reject(new Error(`connect refused: ${data.toString("utf8", 2)}`));
      }
    });
    ws.once("error", (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
}

function connectWs(url: string, fromSeq: number): Promise<Viewer> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { perMessageDeflate: false });
    const v: Viewer = { snapSeq: null, early: [], last: 0, violations: 0, close: () => ws.close() };
    ws.on("message", (data) => {
      // Same work as the Socket.IO client does for these frames: decode the text, parse the JSON.
      const [, events] = JSON.parse(data.toString().slice(2)) as [string, Pick<LiveEvent, "seq">[]];
      receive(v, events, nowMs());
    });
    ws.once("error", reject);
    ws.once("open", () => {
      watching(v, fromSeq);
      resolve(v);
    });
  });
}

async function connectMany(count: number, concurrency: number, connect: (i: number) => Promise<Viewer>): Promise<Message> {
  const started = nowMs();
  let failed = 0;
  const errors = new Map<string, number>();
  await pool(count, concurrency, async (i) => {
    try {
      viewers.push(await connect(i));
    } catch (e) {
      failed += 1;
      const key = e instanceof Error ? e.message : String(e);
      errors.set(key, (errors.get(key) ?? 0) + 1);
    }
  });
  return { connected: viewers.length, failed, errors: [...errors.entries()].slice(0, 5), ms: nowMs() - started };
}

function status(): Message {
  let minLast = Infinity;
  let maxLast = 0;
  let violations = 0;
  let violators = 0;
  for (const v of viewers) {
    minLast = Math.min(minLast, v.last);
    maxLast = Math.max(maxLast, v.last);
    violations += v.violations;
    if (v.violations > 0) violators += 1;
  }
  return { viewers: viewers.length, minLast: viewers.length ? minLast : 0, maxLast, violations, violators };
}

exitOnSigterm();
serveRequests({
  connectIo: (m) => {
    notify = Boolean(m.notify);
    return connectMany(m.count as number, m.concurrency as number, (i) =>
      connectIo(m.url as string, m.sessionId as string, Boolean(m.capture) && i === 0),
    );
  },
  connectLight: (m) => {
    notify = Boolean(m.notify);
    return connectMany(m.count as number, m.concurrency as number, () => connectLight(m.url as string, m.sessionId as string, (m.deflate ?? true) as LightDeflate));
  },
  connectWs: (m) => {
    notify = Boolean(m.notify);
    return connectMany(m.count as number, m.concurrency as number, () => connectWs(m.url as string, m.fromSeq as number));
  },
  status,
  /** Resolves when every viewer has received `seq` (or the timeout passes); `seqAt`: when the last of them did. */
  waitSeq: async (m) => {
    const seq = m.seq as number;
    const until = nowMs() + (m.timeoutMs as number);
    while (nowMs() < until && viewers.some((v) => v.last < seq)) await new Promise((r) => setTimeout(r, 20));
    const s = seen.get(seq);
    return { ...status(), seqAt: s && s.count === viewers.length ? s.lastAt : null };
  },
  closeAll: async () => {
    for (const v of viewers.splice(0)) v.close();
    seen.clear();
    await new Promise((r) => setTimeout(r, 200));
    return {};
  },
});
