/**
 * Large broadcasts go out deflated once for every socket that negotiated
 * permessage-deflate (transport/shared-deflate.ts), checked on the wire: the
 * handshake's answer, each frame's RSV1 bit and length, and that the inflated
 * text is byte for byte what a socket without the extension receives.
 */
import { io as ioClient } from "socket.io-client";
import { describe, expect, it } from "vitest";
import { deflateTotals, DEFLATE_MIN_BYTES } from "../src/transport/shared-deflate.ts";
import { ok, type TestSocket } from "./helpers/test-server.ts";
import { useTestServer, type TestServerHandle } from "./helpers/use-test-server.ts";
import { watchOverRawWebSocket, type WireMessage } from "./helpers/raw-websocket.ts";

const CHROME_OFFER = "permessage-deflate; client_max_window_bits";
const IOS_15_2 = "Mozilla/5.0 (iPhone; CPU iPhone OS 15_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/15.2 Mobile/15E148 Safari/604.1";

/** `count` joins in flight at once, from as many voters: the lane commits them together, so they share frames. */
async function joinBurst(t: TestServerHandle, sessionId: string, count: number): Promise<void> {
  const voters: TestSocket[] = await Promise.all(Array.from({ length: count }, () => t.connect()));
  await Promise.all(
    voters.map((v, i) => ok(v, "queue:join", { sessionId, name: `王${"一二三四五六七八九十"[i % 10]}${i}`, phone: "13912345678", topic: "停车难", question: "小区门口的停车位不够，能否协调？", isPublic: i % 2 === 0 })),
  );
}

const offerParts = (header: string | undefined) => new Set(header?.split(";").map((p) => p.trim()));
const seqsOf = (messages: WireMessage[]) => messages.flatMap((m) => (JSON.parse(m.text.slice(2)) as [string, Array<{ seq: number }>])[1].map((e) => e.seq));

describe("broadcasts deflated once (WS_DEFLATE on, the default)", () => {
  const t = useTestServer({ perTest: true });

  it("sends a burst's large frames compressed to a socket that negotiated it, decoding to exactly what a plain socket gets", async () => {
    const sessionId = t.world.shengze.sessionId;
    const deflating = await watchOverRawWebSocket(t.url, sessionId, { extensions: CHROME_OFFER });
    const plain = await watchOverRawWebSocket(t.url, sessionId);
    expect(offerParts(deflating.headers["sec-websocket-extensions"])).toEqual(
      new Set(["permessage-deflate", "server_no_context_takeover", "client_no_context_takeover", "client_max_window_bits=10"]),
    );
    expect(plain.headers["sec-websocket-extensions"]).toBeUndefined();

    const before = deflateTotals.frames;
    await joinBurst(t, sessionId, 20);
    const lastSeq = async () => (await t.db.receptionSession.findUniqueOrThrow({ where: { id: sessionId } })).lastSeq;
    const target = await lastSeq();
    const reached = (w: typeof plain) => () => seqsOf(w.events()).at(-1) === target;
    await deflating.until(reached(deflating));
    await plain.until(reached(plain));

    const big = deflating.events().filter((m) => Buffer.byteLength(m.text) >= DEFLATE_MIN_BYTES);
    expect(big.length).toBeGreaterThan(0);
    for (const m of deflating.events()) expect(m.compressed).toBe(Buffer.byteLength(m.text) >= DEFLATE_MIN_BYTES);
    expect(plain.events().every((m) => !m.compressed)).toBe(true);
    // the same frames, in the same order, to the byte
    expect(deflating.events().map((m) => m.text)).toEqual(plain.events().map((m) => m.text));
    expect(seqsOf(deflating.events())).toEqual(Array.from({ length: target }, (_, i) => i + 1));
    // and smaller on the wire: similar events compress well
    const wire = big.reduce((n, m) => n + m.wireBytes, 0);
    const text = big.reduce((n, m) => n + Buffer.byteLength(m.text), 0);
    expect(wire).toBeLessThan(text / 3);
    // the viewers' projection, compressed or not: a masked name, no phone, no question
    expect(deflating.events().map((m) => m.text).join("")).not.toMatch(/13912345678|停车位不够|王一0/);
    // one deflate per broadcast frame, however many sockets took it (here one)
    expect(deflateTotals.frames - before).toBe(big.length);

    const metrics = await (await fetch(`${t.url}/metrics`)).text();
    expect(metrics).toMatch(/tongxin_broadcast_deflate_bytes_total\{form="deflated"[^}]*\} [1-9]/);
    deflating.close();
    plain.close();
  });

  it("deflates a frame once for all the sockets that take it", async () => {
    const sessionId = t.world.shengze.sessionId;
    const watchers = await Promise.all(Array.from({ length: 5 }, () => watchOverRawWebSocket(t.url, sessionId, { extensions: CHROME_OFFER })));
    const before = deflateTotals.frames;
    await joinBurst(t, sessionId, 20);
    const target = (await t.db.receptionSession.findUniqueOrThrow({ where: { id: sessionId } })).lastSeq;
    for (const w of watchers) await w.until(() => seqsOf(w.events()).at(-1) === target);
    const compressed = watchers[0]!.events().filter((m) => m.compressed).length;
    expect(compressed).toBeGreaterThan(0);
    for (const w of watchers) expect(w.events().filter((m) => m.compressed).length).toBe(compressed);
    expect(deflateTotals.frames - before).toBe(compressed);
    for (const w of watchers) w.close();
  });

  it("takes compressed messages from a client that compresses everything it sends, as Chrome does", async () => {
    const sessionId = t.world.shengze.sessionId;
    // threshold 0: every message deflated, with the 1 KB window the server asked for
    const staff: TestSocket = ioClient(t.url, { transports: ["websocket"], auth: { token: t.world.tokens.staffShengze }, perMessageDeflate: { threshold: 0 }, reconnection: false, forceNew: true });
    await new Promise<void>((resolve, reject) => {
      staff.once("connect", () => resolve());
      staff.once("connect_error", reject);
    });
    try {
      // negotiated, so this client really sends its messages deflated (ws's own socket under socket.io-client)
      const ws = (staff.io.engine.transport as unknown as { ws: { _extensions: Record<string, unknown> } }).ws;
      expect(Object.keys(ws._extensions)).toEqual(["permessage-deflate"]);
      // ~15 KB of UTF-8: many of the inflater's 1 KB output chunks
      const text = "群众反映小区门口停车位不够，早晚高峰车辆乱停，影响通行和安全。".repeat(160);
      const { entry } = await ok(staff, "transcript:append", { sessionId, kind: "NOTE", speakerRole: "STAFF", text, visibility: "STAFF" });
      expect((await t.db.transcriptEntry.findUniqueOrThrow({ where: { id: entry.id } })).text).toBe(text);
    } finally {
      staff.disconnect();
    }
  });

  it("compresses after the usual polling → WebSocket upgrade too", async () => {
    const sessionId = t.world.shengze.sessionId;
    const upgraded = await watchOverRawWebSocket(t.url, sessionId, { extensions: CHROME_OFFER, upgradeFromPolling: true });
    expect(upgraded.headers["sec-websocket-extensions"]).toContain("permessage-deflate");
    await joinBurst(t, sessionId, 20);
    const target = (await t.db.receptionSession.findUniqueOrThrow({ where: { id: sessionId } })).lastSeq;
    await upgraded.until(() => seqsOf(upgraded.events()).at(-1) === target);
    expect(upgraded.events().some((m) => m.compressed)).toBe(true);
    expect(seqsOf(upgraded.events())).toEqual(Array.from({ length: target }, (_, i) => i + 1));
    upgraded.close();
  });

  it("gives plain frames, not a refused WebSocket, to Safari 15.0–15.3 (which fails on compressed ones) and to a client that cannot shrink its window", async () => {
    const sessionId = t.world.shengze.sessionId;
    const oldIphone = await watchOverRawWebSocket(t.url, sessionId, { extensions: CHROME_OFFER, userAgent: IOS_15_2 });
    const oldIphoneUpgraded = await watchOverRawWebSocket(t.url, sessionId, { extensions: CHROME_OFFER, userAgent: IOS_15_2, upgradeFromPolling: true });
    // Firefox offers permessage-deflate without client_max_window_bits: ws alone would answer 400
    const firefoxStyle = await watchOverRawWebSocket(t.url, sessionId, { extensions: "permessage-deflate" });
    const firefoxUpgraded = await watchOverRawWebSocket(t.url, sessionId, { extensions: "permessage-deflate", upgradeFromPolling: true });
    const all = [oldIphone, oldIphoneUpgraded, firefoxStyle, firefoxUpgraded];
    for (const w of all) expect(w.headers["sec-websocket-extensions"]).toBeUndefined();
    await joinBurst(t, sessionId, 12);
    const target = (await t.db.receptionSession.findUniqueOrThrow({ where: { id: sessionId } })).lastSeq;
    for (const w of all) {
      await w.until(() => seqsOf(w.events()).at(-1) === target);
      expect(w.events().some((m) => m.compressed)).toBe(false);
      expect(seqsOf(w.events())).toEqual(Array.from({ length: target }, (_, i) => i + 1));
      w.close();
    }
  });
});

describe("WS_DEFLATE=0", () => {
  const t = useTestServer({ perTest: true, config: { wsDeflate: false } });

  it("negotiates no compression and sends every frame plain", async () => {
    const sessionId = t.world.shengze.sessionId;
    const w = await watchOverRawWebSocket(t.url, sessionId, { extensions: CHROME_OFFER });
    expect(w.headers["sec-websocket-extensions"]).toBeUndefined();
    await joinBurst(t, sessionId, 12);
    const target = (await t.db.receptionSession.findUniqueOrThrow({ where: { id: sessionId } })).lastSeq;
    await w.until(() => seqsOf(w.events()).at(-1) === target);
    expect(w.events().some((m) => m.compressed)).toBe(false);
    expect(w.events().some((m) => Buffer.byteLength(m.text) >= DEFLATE_MIN_BYTES)).toBe(true);
    w.close();
  });
});
