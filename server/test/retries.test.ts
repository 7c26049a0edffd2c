import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import { ok } from "./helpers/test-server.ts";
import { useTestServer } from "./helpers/use-test-server.ts";

const t = useTestServer({ perTest: true });

it("the same requestId twice makes one ticket and returns the same answer", async () => {
  const sessionId = t.world.shengze.sessionId;
  const requestId = randomUUID();
  const payload = { sessionId, name: "王小明", topic: "停车难", isPublic: true, requestId };
  const first = await ok(await t.connect(), "queue:join", payload);
  // A retry after a lost ack comes on a new connection.
  const second = await ok(await t.connect(), "queue:join", payload);
  expect(second).toEqual(first);
  expect(await t.db.ticket.count({ where: { sessionId } })).toBe(1);
  expect(await t.db.sessionEvent.count({ where: { sessionId } })).toBe(1);
});

it("concurrent retries with one requestId still make one ticket", async () => {
  const sessionId = t.world.shengze.sessionId;
  const requestId = randomUUID();
  const socket = await t.connect();
  const answers = await Promise.all(
    Array.from({ length: 5 }, () => ok(socket, "queue:join", { sessionId, name: "李四", topic: "电梯", isPublic: false, requestId })),
  );
  expect(new Set(answers.map((a) => a.ticket.id)).size).toBe(1);
  expect(new Set(answers.map((a) => a.voterToken)).size).toBe(1);
  expect(await t.db.ticket.count({ where: { sessionId } })).toBe(1);
});

it("a desk registration and a transcript line are idempotent too", async () => {
  const sessionId = t.world.shengze.sessionId;
  const desk = await t.connectAs("staffShengze");
  const reg = { sessionId, name: "张阿姨", topic: "养老助餐", isPublic: false, requestId: randomUUID() };
  const a = await ok(desk, "desk:register", reg);
  const b = await ok(desk, "desk:register", reg);
  expect(b).toEqual(a);
  const line = { sessionId, kind: "NOTE" as const, speakerRole: "STAFF" as const, text: "记录一", requestId: randomUUID() };
  const e1 = await ok(desk, "transcript:append", line);
  const e2 = await ok(desk, "transcript:append", line);
  expect(e2.entry.id).toBe(e1.entry.id);
  expect(await t.db.transcriptEntry.count({ where: { sessionId } })).toBe(1);
  expect(await t.db.ticket.count({ where: { sessionId } })).toBe(1);
});

it("the same requestId in another session is a different request", async () => {
  const requestId = randomUUID();
  const socket = await t.connect();
  const a = await ok(socket, "queue:join", { sessionId: t.world.shengze.sessionId, name: "甲", topic: "t", isPublic: false, requestId });
  const b = await ok(socket, "queue:join", { sessionId: t.world.lili.sessionId, name: "乙", topic: "t", isPublic: false, requestId });
  expect(b.ticket.id).not.toBe(a.ticket.id);
});
