/** 附议 (docs/ARCHITECTURE.md §6b): once per device, live in the public projection, passed on to the follow-up case, rate-limited. */
import { describe, expect, it } from "vitest";
import type { TicketView } from "../src/protocol/model.ts";
import { call, ok } from "./helpers/test-server.ts";
import { useTestServer } from "./helpers/use-test-server.ts";
import { watch } from "./helpers/watcher.ts";

const t = useTestServer({ perTest: true });

async function publicTopic(over: Record<string, unknown> = {}): Promise<TicketView> {
  const voter = await t.connect();
  const sessionId = t.world.shengze.sessionId;
  return (await ok(voter, "queue:join", { sessionId, name: "王小明", phone: "13987654321", topic: "停车难", isPublic: true, ...over })).ticket;
}

describe("support (附议)", () => {
  it("a viewer supports a public topic once per device, and every watcher sees the count live without learning who", async () => {
    const ticket = await publicTopic();
    const viewer = await t.connect();
    const board = await watch(viewer, t.world.shengze.sessionId);
    expect(board.snapshot.tickets.find((x) => x.id === ticket.id)?.supportCount).toBe(0);

    const device = await t.connect();
    const first = await ok(device, "ticket:support", { ticketId: ticket.id });
    expect(first.supportCount).toBe(1);
    expect(first.supporterToken.length).toBeGreaterThanOrEqual(16);
    expect(await call(device, "ticket:support", { ticketId: ticket.id, supporterToken: first.supporterToken })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    // The same device after a reload: a new socket, the kept token.
    const reloaded = await t.connect();
    expect(await call(reloaded, "ticket:support", { ticketId: ticket.id, supporterToken: first.supporterToken })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    expect((await ok(reloaded, "ticket:support", { ticketId: ticket.id })).supportCount).toBe(2);

    const seen = await board.waitFor((e) => e.type === "ticket.updated" && e.data.supportCount === 2);
    const data = (seen as { data: TicketView }).data;
    expect(data).toMatchObject({ id: ticket.id, name: "王*", topic: "停车难" });
    expect(JSON.stringify(data)).not.toContain("13987654321");
    const again = await ok(await t.connect(), "session:watch", { sessionId: t.world.shengze.sessionId });
    expect("tickets" in again && again.tickets.find((x) => x.id === ticket.id)?.supportCount).toBe(2);
    // Nothing stored links the supporter: only a hash per (ticket, device).
    const rows = await t.db.ticketSupport.findMany({ where: { ticketId: ticket.id } });
    expect(rows).toHaveLength(2);
    expect(rows.map((r) => r.supporterHash)).not.toContain(first.supporterToken);
  });

  it("a connection that keeps no token counts once, however often it supports", async () => {
    const ticket = await publicTopic();
    const device = await t.connect();
    expect((await ok(device, "ticket:support", { ticketId: ticket.id })).supportCount).toBe(1);
    expect(await call(device, "ticket:support", { ticketId: ticket.id })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    expect(await call(device, "ticket:support", { ticketId: ticket.id })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    expect((await t.db.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).supportCount).toBe(1);
  });

  it("a private topic, a finished turn and an unknown ticket cannot be supported", async () => {
    const hidden = await publicTopic({ isPublic: false });
    const device = await t.connect();
    expect(await call(device, "ticket:support", { ticketId: hidden.id })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    expect(await call(device, "ticket:support", { ticketId: "nope" })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    const shown = await publicTopic();
    const voter = await t.connect();
    await ok(voter, "queue:leave", { voterToken: (await ok(voter, "queue:join", { sessionId: t.world.shengze.sessionId, name: "甲", topic: "x", isPublic: true })).voterToken });
    const left = await t.db.ticket.findFirstOrThrow({ where: { name: "甲" } });
    expect(await call(device, "ticket:support", { ticketId: left.id })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    expect((await ok(device, "ticket:support", { ticketId: shown.id })).supportCount).toBe(1);
  });

  it("a turn's support count passes to its follow-up case", async () => {
    const ticket = await publicTopic();
    for (let i = 0; i < 3; i++) await ok(await t.connect(), "ticket:support", { ticketId: ticket.id });
    const hall = await t.connectAs("deputyShengze");
    const sessionId = t.world.shengze.sessionId;
    await ok(hall, "hall:callNext", { sessionId });
    await ok(hall, "hall:start", { ticketId: ticket.id });
    await ok(hall, "hall:finish", { ticketId: ticket.id, followUp: { category: "交通", summary: "增设停车位" } });
    const c = await t.db.case.findFirstOrThrow({ where: { ticketId: ticket.id } });
    expect(c.supportCount).toBe(3);
    const res = await t.http("staffShengze").get(`/api/cases/${c.id}`);
    expect(JSON.stringify(res.body)).toContain('"supportCount":3');

    // A later case nobody supported: newest first by default, most supported first on request.
    const quiet = await publicTopic({ topic: "路灯" });
    await ok(hall, "hall:callNext", { sessionId });
    await ok(hall, "hall:start", { ticketId: quiet.id });
    await ok(hall, "hall:finish", { ticketId: quiet.id, followUp: { category: "市政", summary: "路灯维修" } });
    const newest = await t.http("staffShengze").get<{ cases: { summary: string }[] }>("/api/cases");
    expect(newest.body.cases.map((x) => x.summary)).toEqual(["路灯维修", "增设停车位"]);
    const bySupport = await t.http("staffShengze").get<{ cases: { summary: string; supportCount: number }[] }>("/api/cases?sort=support");
    expect(bySupport.body.cases.map((x) => [x.summary, x.supportCount])).toEqual([["增设停车位", 3], ["路灯维修", 0]]);
  });

  it("one socket that supports too often is RATE_LIMITED", async () => {
    const ticket = await publicTopic();
    const device = await t.connect();
    const answers = [];
    for (let i = 0; i < 31; i++) answers.push(await call(device, "ticket:support", { ticketId: ticket.id }));
    // The first counts, the next 29 are the same device again; the 31st is past the socket's limit.
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
    expect(answers.slice(1, 30).every((a) => !a.ok && a.error.code === "CONFLICT")).toBe(true);
    expect(answers[30]).toMatchObject({ ok: false, error: { code: "RATE_LIMITED" } });
  });
});
