/** The transcript: amendments as new entries, lines tied to the right session, and missed events replayed. */
import { describe, expect, it } from "vitest";
import { call, ok } from "./helpers/test-server.ts";
import { useTestServer } from "./helpers/use-test-server.ts";

const t = useTestServer({ perTest: true });

describe("the transcript", () => {
  it("keeps amendments as new entries pointing at the first version", async () => {
    const sessionId = t.world.shengze.sessionId;
    const staff = await t.connectAs("deputyShengze");
    const first = await ok(staff, "transcript:append", { sessionId, kind: "ANSWER", speakerRole: "DEPUTY", text: "初稿" });
    const second = await ok(staff, "transcript:amend", { entryId: first.entry.id, text: "二稿" });
    const third = await ok(staff, "transcript:amend", { entryId: second.entry.id, text: "三稿" });
    expect(second.entry.amendsId).toBe(first.entry.id);
    expect(third.entry.amendsId).toBe(first.entry.id);
    const rows = await t.db.transcriptEntry.findMany({ where: { sessionId }, orderBy: { createdAt: "asc" } });
    expect(rows.map((r) => r.text)).toEqual(["初稿", "二稿", "三稿"]);
  });

  it("refuses a line about a ticket of another session", async () => {
    const staff = await t.connectAs("deputyShengze");
    const [other] = await t.joinVoters(["甲"], { venue: "lili" });
    const r = await call(staff, "transcript:append", { sessionId: t.world.shengze.sessionId, ticketId: other!.id, kind: "NOTE", speakerRole: "STAFF", text: "x" });
    expect(r).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
  });

  it("replays missed events to a client that names the last seq it saw", async () => {
    const sessionId = t.world.shengze.sessionId;
    const staff = await t.connectAs("deputyShengze");
    const viewer = await t.connect();
    const snap = await ok(viewer, "session:watch", { sessionId });
    await t.joinVoters(["甲"]);
    await ok(staff, "transcript:append", { sessionId, kind: "NOTE", speakerRole: "STAFF", text: "内部", visibility: "STAFF" });
    const replay = await ok(viewer, "session:watch", { sessionId, sinceSeq: snap.seq });
    expect(replay).toMatchObject({ seq: 2, events: [{ seq: 1, type: "ticket.joined" }, { seq: 2, type: "redacted" }] });
  });
});
