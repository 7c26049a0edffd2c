import { describe, expect, it } from "vitest";
import type { TicketView } from "../src/protocol/model.ts";
import { call, ok } from "./helpers/test-server.ts";
import { useTestServer } from "./helpers/use-test-server.ts";
import { watch } from "./helpers/watcher.ts";

const t = useTestServer({ perTest: true });

describe("a reception day across voter, desk, deputy and viewer sockets", () => {
  it("runs join → register → call (walk-in first) → start → finish with a case, and every socket sees it", async () => {
    const sessionId = t.world.shengze.sessionId;
    const viewer = await watch(await t.connect(), sessionId);
    const deskSocket = await t.connectAs("staffShengze");
    const desk = await watch(deskSocket, sessionId);
    const deputy = await t.connectAs("deputyShengze");
    expect(viewer.snapshot.session.status).toBe("OPEN");
    expect(viewer.snapshot.tickets).toEqual([]);

    const voter = await t.connect();
    const ownEvents: TicketView[] = [];
    voter.on("ticket:event", ({ ticket }) => ownEvents.push(ticket));
    const joined = await ok(voter, "queue:join", {
      sessionId,
      name: "王小明",
      phone: "13912345678",
      topic: "停车难",
      question: "小区门口停车位不够",
      isPublic: true,
    });
    expect(joined.ticket.label).toBe("W001");
    expect(joined.ticket.phone).toBe("13912345678");
    expect(joined.voterToken.length).toBeGreaterThan(20);

    const walkIn = await ok(deskSocket, "desk:register", { sessionId, name: "李阿婆", topic: "加装电梯", isPublic: false });
    expect(walkIn.ticket.label).toBe("A001");
    expect(walkIn.ticket.channel).toBe("IN_PERSON");
    // The walk-in's ten-minute head start puts them first.
    expect(walkIn.ticket.rank).toBeLessThan(joined.ticket.rank);

    const called = await ok(deputy, "hall:callNext", { sessionId });
    expect(called.ticket.label).toBe("A001");
    const busy = await call(deputy, "hall:callNext", { sessionId });
    expect(busy).toMatchObject({ ok: false, error: { code: "CONFLICT" } });

    await ok(deputy, "hall:start", { ticketId: walkIn.ticket.id });
    await ok(deputy, "hall:finish", { ticketId: walkIn.ticket.id, summary: "已答复" });

    const second = await ok(deputy, "hall:callNext", { sessionId });
    expect(second.ticket.id).toBe(joined.ticket.id);
    await ok(deputy, "hall:start", { ticketId: joined.ticket.id });
    await ok(deskSocket, "transcript:append", {
      sessionId,
      ticketId: joined.ticket.id,
      kind: "ANSWER",
      speakerRole: "DEPUTY",
      speakerName: "沈晓鹃",
      text: "我们会协调增加临时停车位",
    });
    const finished = await ok(deputy, "hall:finish", {
      ticketId: joined.ticket.id,
      summary: "转交镇建设局",
      followUp: { category: "交通出行", summary: "增加小区周边停车位" },
    });
    expect(finished.ticket.status).toBe("DONE");
    expect(finished.ticket.trackingCode).toMatch(/^[A-Z2-9]{8}$/);

    const lastSeq = (await t.db.receptionSession.findUniqueOrThrow({ where: { id: sessionId } })).lastSeq;
    await viewer.waitForSeq(lastSeq);
    await desk.waitForSeq(lastSeq);

    // Both watchers received every seq, in order, with no gaps.
    const expected = Array.from({ length: lastSeq }, (_, i) => i + 1);
    expect(viewer.seqs()).toEqual(expected);
    expect(desk.seqs()).toEqual(expected);
    // The viewer saw the case only as a redacted seq; the desk saw it.
    expect(viewer.events.filter((e) => e.type === "case.created")).toEqual([]);
    expect(desk.events.filter((e) => e.type === "case.created")).toHaveLength(1);
    // The answer line reached the viewer as a caption.
    expect(viewer.events.some((e) => e.type === "transcript.appended" && e.data.text === "我们会协调增加临时停车位")).toBe(true);

    // The join ack carried WAITING; the own socket then followed called, speaking, done.
    await expect.poll(() => ownEvents.map((t) => t.status)).toEqual(["CALLED", "SPEAKING", "DONE"]);
    expect(ownEvents.at(-1)!.trackingCode).toBe(finished.ticket.trackingCode);

    const tracked = (await fetch(`${t.url}/api/track/${finished.ticket.trackingCode}`).then((r) => r.json())) as { case: unknown };
    expect(tracked.case).toMatchObject({ status: "OPEN", category: "交通出行" });
  });

  it("resumes a ticket on a new socket with the voter token and leaves the queue", async () => {
    const sessionId = t.world.shengze.sessionId;
    const first = await t.connect();
    const { ticket, voterToken } = await ok(first, "queue:join", { sessionId, name: "张三", topic: "河道保洁", isPublic: false });
    first.disconnect();

    const again = await t.connect();
    const resumed = await ok(again, "ticket:resume", { voterToken });
    expect(resumed.ticket).toMatchObject({ id: ticket.id, label: "W001", name: "张三", status: "WAITING" });

    const left = await ok(again, "queue:leave", { voterToken });
    expect(left.ticket.status).toBe("LEFT");
    expect(await call(again, "queue:leave", { voterToken })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    expect(await call(again, "ticket:resume", { voterToken: "x".repeat(40) })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
  });
});
