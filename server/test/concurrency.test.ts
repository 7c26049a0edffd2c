import { afterEach, beforeEach, expect, it } from "vitest";
import { buildWorld, type World } from "./helpers/fixtures.ts";
import { connectClient, ok, startTestServer, type TestServer, type TestSocket } from "./helpers/test-server.ts";
import { watch } from "./helpers/watcher.ts";

let server: TestServer;
let world: World;
const sockets: TestSocket[] = [];

beforeEach(async () => {
  server = await startTestServer();
  world = await buildWorld(server.db);
});
afterEach(async () => {
  for (const s of sockets.splice(0)) s.disconnect();
  await server.stop();
});

it("100 concurrent joins get gapless labels, and every watcher sees a contiguous seq", { timeout: 90_000 }, async () => {
  const sessionId = world.shengze.sessionId;
  const connect = async (auth = {}) => {
    const s = await connectClient(server.url, auth);
    sockets.push(s);
    return s;
  };
  const watchers = await Promise.all([
    watch(await connect(), sessionId),
    watch(await connect(), sessionId),
    watch(await connect({ token: world.tokens.staffShengze }), sessionId),
  ]);
  const voters = await Promise.all(Array.from({ length: 20 }, () => connect()));

  const joins = await Promise.all(
    Array.from({ length: 100 }, (_, i) =>
      ok(voters[i % voters.length]!, "queue:join", { sessionId, name: `选民${i}`, topic: "停车难", isPublic: i % 2 === 0 }),
    ),
  );

  const labels = joins.map((j) => j.ticket.label).sort();
  expect(labels).toEqual(Array.from({ length: 100 }, (_, i) => `W${String(i + 1).padStart(3, "0")}`));
  expect(new Set(joins.map((j) => j.voterToken)).size).toBe(100);

  const stored = await server.db.ticket.findMany({ where: { sessionId }, select: { label: true } });
  expect(stored.map((t) => t.label).sort()).toEqual(labels);
  const events = await server.db.sessionEvent.findMany({ where: { sessionId }, orderBy: { seq: "asc" }, select: { seq: true } });
  expect(events.map((e) => e.seq)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));

  for (const w of watchers) {
    await w.waitForSeq(100, 30_000);
    expect(w.seqs()).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
  }
  // Coalescing: a burst of 100 joins reaches a viewer in far fewer than 100 frames.
  expect(watchers[0]!.events.filter((e) => e.type === "ticket.joined")).toHaveLength(100);
});
