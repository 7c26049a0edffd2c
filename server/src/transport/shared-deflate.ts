/**
 * Compressed broadcasts, compressed once (docs/ARCHITECTURE.md §8, "Frames on the wire").
 *
 * A join storm's `session:events` frames carry a few hundred similar events
 * (~80 KB); sent as they are to every viewer, the send loop's writes were half
 * of the server's CPU and a phone on 3G took seconds to receive one. With
 * permessage-deflate (RFC 7692) and `server_no_context_takeover`, every
 * compressed message stands alone, so one deflated copy of a broadcast frame
 * is valid for every socket that negotiated the extension: it is deflated once
 * per broadcast (~0.3 ms for 80 KB, ~11× smaller) instead of once per socket,
 * which is why Socket.IO leaves compression off by default.
 *
 * How: Socket.IO's adapter already encodes each broadcast once, as a
 * ready-made WebSocket frame in the packet's options, shared by all the
 * room's sockets (`wsPreEncodedFrame`). Engine.io's WebSocket transport sends
 * that frame as it is. Its `send` is wrapped here: for a socket that
 * negotiated the extension, it sends the deflated frame instead. The deflated
 * frame is made the first time a socket needs it and kept with the broadcast's
 * options. Everything else a socket is sent (acks, snapshots) stays uncompressed,
 * so ws never keeps a deflate context per socket (threshold ∞).
 * A socket without the extension (old Safari, Firefox, long-polling) gets the
 * plain frame: the bytes decode to the same text either way, and the contract is unchanged.
 */
import { createRequire } from "node:module";
import zlib from "node:zlib";

/**
 * Frames smaller than this go out plain: bursts are what compression is for.
 * A frame of one or a few events (0.5–2 KB) costs the server one write per
 * socket whatever its size, saves each viewer a few hundred bytes, and costs
 * every receiver an inflate — for Node's ws a job on the thread pool: at 5,000
 * viewers per process, compressing 1 KB frames delayed the last viewer's
 * receipt from ~0.2 s to ~1 s (bench/NOTES.md §8).
 */
export const DEFLATE_MIN_BYTES = 4096;
/**
 * The window the *client* compresses its own messages with. A browser that
 * negotiates compression compresses everything it sends, and the server keeps
 * one inflater per such socket: 2^10 bytes of window instead of 32 KB keeps a
 * viewer's memory small. A client that cannot shrink its window (Firefox)
 * gets no compression (see withholdDeflateFrom): correct, only larger.
 */
const CLIENT_WINDOW_BITS = 10;

/** Socket.IO's `perMessageDeflate` option: negotiate, but let ws compress nothing itself. */
export function perMessageDeflateOption(enabled: boolean) {
  if (!enabled) return false as const;
  return {
    threshold: Number.POSITIVE_INFINITY,
    serverNoContextTakeover: true,
    clientNoContextTakeover: true,
    clientMaxWindowBits: CLIENT_WINDOW_BITS,
    // Node's inflater allocates its output chunk up front (16 KB by default): a client's
    // messages are small, so 1 KB chunks keep an idle browser viewer ~15 KB lighter.
    zlibInflateOptions: { chunkSize: 1024 },
  };
}

/**
 * Safari 15.0–15.3 (and every iOS 15.0–15.3 WebView, WeChat's included)
 * negotiate permessage-deflate and then fail on compressed messages from the
 * server (fixed in 15.4; uNetworking/uWebSockets#1347): they are not offered it.
 */
export function brokenDeflateClient(userAgent: string | undefined): boolean {
  if (!userAgent) return false;
  // iOS: "CPU iPhone OS 15_3_1 like Mac OS X" (every iOS browser is WebKit); macOS Safari: "Version/15.2 Safari/…"
  return /\bOS 15_[0-3](?!\d)|\bVersion\/15\.[0-3](?!\d)/.test(userAgent);
}

/**
 * Runs on every WebSocket upgrade request before ws reads it (a listener
 * prepended to the HTTP server's "upgrade"), so it also covers the usual
 * polling → WebSocket upgrade, which engine.io's allowRequest never sees.
 * ws answers 400 — no WebSocket at all — to an offer it cannot accept; ours
 * asks for a small client window, which a client can only grant if it offers
 * client_max_window_bits. Any other offer, and a client known to break on
 * compressed frames, is dropped, and that client gets plain frames.
 */
export function withholdDeflateFrom(req: { headers: Record<string, string | string[] | undefined> }): void {
  const offer = req.headers["sec-websocket-extensions"];
  if (offer === undefined) return;
  if (brokenDeflateClient(req.headers["user-agent"] as string | undefined) || !String(offer).includes("client_max_window_bits")) {
    delete req.headers["sec-websocket-extensions"];
  }
}

/** What the wrapped transports have sent, for /metrics. */
export const deflateTotals = { frames: 0, plainBytes: 0, deflatedBytes: 0 };

/** RFC 6455 §5.2: FIN, RSV1 (compressed), text opcode, unmasked length. */
function compressedFrameHeader(length: number): Buffer {
  if (length < 126) return Buffer.from([0xc1, length]);
  if (length < 65_536) {
    const h = Buffer.alloc(4);
    h[0] = 0xc1;
    h[1] = 126;
    h.writeUInt16BE(length, 2);
    return h;
  }
  const h = Buffer.alloc(10);
  h[0] = 0xc1;
  h[1] = 127;
  h.writeBigUInt64BE(BigInt(length), 2);
  return h;
}

/** One message as RFC 7692 §7.2.1 sends it: deflated, flushed, the final 00 00 ff ff removed. */
export function deflateMessage(payload: Buffer, windowBits: number): Buffer {
  const out = zlib.deflateRawSync(payload, { level: 1, windowBits, finishFlush: zlib.constants.Z_SYNC_FLUSH });
  return out.subarray(0, out.length - 4);
}

/** A ready WebSocket frame as ws's Sender.frame builds it: [header, payload]. */
export type Frame = Buffer[];
/** A broadcast's packet options, shared by the room's sockets; Socket.IO puts the plain frame in it. */
export interface PacketOptions {
  wsPreEncodedFrame?: Frame;
}
interface Packet {
  options?: PacketOptions;
}
/** The part of ws's WebSocket the choice reads: the negotiated extension's parameters. */
interface NegotiatedSocket {
  _extensions?: Record<string, { params?: Record<string, unknown> } | undefined>;
}

/** The window the server may compress with for this socket, or null when it must send plain frames. */
export function sharedDeflateBits(socket: NegotiatedSocket | undefined): number | null {
  const params = socket?._extensions?.["permessage-deflate"]?.params;
  if (!params?.server_no_context_takeover) return null;
  const bits = typeof params.server_max_window_bits === "number" ? params.server_max_window_bits : 15;
  // raw deflate cannot use a 256-byte window (zlib makes it 512): plain is always correct
  return bits >= 9 ? bits : null;
}

/** Socket.IO's pre-encoded frame is [header, payload] (unmasked, built by ws's Sender.frame). */
function worthDeflating(plain: Frame): boolean {
  return plain.length === 2 && plain[1]!.length >= DEFLATE_MIN_BYTES;
}

// Per broadcast (its options object, shared by the room's sockets) and window size.
const deflated = new WeakMap<PacketOptions, Map<number, Frame>>();

/** The broadcast's frame for a socket that compresses with `bits`, deflated at most once per broadcast. */
export function deflatedFrameFor(options: PacketOptions, bits: number): Frame | null {
  const plain = options.wsPreEncodedFrame;
  if (!plain || !worthDeflating(plain)) return null;
  let byBits = deflated.get(options);
  if (!byBits) deflated.set(options, (byBits = new Map()));
  let frame = byBits.get(bits);
  if (!frame) {
    const body = deflateMessage(plain[1]!, bits);
    frame = [compressedFrameHeader(body.length), body];
    byBits.set(bits, frame);
    deflateTotals.frames += 1;
    deflateTotals.plainBytes += plain[1]!.length;
    deflateTotals.deflatedBytes += body.length;
  }
  return frame;
}

/**
 * The deflated copy of a broadcast's frame for this socket, when it negotiated the
 * extension and the frame is large enough; null when it gets the plain frame.
 */
export function deflatedFrameForSocket(socket: NegotiatedSocket | undefined, options: PacketOptions): Frame | null {
  // The broadcast's size before the socket's extension: most frames are too small to deflate,
  // and for them no socket's extension is read in the send loop.
  const plain = options.wsPreEncodedFrame;
  if (!plain || !worthDeflating(plain)) return null;
  const bits = sharedDeflateBits(socket);
  return bits === null ? null : deflatedFrameFor(options, bits);
}

interface TransportPrototype {
  send(this: { socket?: NegotiatedSocket; perMessageDeflate?: { threshold?: number } | null }, packets: Packet[]): void;
  [WRAPPED]?: true;
}
const WRAPPED = Symbol.for("tongxin.sharedDeflate");

/**
 * Wraps engine.io's WebSocket transport once per process (every app in it
 * shares the class). Sockets that did not negotiate the extension — and every
 * socket while WS_DEFLATE=0, since nothing is negotiated then — go through the original untouched.
 */
export function installSharedDeflate(): void {
  const require = createRequire(import.meta.url);
  const proto = (require("engine.io") as { transports: { websocket: { prototype: TransportPrototype } } }).transports.websocket.prototype;
  if (proto[WRAPPED]) return;
  const send = proto.send;
  proto.send = function (packets) {
    // Engine.io turns its pre-encoded-frame shortcut off on every socket once perMessageDeflate
    // is configured, since ws might compress what it sends. With our option ws compresses
    // nothing (threshold ∞), so the shared plain frame is exactly what ws would send: keep it on.
    if (this.perMessageDeflate?.threshold === Number.POSITIVE_INFINITY) this.perMessageDeflate = null;
    if (sharedDeflateBits(this.socket) !== null) {
      packets = packets.map((p) => {
        const frame = p.options && deflatedFrameForSocket(this.socket, p.options);
        return frame ? { ...p, options: { ...p.options, wsPreEncodedFrame: frame } } : p;
      });
    }
    send.call(this, packets);
  };
  proto[WRAPPED] = true;
}
