import { maskPhone } from "../src/domain/privacy.ts";
import { existsSync, readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { TEST_STORAGE } from "./helpers/test-storage.ts";
import { call, ok } from "./helpers/test-server.ts";
import { useTestServer } from "./helpers/use-test-server.ts";
import { watchOverRawWebSocket, type WireMessage } from "./helpers/raw-websocket.ts";
import { watch } from "./helpers/watcher.ts";

const t = useTestServer({ perTest: true });

const SECRETS = {
  phone: "13987654321",
  question: "隔壁工厂夜里排污",
  fullName: "欧阳娜娜",
  staffNote: "内部备注：需核实身份",
  reason: "行动不便",
  privateTopic: "举报邻居违建",
};

it("the public projection never carries a phone number, a private question, a full name or a staff-only note", async () => {
  const sessionId = t.world.shengze.sessionId;
  const viewerSocket = await t.connect();
  const received: string[] = [];
  viewerSocket.onAny((event, ...args) => received.push(`${event} ${JSON.stringify(args)}`));
  const viewer = await watch(viewerSocket, sessionId);
  const otherVoter = await t.connect();
  otherVoter.onAny((event, ...args) => received.push(`${event} ${JSON.stringify(args)}`));
  await ok(otherVoter, "queue:join", { sessionId, name: "路人甲", topic: "公开话题", isPublic: true });

  const voter = await t.connect();
  const { ticket } = await ok(voter, "queue:join", {
    sessionId,
    name: SECRETS.fullName,
    phone: SECRETS.phone,
    topic: SECRETS.privateTopic,
    question: SECRETS.question,
    isPublic: false,
  });
  const staff = await t.connectAs("staffShengze");
  await ok(staff, "hall:prioritize", { ticketId: ticket.id, reason: SECRETS.reason });
  await ok(staff, "hall:call", { ticketId: ticket.id });
  await ok(staff, "hall:start", { ticketId: ticket.id });
  await ok(staff, "transcript:append", { sessionId, kind: "NOTE", speakerRole: "STAFF", text: SECRETS.staffNote, visibility: "STAFF" });
  const { entry } = await ok(staff, "transcript:append", { sessionId, kind: "NOTE", speakerRole: "STAFF", text: "草稿", visibility: "STAFF" });
  await ok(staff, "transcript:amend", { entryId: entry.id, text: SECRETS.staffNote + "2" });
  await ok(staff, "hall:finish", { ticketId: ticket.id, followUp: { category: "生态环境", summary: SECRETS.question } });

  const lastSeq = (await t.db.receptionSession.findUniqueOrThrow({ where: { id: sessionId } })).lastSeq;
  await viewer.waitForSeq(lastSeq);
  // A late viewer's snapshot and a replay are projected the same way.
  const late = await t.connect();
  received.push(JSON.stringify(await ok(late, "session:watch", { sessionId })));
  received.push(JSON.stringify(await ok(late, "session:watch", { sessionId, sinceSeq: 0 })));

  const everything = received.join("\n");
  expect(everything).toContain(ticket.label);
  expect(everything).toContain("欧*");
  for (const [what, secret] of Object.entries(SECRETS)) expect(everything, what).not.toContain(secret);
  // The staff projection carries the rest, and the phone masked (the reveal is audited: privacy-rights.test.ts).
  const staffView = JSON.stringify(await ok(staff, "session:watch", { sessionId }));
  expect(staffView).toContain(maskPhone(SECRETS.phone)!);
  expect(staffView).not.toContain(SECRETS.phone);
  expect(staffView).toContain(SECRETS.staffNote);
});

it("a voter's own ticket events go to that voter only", async () => {
  const sessionId = t.world.shengze.sessionId;
  const a = await t.connect();
  const b = await t.connect();
  const bGot: unknown[] = [];
  b.on("ticket:event", (e) => bGot.push(e));
  await ok(b, "queue:join", { sessionId, name: "乙", topic: "t", isPublic: false });
  const aGot: unknown[] = [];
  a.on("ticket:event", (e) => aGot.push(e));
  const { ticket } = await ok(a, "queue:join", { sessionId, name: "甲", phone: SECRETS.phone, topic: "t", isPublic: false });
  const staff = await t.connectAs("staffShengze");
  await ok(staff, "hall:call", { ticketId: ticket.id });
  await expect.poll(() => aGot.length).toBe(1);
  expect(JSON.stringify(aGot)).toContain(SECRETS.phone);
  expect(bGot).toEqual([]);
});

/** Everything the database holds: SQLite's file and WAL as bytes, or every row of every PostgreSQL table as text. */
async function everythingStored(): Promise<string> {
  if (TEST_STORAGE === "postgres") {
    const tables = await t.db.$queryRawUnsafe<{ name: string }[]>(`SELECT table_name::text AS name FROM information_schema.tables WHERE table_schema = current_schema()`);
    const rows = await Promise.all(tables.map((tb) => t.db.$queryRawUnsafe<{ text: string }[]>(`SELECT coalesce(string_agg(r::text, E'\\n'), '') AS text FROM "${tb.name}" r`)));
    return rows.map((r) => r[0]!.text).join("\n");
  }
  await t.db.$queryRawUnsafe("PRAGMA wal_checkpoint(FULL)");
  const file = t.server.dbFile!;
  return [file, `${file}-wal`].filter((f) => existsSync(f)).map((f) => readFileSync(f).toString("latin1")).join("");
}

it("stores voter and staff tokens only as hashes: the database never holds them", async () => {
  const sessionId = t.world.shengze.sessionId;
  const voter = await t.connect();
  const { voterToken } = await ok(voter, "queue:join", { sessionId, name: "甲", topic: "t", isPublic: false, requestId: "req-0123456789" });
  const bytes = await everythingStored();
  expect(bytes.length).toBeGreaterThan(0);
  // The check can see what it looks for: ids are stored as plain text.
  expect(bytes).toContain(sessionId);
  expect(bytes).not.toContain(voterToken);
  expect(bytes).not.toContain(t.world.tokens.staffShengze);
  expect(bytes).not.toContain("req-0123456789");
});

it("a voter token in the handshake re-subscribes the socket to its ticket", async () => {
  const sessionId = t.world.shengze.sessionId;
  const first = await t.connect();
  const { ticket, voterToken } = await ok(first, "queue:join", { sessionId, name: "甲", topic: "t", isPublic: false });
  first.disconnect();
  const back = await t.connect({ voterToken });
  const got: string[] = [];
  back.on("ticket:event", (e) => got.push(e.ticket.status));
  // Give the server a moment to resolve the token before the call happens.
  await new Promise((r) => setTimeout(r, 100));
  const staff = await t.connectAs("staffShengze");
  await ok(staff, "hall:call", { ticketId: ticket.id });
  await expect.poll(() => got).toEqual(["CALLED"]);
});

it("a staff socket watching with projection public gets masked names, and no full name or phone in any byte", async () => {
  const sessionId = t.world.shengze.sessionId;
  const voter = await t.connect();
  await ok(voter, "queue:join", { sessionId, name: SECRETS.fullName, phone: SECRETS.phone, topic: SECRETS.privateTopic, isPublic: false });

  // A TV opened from the deputy's logged-in browser: the screen asks for the public projection.
  const screen = await t.connectAs("staffShengze");
  const received: string[] = [];
  screen.onAny((event, ...args) => received.push(`${event} ${JSON.stringify(args)}`));
  const snapshot = await ok(screen, "session:watch", { sessionId, projection: "public" });
  received.push(JSON.stringify(snapshot));
  const other = await t.connect();
  await ok(other, "queue:join", { sessionId, name: "欧阳修远", phone: "13711112222", topic: "公开话题", isPublic: true });
  await expect.poll(() => received.some((r) => r.startsWith("session:events"))).toBe(true);

  const everything = received.join("\n");
  expect(everything).toContain("欧*");
  for (const secret of [SECRETS.fullName, SECRETS.phone, SECRETS.privateTopic, "欧阳修远", "13711112222"]) expect(everything).not.toContain(secret);
  // The same login without the request still gets the staff projection (nobody is downgraded by accident).
  const staffView = JSON.stringify(await ok(await t.connectAs("staffShengze"), "session:watch", { sessionId }));
  expect(staffView).toContain(SECRETS.fullName);
  // …where the phone is masked too (docs/ARCHITECTURE.md §6c): in full only through the audited reveal.
  expect(staffView).toContain("139****4321");
  expect(staffView).not.toContain(SECRETS.phone);
});

const seqsOf = (messages: WireMessage[]) => messages.flatMap((m) => (JSON.parse(m.text.slice(2)) as [string, Array<{ seq: number }>])[1].map((e) => e.seq));

it("a voter named in a caption reaches a viewer's bytes as label and 欧*, while staff keep the line as written", async () => {
  const sessionId = t.world.shengze.sessionId;
  const wire = await watchOverRawWebSocket(t.url, sessionId);
  const voter = await t.connect();
  const { ticket } = await ok(voter, "queue:join", { sessionId, name: SECRETS.fullName, topic: "老人吃饭", isPublic: true });
  const staff = await t.connectAs("staffShengze");
  await ok(staff, "hall:call", { ticketId: ticket.id });
  await ok(staff, "hall:start", { ticketId: ticket.id });
  // The recorder picks 选民 and types the name in full, alone or after the label; then corrects the line.
  const { entry } = await ok(staff, "transcript:append", { sessionId, ticketId: ticket.id, kind: "QUESTION", speakerRole: "VOTER", speakerName: SECRETS.fullName, text: "我们小区老人吃饭确实不方便。", visibility: "PUBLIC" });
  await ok(staff, "transcript:append", { sessionId, ticketId: ticket.id, kind: "QUESTION", speakerRole: "VOTER", speakerName: `${ticket.label} ${SECRETS.fullName}`, text: "还有助餐点太远。", visibility: "PUBLIC" });
  await ok(staff, "transcript:amend", { entryId: entry.id, text: "我们小区老人吃饭不方便。" });

  const lastSeq = (await t.db.receptionSession.findUniqueOrThrow({ where: { id: sessionId } })).lastSeq;
  await wire.until(() => seqsOf(wire.events()).at(-1) === lastSeq);
  const late = await t.connect();
  const onWire = [
    ...wire.messages.map((m) => m.text),
    JSON.stringify(await ok(late, "session:watch", { sessionId })),
    JSON.stringify(await ok(late, "session:watch", { sessionId, sinceSeq: 0 })),
  ].join("\n");
  wire.close();
  expect(onWire).toContain("我们小区老人吃饭不方便。");
  expect(onWire).toContain(`"speakerName":"欧*"`);
  expect(onWire).toContain(`"speakerName":"${ticket.label} 欧*"`);
  // hall:start names the voter by the label alone, and it stays so.
  expect(onWire).toContain(`"speakerName":"${ticket.label}"`);
  expect(onWire).not.toContain(SECRETS.fullName);
  const staffView = await ok(staff, "session:watch", { sessionId });
  expect("transcript" in staffView && staffView.transcript.filter((e) => e.speakerName?.includes(SECRETS.fullName)).length).toBe(3);
});

it("nobody can ask for a projection above their own", async () => {
  const viewer = await t.connect();
  const res = await call(viewer, "session:watch", { sessionId: t.world.shengze.sessionId, projection: "staff" } as never);
  expect(res).toMatchObject({ ok: false, error: { code: "BAD_REQUEST" } });
});
