/**
 * A room's session frames sent a slice per turn of the event loop
 * (transport/room-frames.ts): a real Socket.IO server and real clients, with
 * a slice of 0 ms so that every few sockets the send yields. Other work runs
 * before the frame's last socket is written; a room's frames arrive in order,
 * those that waited behind a send merged into one; a socket that joins during
 * a send gets the next frame, one that leaves is skipped; closing sends what
 * is queued at once.
 */
import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Server } from "socket.io";
import { io as ioClient, type Socket as ClientSocket } from "socket.io-client";
import { afterEach, describe, expect, it } from "vitest";
import { RoomFrames, type FrameSent, type SessionPacket } from "../src/transport/room-frames.ts";

const ROOM = "s:room-frames-test:public";
const EVENT_PACKET_TYPE = 2;

interface Watcher {
  client: ClientSocket;
  /** the seqs of each frame received, frame by frame */
  frames: number[][];
}

interface Started {
  io: Server;
  http: HttpServer;
  frames: RoomFrames;
  sent: FrameSent[];
  watchers: Watcher[];
}

const running: Started[] = [];

/** A server whose room holds `n` watchers, and a RoomFrames on its adapter that yields every few sockets. */
async function start(n: number): Promise<Started> {
  const http = createServer();
  const io = new Server(http);
  io.on("connection", (s) => {
    if (s.handshake.auth.watch) void s.join(ROOM);
  });
  await new Promise<void>((r) => http.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  const frames = new RoomFrames(io.of("/").adapter, 0);
  const sent: FrameSent[] = [];
  frames.onSent((s) => sent.push(s));
  const started: Started = { io, http, frames, sent, watchers: [] };
  running.push(started);
  started.watchers = await Promise.all(Array.from({ length: n }, () => watcher(url)));
  return started;
}

async function watcher(url: string, watch = true): Promise<Watcher> {
  const client = ioClient(url, { transports: ["websocket"], auth: { watch } });
  const w: Watcher = { client, frames: [] };
  client.on("session:events", (events: Array<{ seq: number }>) => w.frames.push(events.map((e) => e.seq)));
  await new Promise<void>((resolve, reject) => {
    client.once("connect", () => resolve());
    client.once("connect_error", reject);
  });
  return w;
}

const packet = (...seqs: number[]): SessionPacket => ({ type: EVENT_PACKET_TYPE, data: ["session:events", seqs.map((seq) => ({ seq, type: "ticket.joined" }))] });

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  if (!check()) throw new Error(`timed out waiting for ${what}`);
}

afterEach(async () => {
  for (const s of running.splice(0)) {
    for (const w of s.watchers) w.client.close();
    await new Promise<void>((r) => s.io.close(() => r()));
  }
});

describe("a room's session frames, a slice per turn", () => {
  it("lets other work run before the frame's last socket is written, and every socket gets it once", async () => {
    const s = await start(40);
    // work already waiting for the event loop when the frame is given
    const sentWhenOtherWorkRan = new Promise<number>((resolve) => setImmediate(() => resolve(s.sent.length)));
    s.frames.send(ROOM, packet(1));
    expect(s.sent).toHaveLength(0);
    expect(await sentWhenOtherWorkRan).toBe(0);
    await until(() => s.sent.length === 1, "the frame's last socket");
    expect(s.sent[0]).toMatchObject({ room: ROOM, sockets: 40 });
    expect(s.sent[0]!.endedAt).toBeGreaterThan(s.sent[0]!.startedAt);
    await until(() => s.watchers.every((w) => w.frames.length === 1), "every watcher's frame");
    for (const w of s.watchers) expect(w.frames).toEqual([[1]]);
  });

  it("sends a room's frames in order, merging those that waited behind a send", async () => {
    const s = await start(40);
    s.frames.send(ROOM, packet(1));
    s.frames.send(ROOM, packet(2));
    s.frames.send(ROOM, packet(3, 4));
    s.frames.send(ROOM, packet(5));
    await until(() => s.sent.length === 2, "both sends");
    await until(() => s.watchers.every((w) => w.frames.length === 2), "every watcher's frames");
    for (const w of s.watchers) expect(w.frames).toEqual([[1], [2, 3, 4, 5]]);
  });

  it("gives a socket that joins during a send the next frame only, and skips one that left", async () => {
    const s = await start(40);
    const url = `http://127.0.0.1:${(s.http.address() as AddressInfo).port}`;
    const late = await watcher(url, false);
    s.frames.send(ROOM, packet(1));
    // while frame 1 is being sent: one watcher is disconnected, another socket starts watching
    const leaving = s.watchers.at(-1)!;
    s.io.of("/").sockets.get(leaving.client.id!)!.disconnect(true);
    s.io.of("/").sockets.get(late.client.id!)!.join(ROOM);
    s.watchers.push(late);
    expect(s.sent).toHaveLength(0);
    s.frames.send(ROOM, packet(2));
    await until(() => s.sent.length === 2, "both sends");
    const stayed = s.watchers.filter((w) => w !== leaving && w !== late);
    await until(() => late.frames.length === 1 && stayed.every((w) => w.frames.length === 2), "the frames");
    expect(late.frames).toEqual([[2]]);
    for (const w of stayed) expect(w.frames).toEqual([[1], [2]]);
    expect(leaving.frames).toEqual([]);
    expect(s.sent.map((f) => f.sockets)).toEqual([40, 40]);
  });

  it("sends everything queued at once when the server closes", async () => {
    const s = await start(40);
    s.frames.send(ROOM, packet(1));
    s.frames.send(ROOM, packet(2));
    s.frames.finish();
    expect(s.sent.map((f) => f.sockets)).toEqual([40, 40]);
    await until(() => s.watchers.every((w) => w.frames.length === 2), "every watcher's frames");
    for (const w of s.watchers) expect(w.frames).toEqual([[1], [2]]);
  });
});
