import { randomBytes } from "node:crypto";
import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import { brokenDeflateClient, deflatedFrameFor, deflateMessage, DEFLATE_MIN_BYTES, sharedDeflateBits, withholdDeflateFrom } from "./shared-deflate.ts";

const inflate = (body: Buffer) => zlib.inflateRawSync(Buffer.concat([body, Buffer.from([0, 0, 0xff, 0xff])]), { finishFlush: zlib.constants.Z_SYNC_FLUSH });
/** A pre-encoded frame as Socket.IO's adapter makes it: [header, payload]. */
const preEncoded = (payload: Buffer) => ({ wsPreEncodedFrame: [Buffer.from([0x81, 126, payload.length >> 8, payload.length & 0xff]), payload] });

/** Reads an unmasked frame's header: RSV1 and the payload length, and where the payload starts. */
function readHeader(h: Buffer): { fin: boolean; rsv1: boolean; opcode: number; length: number } {
  const l = h[1]! & 0x7f;
  const length = l === 126 ? h.readUInt16BE(2) : l === 127 ? Number(h.readBigUInt64BE(2)) : l;
  return { fin: (h[0]! & 0x80) !== 0, rsv1: (h[0]! & 0x40) !== 0, opcode: h[0]! & 0x0f, length };
}

describe("brokenDeflateClient", () => {
  it.each([
    ["Mozilla/5.0 (iPhone; CPU iPhone OS 15_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/15.0 Mobile/15E148 Safari/604.1", true],
    ["Mozilla/5.0 (iPhone; CPU iPhone OS 15_3_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/15.3 Mobile/15E148 Safari/604.1", true],
    ["Mozilla/5.0 (iPad; CPU OS 15_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/15.2 Mobile/15E148 Safari/604.1", true],
    // WeChat's WebView on iOS 15.1: no "Version/", but the same WebKit
    ["Mozilla/5.0 (iPhone; CPU iPhone OS 15_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.16(0x18001033) NetType/WIFI Language/zh_CN", true],
    ["Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/15.2 Safari/605.1.15", true],
    ["Mozilla/5.0 (iPhone; CPU iPhone OS 15_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/15.4 Mobile/15E148 Safari/604.1", false],
    ["Mozilla/5.0 (iPhone; CPU iPhone OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.6 Mobile/15E148 Safari/604.1", false],
    ["Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/15.6 Safari/605.1.15", false],
    ["Mozilla/5.0 (Linux; Android 12; V2134A) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/100.0.4896.127 Mobile Safari/537.36", false],
    ["", false],
  ])("%s → %s", (ua, broken) => {
    expect(brokenDeflateClient(ua)).toBe(broken);
  });
});

describe("withholdDeflateFrom", () => {
  it("keeps an offer the server can accept and drops the others before ws reads them", () => {
    const chrome = { headers: { "sec-websocket-extensions": "permessage-deflate; client_max_window_bits" } as Record<string, string | undefined> };
    const firefox = { headers: { "sec-websocket-extensions": "permessage-deflate" } as Record<string, string | undefined> };
    withholdDeflateFrom(chrome);
    withholdDeflateFrom(firefox);
    expect(chrome.headers["sec-websocket-extensions"]).toBe("permessage-deflate; client_max_window_bits");
    expect("sec-websocket-extensions" in firefox.headers).toBe(false);
  });
});

describe("deflateMessage", () => {
  it("gives what a receiver inflates back to the same bytes, without the sync flush's final 00 00 ff ff", () => {
    const text = Buffer.from(JSON.stringify(Array.from({ length: 200 }, (_, i) => ({ seq: i, type: "ticket.joined", data: { label: `W${i}`, name: "王*" } }))));
    const body = deflateMessage(text, 15);
    expect(body.subarray(-4).equals(Buffer.from([0, 0, 0xff, 0xff]))).toBe(false);
    expect(inflate(body).equals(text)).toBe(true);
    expect(body.length).toBeLessThan(text.length / 5);
    // a smaller negotiated window still decodes
    expect(inflate(deflateMessage(text, 9)).equals(text)).toBe(true);
  });
});

describe("sharedDeflateBits", () => {
  it("is the negotiated window when the server may not keep context, and null otherwise", () => {
    expect(sharedDeflateBits(undefined)).toBeNull();
    expect(sharedDeflateBits({ _extensions: {} })).toBeNull();
    expect(sharedDeflateBits({ _extensions: { "permessage-deflate": { params: {} } } })).toBeNull();
    expect(sharedDeflateBits({ _extensions: { "permessage-deflate": { params: { server_no_context_takeover: true } } } })).toBe(15);
    expect(sharedDeflateBits({ _extensions: { "permessage-deflate": { params: { server_no_context_takeover: true, server_max_window_bits: 10 } } } })).toBe(10);
    expect(sharedDeflateBits({ _extensions: { "permessage-deflate": { params: { server_no_context_takeover: true, server_max_window_bits: 8 } } } })).toBeNull();
  });
});

describe("deflatedFrameFor", () => {
  it("makes one compressed text frame per broadcast and window, and none for a small frame", () => {
    const payload = Buffer.from(`42["session:events",${JSON.stringify(Array.from({ length: 200 }, (_, seq) => ({ seq, type: "ticket.joined" })))}]`);
    const options = preEncoded(payload);
    const frame = deflatedFrameFor(options, 15)!;
    expect(frame).toHaveLength(2);
    const header = readHeader(frame[0]!);
    expect(header).toEqual({ fin: true, rsv1: true, opcode: 1, length: frame[1]!.length });
    expect(inflate(frame[1]!).equals(payload)).toBe(true);
    expect(deflatedFrameFor(options, 15)).toBe(frame); // the same buffers for the next socket
    expect(deflatedFrameFor(options, 10)).not.toBe(frame);
    expect(deflatedFrameFor(preEncoded(Buffer.alloc(DEFLATE_MIN_BYTES - 1, 97)), 15)).toBeNull();
    expect(deflatedFrameFor({}, 15)).toBeNull();
  });

  it("writes 16- and 64-bit lengths as RFC 6455 says", () => {
    // random bytes barely compress: the body stays about as long as the payload
    for (const size of [4_000, 70_000, 200_000]) {
      const payload = Buffer.from(randomBytes(size).toString("base64"));
      const frame = deflatedFrameFor(preEncoded(payload), 15)!;
      const header = readHeader(frame[0]!);
      expect(header.length).toBe(frame[1]!.length);
      expect(frame[0]!.length).toBe(frame[1]!.length < 126 ? 2 : frame[1]!.length < 65_536 ? 4 : 10);
      expect(inflate(frame[1]!).equals(payload)).toBe(true);
    }
  });
});
