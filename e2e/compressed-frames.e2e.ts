/**
 * Compressed broadcasts in a real browser (transport/shared-deflate.ts): the
 * voter page, through the app's own socket (long-polling, then the upgrade),
 * negotiates permessage-deflate, and Chromium inflates the join burst's large
 * `session:events` frames — deflated once on the server — into exactly the
 * text an iOS 15.2 phone, which is never offered compression, receives plain.
 * Both pages render every join of the burst, and no event is lost or doubled.
 */
import type { CDPSession, Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { DEFLATE_MIN_BYTES, deflateTotals } from "../server/src/transport/shared-deflate.ts";
import { connectClient, ok } from "../server/test/helpers/test-server.ts";
import { CHROMIUM, PHONE, openPage, todaysSession, type SessionSummary, type World, useWorld } from "./fixtures.ts";
import { eventually } from "./steps.ts";

const VENUE = "盛泽镇人大代表之家";
const IOS_15_2 = "Mozilla/5.0 (iPhone; CPU iPhone OS 15_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/15.2 Mobile/15E148 Safari/604.1";
const BURST = 30;

/** What the DevTools protocol saw of a page's Socket.IO WebSocket: the handshake's answer and every text frame, inflated. */
interface Wire {
  extensions: () => string | undefined;
  /** the client sent engine.io's "upgrade" packet: from here on the server sends over the WebSocket, not polling */
  upgraded: () => boolean;
  frames: string[];
}

/** Watches the page's WebSockets from before its first request, so the upgrade's handshake is seen too. */
async function recordWebSocket(cdp: CDPSession): Promise<Wire> {
  let headers: Record<string, string> | undefined;
  let upgraded = false;
  const frames: string[] = [];
  const ours = new Set<string>();
  cdp.on("Network.webSocketCreated", (e) => {
    if (e.url.includes("/socket.io/")) ours.add(e.requestId);
  });
  cdp.on("Network.webSocketHandshakeResponseReceived", (e) => {
    if (ours.has(e.requestId)) headers = e.response.headers;
  });
  cdp.on("Network.webSocketFrameReceived", (e) => {
    if (ours.has(e.requestId) && e.response.opcode === 1) frames.push(e.response.payloadData);
  });
  cdp.on("Network.webSocketFrameSent", (e) => {
    if (ours.has(e.requestId) && e.response.payloadData === "5") upgraded = true;
  });
  await cdp.send("Network.enable");
  const extensions = () => Object.entries(headers ?? {}).find(([name]) => name.toLowerCase() === "sec-websocket-extensions")?.[1];
  return { extensions, upgraded: () => upgraded, frames };
}

type LiveEvents = Array<{ seq: number }>;
function eventsOf(frame: string): LiveEvents {
  try {
    return (JSON.parse(frame.slice(2)) as [string, LiveEvents])[1];
  } catch {
    throw new Error(`the browser received a frame that is not Socket.IO JSON: ${frame.slice(0, 120)}…`);
  }
}
/** The `session:events` frames, in the order they arrived, from the one that carried `seq` on. */
function eventFramesFrom(frames: string[], seq: number): string[] {
  const events = frames.filter((f) => f.startsWith('42["session:events"'));
  const first = events.findIndex((f) => eventsOf(f).some((e) => e.seq === seq));
  return first < 0 ? [] : events.slice(first);
}
const seqsOf = (frames: string[]) => frames.flatMap((f) => eventsOf(f).map((e) => e.seq));

async function openVoterPage(world: World, name: string, sessionId: string, userAgent?: string): Promise<{ page: Page; wire: Wire }> {
  const { page, context } = await openPage(world, name, { ...PHONE, ...(userAgent ? { userAgent } : {}) });
  const wire = await recordWebSocket(await context.newCDPSession(page));
  await page.goto(`/s/${sessionId}`);
  await page.getByTestId("board-waiting").waitFor();
  await eventually(() => wire.upgraded()).toBe(true);
  return { page, wire };
}

/** `count` voters join at once: the server commits them together, so several share one broadcast frame. */
async function joinBurst(base: string, sessionId: string, count: number): Promise<Array<{ label: string; topic: string }>> {
  const voters = await Promise.all(Array.from({ length: count }, () => connectClient(base)));
  try {
    const joined = await Promise.all(
      voters.map((v, i) => ok(v, "queue:join", { sessionId, name: `王${i}`, phone: "13912345678", topic: `小区停车难（第 ${i} 位）`, isPublic: true })),
    );
    return joined.map(({ ticket }) => ({ label: ticket.label, topic: ticket.topic ?? "" }));
  } finally {
    for (const v of voters) v.disconnect();
  }
}

describe.skipIf(!CHROMIUM)("compressed broadcast frames in the browser", () => {
  const world = useWorld();
  let session: SessionSummary;

  beforeAll(async () => {
    session = await todaysSession(world.base, VENUE);
  });

  it("Chromium inflates the shared deflated frames; an iOS 15.2 phone gets the same text plain; both render the whole burst", async () => {
    const lastSeq = async () => (await world.server.db.receptionSession.findUniqueOrThrow({ where: { id: session.id } })).lastSeq;
    const modern = await openVoterPage(world, "chromium voter", session.id);
    const oldIphone = await openVoterPage(world, "iOS 15.2 voter", session.id, IOS_15_2);
    const pages = [modern, oldIphone];

    // One join first, seen on both WebSockets: where the burst's seqs start.
    await joinBurst(world.base, session.id, 1);
    const from = await lastSeq();
    for (const { wire } of pages) await eventually(() => eventFramesFrom(wire.frames, from).length).toBeGreaterThan(0);
    const count = async (page: Page) => Number((await page.getByTestId("board-waiting").textContent())?.replace(/\D/g, ""));
    const waitingBefore = await Promise.all(pages.map(({ page }) => count(page)));

    expect(modern.wire.extensions()).toContain("permessage-deflate");
    expect(modern.wire.extensions()).toContain("server_no_context_takeover");
    expect(oldIphone.wire.extensions() ?? "").not.toContain("permessage-deflate");

    const deflatedBefore = deflateTotals.frames;
    const joined = await joinBurst(world.base, session.id, BURST);
    const to = await lastSeq();
    for (const [i, { page, wire }] of pages.entries()) {
      // every join of the burst is on the page: the waiting count, and each public topic under its label
      await eventually(() => count(page)).toBe(waitingBefore[i]! + BURST);
      const shown = await page.getByTestId("public-topic").allTextContents();
      for (const { label, topic } of joined) expect(shown.some((t) => t.startsWith(label + topic)), `${label} ${topic} on the page`).toBe(true);
      // … and over the WebSocket, with contiguous seqs: nothing lost, nothing twice. (A page whose socket
      // failed on a bad frame still catches up, by reconnecting and replaying: the page alone proves nothing.)
      await expect
        .poll(() => seqsOf(eventFramesFrom(wire.frames, from)).at(-1), { timeout: 10_000, message: "the burst's last event arrived over the WebSocket" })
        .toBe(to);
      expect(seqsOf(eventFramesFrom(wire.frames, from))).toEqual(Array.from({ length: to - from + 1 }, (_, k) => from + k));
    }

    // The burst went out in large frames, each deflated once (for the Chromium page; the iPhone takes the plain one) …
    const received = eventFramesFrom(modern.wire.frames, from);
    const large = received.filter((f) => Buffer.byteLength(f) >= DEFLATE_MIN_BYTES);
    expect(large.length).toBeGreaterThan(0);
    expect(deflateTotals.frames - deflatedBefore).toBe(large.length);
    // … and Chromium inflated them into exactly the iPhone's text, frame for frame.
    expect(received).toEqual(eventFramesFrom(oldIphone.wire.frames, from));

    expect(world.errors).toEqual([]);
  });
});
