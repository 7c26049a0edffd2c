/**
 * A WebSocket client written out by hand over TCP, for tests that check the
 * bytes on the wire: the handshake's answer headers and each frame's RSV1
 * (compressed) bit and length, which ws and socket.io-client hide. It speaks
 * just enough Engine.IO/Socket.IO to watch a session: answers pings,
 * connects the namespace, sends `session:watch` and waits for its ack.
 */
import { randomBytes } from "node:crypto";
import net from "node:net";
import zlib from "node:zlib";

export interface WireMessage {
  /** RSV1: the server deflated this message (RFC 7692) */
  compressed: boolean;
  /** the frame's payload length on the wire */
  wireBytes: number;
  /** the message's text, inflated when it was compressed */
  text: string;
}

export interface RawWebSocket {
  /** the handshake answer's headers, lower-case names */
  headers: Record<string, string>;
  messages: WireMessage[];
  /** `session:events` messages so far */
  events(): WireMessage[];
  /** resolves when `predicate` holds for the messages received (or rejects after `ms`) */
  until(predicate: (messages: WireMessage[]) => boolean, ms?: number): Promise<void>;
  close(): void;
}

export interface RawWebSocketOptions {
  /** the Sec-WebSocket-Extensions offer, e.g. "permessage-deflate; client_max_window_bits" */
  extensions?: string;
  userAgent?: string;
  /**
   * Start on long-polling and upgrade, as Socket.IO's browser client does by
   * default: the namespace is connected over polling, then the WebSocket
   * (with the session id) is probed and upgraded to.
   */
  upgradeFromPolling?: boolean;
}

/** The polling handshake and the namespace CONNECT; returns the engine.io session id. */
async function pollingHandshake(url: string, userAgent?: string): Promise<string> {
  const headers = userAgent ? { "user-agent": userAgent } : undefined;
  const open = await (await fetch(`${url}/socket.io/?EIO=4&transport=polling`, { headers })).text();
  const sid = (JSON.parse(open.slice(1)) as { sid: string }).sid;
  const sent = await fetch(`${url}/socket.io/?EIO=4&transport=polling&sid=${sid}`, { method: "POST", body: "40", headers });
  if (!sent.ok) throw new Error(`raw websocket: polling CONNECT answered ${sent.status}`);
  return sid;
}

/** Client frames must be masked (RFC 6455 §5.3). */
function clientFrame(text: string): Buffer {
  const payload = Buffer.from(text);
  const mask = randomBytes(4);
  const len = payload.length;
  const head = len < 126 ? Buffer.from([0x81, 0x80 | len]) : Buffer.from([0x81, 0x80 | 126, len >> 8, len & 0xff]);
  const body = Buffer.alloc(len);
  for (let i = 0; i < len; i++) body[i] = payload[i]! ^ mask[i % 4]!;
  return Buffer.concat([head, mask, body]);
}

function inflate(body: Buffer): Buffer {
  // RFC 7692 §7.2.2: the receiver appends the 00 00 ff ff the sender removed.
  return zlib.inflateRawSync(Buffer.concat([body, Buffer.from([0, 0, 0xff, 0xff])]), { finishFlush: zlib.constants.Z_SYNC_FLUSH });
}

/** Opens `/socket.io/` as a WebSocket and watches `sessionId` (resolves after the watch ack). */
export async function watchOverRawWebSocket(url: string, sessionId: string, opts: RawWebSocketOptions = {}): Promise<RawWebSocket> {
  const sid = opts.upgradeFromPolling ? await pollingHandshake(url, opts.userAgent) : null;
  const { hostname, port } = new URL(url);
  const socket = net.connect(Number(port), hostname);
  const messages: WireMessage[] = [];
  const waiters = new Set<() => void>();
  let headers: Record<string, string> | null = null;
  let buffered = Buffer.alloc(0);

  return new Promise((resolve, reject) => {
    const fail = (e: Error) => {
      socket.destroy();
      reject(e);
    };
    const timer = setTimeout(() => fail(new Error("raw websocket: no watch ack within 5 s")), 5_000);
    const handle: RawWebSocket = {
      get headers() {
        return headers ?? {};
      },
      messages,
      events: () => messages.filter((m) => m.text.startsWith('42["session:events"')),
      until(predicate, ms = 5_000) {
        if (predicate(messages)) return Promise.resolve();
        return new Promise((ok, ko) => {
          const t = setTimeout(() => {
            waiters.delete(check);
            ko(new Error(`raw websocket: condition not met within ${ms} ms (${messages.length} messages)`));
          }, ms);
          const check = () => {
            if (!predicate(messages)) return;
            clearTimeout(t);
            waiters.delete(check);
            ok();
          };
          waiters.add(check);
        });
      },
      close: () => socket.destroy(),
    };

    const onMessage = (m: WireMessage) => {
      messages.push(m);
      if (m.text.startsWith("0")) socket.write(clientFrame("40"));
      else if (m.text === "3probe") socket.write(clientFrame("5"));
      else if (m.text === "2") socket.write(clientFrame("3"));
      else if (m.text.startsWith("40")) socket.write(clientFrame(`420${JSON.stringify(["session:watch", { sessionId }])}`));
      else if (m.text.startsWith("430")) {
        clearTimeout(timer);
        resolve(handle);
      }
      for (const w of [...waiters]) w();
    };

    socket.on("error", fail);
    socket.on("data", (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk]);
      if (!headers) {
        const end = buffered.indexOf("\r\n\r\n");
        if (end < 0) return;
        const [status, ...lines] = buffered.subarray(0, end).toString("latin1").split("\r\n");
        if (!status!.includes(" 101 ")) return fail(new Error(`raw websocket: handshake answered ${status}`));
        headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(":")).toLowerCase(), l.slice(l.indexOf(":") + 1).trim()]));
        buffered = buffered.subarray(end + 4);
        if (sid) socket.write(clientFrame("2probe"));
      }
      // Server frames: unmasked; Socket.IO's are never fragmented.
      for (;;) {
        if (buffered.length < 2) return;
        const rsv1 = (buffered[0]! & 0x40) !== 0;
        let len = buffered[1]! & 0x7f;
        let offset = 2;
        if (len === 126) {
          if (buffered.length < 4) return;
          len = buffered.readUInt16BE(2);
          offset = 4;
        } else if (len === 127) {
          if (buffered.length < 10) return;
          len = Number(buffered.readBigUInt64BE(2));
          offset = 10;
        }
        if (buffered.length < offset + len) return;
        const body = buffered.subarray(offset, offset + len);
        buffered = buffered.subarray(offset + len);
        onMessage({ compressed: rsv1, wireBytes: len, text: (rsv1 ? inflate(body) : body).toString("utf8") });
      }
    });
    socket.on("connect", () => {
      const lines = [
        `GET /socket.io/?EIO=4&transport=websocket${sid ? `&sid=${sid}` : ""} HTTP/1.1`,
        `Host: ${hostname}:${port}`,
        "Upgrade: websocket",
        "Connection: Upgrade",
        `Sec-WebSocket-Key: ${randomBytes(16).toString("base64")}`,
        "Sec-WebSocket-Version: 13",
        ...(opts.extensions ? [`Sec-WebSocket-Extensions: ${opts.extensions}`] : []),
        ...(opts.userAgent ? [`User-Agent: ${opts.userAgent}`] : []),
      ];
      socket.write(`${lines.join("\r\n")}\r\n\r\n`);
    });
  });
}
