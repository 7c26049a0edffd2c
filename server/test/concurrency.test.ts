import { expect, it } from "vitest";
import { ok } from "./helpers/test-server.ts";
import { useTestServer } from "./helpers/use-test-server.ts";
import { watch } from "./helpers/watcher.ts";

const t = useTestServer({ perTest: true });

it("100 concurrent joins get gapless labels, and every watcher sees a contiguous seq", { timeout: 90_000 }, async () => {
  const sessionId = t.world.shengze.sessionId;
  const watchers = await Promise.all([
    watch(await t.connect(), sessionId),
    watch(await t.connect(), sessionId),
    watch(await t.connectAs("staffShengze"), sessionId),
  ]);
  const voters = await Promise.all(Array.from({ length: 20 }, () => t.connect()));

  const joins = await Promise.all(
    Array.from({ length: 100 }, (_, i) =>
      ok(voters[i % voters.length]!, "queue:join", { sessionId, name: `选民${i}`, topic: "停车难", isPublic: i % 2 === 0 }),
    ),
  );

  const labels = joins.map((j) => j.ticket.label).sort();
  expect(labels).toEqual(Array.from({ length: 100 }, (_, i) => `W${String(i + 1).padStart(3, "0")}`));
  expect(new Set(joins.map((j) => j.voterToken)).size).toBe(100);

  const stored = await t.db.ticket.findMany({ where: { sessionId }, select: { label: true } });
  expect(stored.map((t) => t.label).sort()).toEqual(labels);
  const events = await t.db.sessionEvent.findMany({ where: { sessionId }, orderBy: { seq: "asc" }, select: { seq: true } });
  expect(events.map((e) => e.seq)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));

  for (const w of watchers) {
    await w.waitForSeq(100, 30_000);
    expect(w.seqs()).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
  }
  // Coalescing: a burst of 100 joins reaches a viewer in far fewer than 100 frames.
  expect(watchers[0]!.events.filter((e) => e.type === "ticket.joined")).toHaveLength(100);
});
