/**
 * Two nodes on one PostgreSQL database with the Socket.IO Redis adapter: any
 * node takes any write, labels and seq stay gapless, and a watcher on one node
 * sees what the other commits.
 */
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { LiveEvent, TicketView, WatchReplay } from "../src/protocol/model.ts";
import { createClient } from "redis";
import { joinQueue } from "../src/services/live-day/queue-join.ts";
import { publicRoom } from "../src/transport/rooms.ts";
import { FRAME_HOLD_MS } from "../src/transport/session-frames.ts";
import { projectEvent } from "../src/domain/projections.ts";
import type { StoredEvent } from "../src/store/session-events.ts";
import { WriteLanes } from "../src/store/write-lane.ts";
import { openSession } from "./helpers/fixtures.ts";
import { REDIS_URL } from "./helpers/postgres.ts";
import { ok } from "./helpers/test-server.ts";
import { multiNodeAvailable, useTwoNodes } from "./helpers/two-nodes.ts";
import { watch } from "./helpers/watcher.ts";

const available = await multiNodeAvailable("multi-node tests");

describe.skipIf(!available)("two nodes on PostgreSQL + Redis", () => {
  const t = useTwoNodes();

  it("a watcher on node B sees a join on node A, and the voter on A sees a call made on B", async () => {
    const [a, b] = [0, 1] as const;
    const sessionId = t.world.shengze.sessionId;
    const viewer = await watch(await t.connect(b), sessionId);
    const voter = await t.connect(a);
    const own: TicketView[] = [];
    voter.on("ticket:event", ({ ticket }) => own.push(ticket));
    const { ticket } = await ok(voter, "queue:join", { sessionId, name: "王小明", phone: "13900000000", topic: "停车难", isPublic: true });
    const joined = await viewer.waitFor((e) => e.type === "ticket.joined");
    expect(joined.type === "ticket.joined" && joined.data).toMatchObject({ id: ticket.id, name: "王*" });
    expect(JSON.stringify(joined)).not.toContain("13900000000");

    const deputy = await t.connect(b, { token: t.world.tokens.deputyShengze });
    await ok(deputy, "hall:callNext", { sessionId });
    await expect.poll(() => own.map((ticket) => ticket.status)).toEqual(["CALLED"]);
    await ok(deputy, "hall:start", { ticketId: ticket.id });
    await ok(deputy, "hall:finish", { ticketId: ticket.id });
  });

  it("concurrent joins on both nodes get gapless labels and a contiguous log", async () => {
    const sessionId = t.world.lili.sessionId;
    const [a, b] = [0, 1] as const;
    const sa = await t.connect(a);
    const sb = await t.connect(b);
    const results = await Promise.all(
      Array.from({ length: 60 }, (_, i) => ok(i % 2 ? sa : sb, "queue:join", { sessionId, name: `选民${i}`, topic: "t", isPublic: false })),
    );
    expect(results.map((r) => r.ticket.label).sort()).toEqual(Array.from({ length: 60 }, (_, i) => `W${String(i + 1).padStart(3, "0")}`));
    const seqs = (await t.nodes[a]!.db.sessionEvent.findMany({ where: { sessionId }, orderBy: { seq: "asc" }, select: { seq: true } })).map((e) => e.seq);
    expect(seqs).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
  });

  it("a quiet session's watcher learns of a frame its node never sent, from the head, without a next event", async () => {
    const sessionId = t.world.lili.sessionId;
    const socket = await t.connect(1);
    const heads: number[] = [];
    socket.on("session:viewers", (p) => {
      if (p.sessionId === sessionId && p.seq !== undefined) heads.push(p.seq);
    });
    const viewer = await watch(socket, sessionId);
    // Committed on node A and broadcast to nobody: what a node killed between its commit and its frame leaves.
    const a = t.nodes[0]!;
    const silent = { ...a.app.deps, lanes: new WriteLanes(a.db, () => {}) };
    const { ticket } = await joinQueue(silent, { sessionId, name: "无声", topic: "t", isPublic: false });
    const head = (await a.db.receptionSession.findUniqueOrThrow({ where: { id: sessionId } })).lastSeq;
    await expect.poll(() => heads.at(-1), { timeout: 15_000, interval: 200 }).toBe(head);
    const joinedHere = (e: LiveEvent) => e.type === "ticket.joined" && e.data.id === ticket.id;
    expect(viewer.events.some(joinedHere)).toBe(false);
    // Behind the head, the watcher asks for what it has not seen; the replay holds the lost event.
    const seen = Math.max(viewer.snapshot.seq, ...viewer.seqs());
    const replay = (await ok(socket, "session:watch", { sessionId, sinceSeq: seen })) as WatchReplay;
    expect(replay.events.some(joinedHere)).toBe(true);
    expect(replay.seq).toBe(head);
  });

  it("a watcher receives a session's seq in order when the other node's earlier frame comes late", async () => {
    const [a, b] = [0, 1] as const;
    const sessionId = await openSession(t.nodes[a]!.db, t.world.shengze.venueId);
    const socket = await t.connect(b);
    const arrived: number[] = [];
    socket.on("session:events", (frame) => arrived.push(...frame.map((e) => e.seq)));
    const viewer = await watch(socket, sessionId);
    // Node A commits seq n and holds its frame (as its pacing may); node B commits n + 1 and sends at once.
    const nodeA = t.nodes[a]!;
    const held: StoredEvent[] = [];
    const pacedA = { ...nodeA.app.deps, lanes: new WriteLanes(nodeA.db, (events) => held.push(...events)) };
    await joinQueue(pacedA, { sessionId, name: "先到", topic: "t", isPublic: true });
    const [late] = held;
    await ok(await t.connect(b), "queue:join", { sessionId, name: "后到", topic: "t", isPublic: true });
    await new Promise((r) => setTimeout(r, 50));
    nodeA.app.io.to(publicRoom(sessionId)).emit("session:events", [projectEvent(late!, "public")]);
    await expect.poll(() => arrived.length).toBe(2);
    expect(arrived).toEqual([late!.seq, late!.seq + 1]);

    // A frame that never comes is waited for briefly: what follows it goes out past the gap
    // (the watcher watches again with sinceSeq), and the lost frame, coming later still, is dropped.
    held.length = 0;
    await joinQueue(pacedA, { sessionId, name: "丢失", topic: "t", isPublic: true });
    const [lost] = held;
    await ok(await t.connect(b), "queue:join", { sessionId, name: "其后", topic: "t", isPublic: true });
    await expect.poll(() => arrived.length, { timeout: FRAME_HOLD_MS + 2_000 }).toBe(3);
    nodeA.app.io.to(publicRoom(sessionId)).emit("session:events", [projectEvent(lost!, "public")]);
    const marker = await ok(await t.connect(a), "queue:join", { sessionId, name: "标记", topic: "t", isPublic: true });
    await viewer.waitFor((e) => e.type === "ticket.joined" && e.data.id === marker.ticket.id);
    expect(arrived).toEqual([late!.seq, late!.seq + 1, lost!.seq + 1, lost!.seq + 2]);
  });

  it("a node subscribes to a session's frames only while it has a watcher of it (sharded pub/sub)", async () => {
    const [a, b] = [0, 1] as const;
    const sessionId = await openSession(t.nodes[a]!.db, t.world.shengze.venueId);
    const channel = `socket.io#/#${publicRoom(sessionId)}#`;
    const redis = createClient({ url: REDIS_URL });
    await redis.connect();
    try {
      const subscribers = async () => ((await redis.sendCommand(["PUBSUB", "SHARDNUMSUB", channel])) as [string, number])[1];
      expect(await subscribers()).toBe(0);
      const onA = await watch(await t.connect(a), sessionId);
      await expect.poll(subscribers).toBe(1);
      const socketOnB = await t.connect(b);
      const onB = await watch(socketOnB, sessionId);
      await expect.poll(subscribers).toBe(2);
      // Both hear a join made on A, over the session's own channel.
      const { ticket } = await ok(await t.connect(a), "queue:join", { sessionId, name: "分片", topic: "t", isPublic: true });
      for (const w of [onA, onB]) await w.waitFor((e) => e.type === "ticket.joined" && e.data.id === ticket.id);
      // B's last watcher leaves: B stops hearing this session.
      await ok(socketOnB, "session:unwatch", { sessionId });
      await expect.poll(subscribers).toBe(1);
    } finally {
      await redis.quit();
    }
  });

  it("the same requestId sent to both nodes at once makes one ticket", async () => {
    const sessionId = t.world.lili.sessionId;
    const requestId = randomUUID();
    const [a, b] = [0, 1] as const;
    const payload = { sessionId, name: "重试", topic: "t", isPublic: false, requestId };
    const [x, y] = await Promise.all([ok(await t.connect(a), "queue:join", payload), ok(await t.connect(b), "queue:join", payload)]);
    expect(y.ticket.id).toBe(x.ticket.id);
    expect(y.voterToken).toBe(x.voterToken);
    expect(await t.nodes[a]!.db.ticket.count({ where: { sessionId, name: "重试" } })).toBe(1);
  });
});
