/**
 * The weekly digest: exact content, delivered to a real webhook receiver on
 * 127.0.0.1, once per venue and ISO week even with two apps ticking on one
 * database, previewed by an admin; the log driver records counts only.
 */
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createApp, type App } from "../src/app.ts";
import { createLogger, type Logger } from "../src/logger.ts";
import { logDigestNotifier } from "../src/notify/notifier.ts";
import { DIGEST_KEY_PREFIX, sendDueDigests } from "../src/notify/weekly-digest.ts";
import type { DigestPreview, WeeklyDigest } from "../src/protocol/nudges.ts";
import { openDatabase, type Db } from "../src/store/prisma.ts";
import { DIGEST_DUE, seedNudgeMonth, VOTER, type NudgeWorld } from "./helpers/nudge-fixtures.ts";
import { useTestServer } from "./helpers/use-test-server.ts";

const t = useTestServer({ perTest: true, clock: "fixed" });
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
let w: NudgeWorld;
const closers: Array<() => Promise<void>> = [];

beforeEach(async () => {
  t.clock.advance(DIGEST_DUE.getTime() - MINUTE - t.clock.now().getTime()); // Monday 07:59 in Shanghai
  w = await seedNudgeMonth(t.db, t.world);
});
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

async function receiver() {
  const got: { body: WeeklyDigest; headers: IncomingHttpHeaders }[] = [];
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      got.push({ body: JSON.parse(body) as WeeklyDigest, headers: req.headers });
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  closers.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/digest`, got };
}

/** Another app on the test server's database with its own digest loop ticking every 20 ms. */
async function digestNode(webhookUrl: string): Promise<App> {
  const db: Db = await openDatabase(t.server.app.deps.config.databaseUrl);
  const config = { ...t.server.app.deps.config, notifyDriver: "webhook" as const, notifyWebhookUrl: webhookUrl, notifyWebhookSecret: "s3cret", digestIntervalMs: 20, digestWeekday: 1, digestHour: 8 };
  const app = await createApp({ config, db, now: () => t.clock.now(), log: createLogger("silent") });
  await new Promise<void>((resolve) => app.http.listen(0, "127.0.0.1", resolve));
  closers.push(async () => {
    await app.close();
    await db.$disconnect();
  });
  return app;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
async function until(what: string, ok: () => boolean, timeoutMs = 10_000) {
  const end = Date.now() + timeoutMs;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await pause(25);
  }
}

function expectedIdleDigest(at: Date): WeeklyDigest {
  return {
    kind: "weekly-digest",
    venueId: w.idle,
    venueName: "桥北社区人大代表联络站",
    week: "2026-W11",
    at: at.toISOString(),
    recipients: [
      { userId: w.deputyShengzeId, displayName: "deputy.xiaojuan" },
      { userId: w.staffShengzeId, displayName: "staff.shengze" },
    ],
    counts: { overdue: 1, dueSoon: 1, days: 0 },
    items: [
      { type: "no-activity", month: "2026-03", sessions: 0, dutyActivities: 0 },
      { type: "overdue-case", trackingCode: "QB0001", category: "市政设施", dueAt: "2026-03-01T00:00:00.000Z" },
      { type: "case-due", trackingCode: "QB0002", category: "市政设施", dueAt: "2026-03-14T00:00:00.000Z" },
    ],
  };
}

describe("the weekly digest", () => {
  it("goes out once per venue with something due on Monday at 08:00, even with two apps ticking on one database, and again the next week", async () => {
    const hook = await receiver();
    await digestNode(hook.url);
    await digestNode(hook.url);
    await pause(200); // many ticks of both loops at 07:59: not due yet
    expect(hook.got).toHaveLength(0);

    t.clock.advance(MINUTE);
    // the held station (its coming day), the idle one, and 黎里镇's station; the duty-only station and the studio have nothing to say
    await until("three digests", () => hook.got.length >= 3);
    await pause(300);
    expect(hook.got).toHaveLength(3);
    const byVenue = new Map(hook.got.map((g) => [g.body.venueId, g]));
    expect([...byVenue.keys()].sort()).toEqual([w.held, w.idle, t.world.lili.venueId].sort());
    expect(byVenue.get(w.idle)!.body).toEqual(expectedIdleDigest(DIGEST_DUE));
    expect(byVenue.get(w.idle)!.headers["x-tongxin-secret"]).toBe("s3cret");
    expect(byVenue.get(w.held)!.body.items).toEqual([
      { type: "day", sessionId: w.comingDay, title: "代表接待日", startsAt: "2026-03-13T01:00:00.000Z", deputies: [], noDeputies: true, bookings: 1 },
    ]);
    expect(byVenue.get(t.world.lili.venueId)!.body.items.map((i) => i.type)).toEqual(["no-activity", "overdue-case"]);
    // 黎里镇's digest goes to nobody of 盛泽镇
    expect(byVenue.get(t.world.lili.venueId)!.body.recipients).toEqual([{ userId: expect.any(String), displayName: "staff.lili" }]);
    const wire = JSON.stringify(hook.got.map((g) => g.body));
    for (const secret of [VOTER.name, VOTER.phone, "路灯不亮", "李四", "已停用"]) expect(wire).not.toContain(secret);

    const claims = await t.db.setting.findMany({ where: { key: { startsWith: `${DIGEST_KEY_PREFIX}2026-W11:` } } });
    expect(claims.map((c) => JSON.parse(c.value).state).sort()).toEqual(["sent", "sent", "sent", "skipped", "skipped"]);

    // Tuesday: still week 11, nothing more
    t.clock.advance(DAY);
    await pause(300);
    expect(hook.got).toHaveLength(3);

    // the next Monday 08:00: the held station's day is past, so only the idle station and 黎里镇 hear again
    t.clock.advance(6 * DAY);
    await until("two more digests", () => hook.got.length >= 5);
    await pause(300);
    expect(hook.got).toHaveLength(5);
    const week12 = hook.got.slice(3).map((g) => g.body);
    expect(week12.map((d) => d.week)).toEqual(["2026-W12", "2026-W12"]);
    expect(week12.map((d) => d.venueId).sort()).toEqual([w.idle, t.world.lili.venueId].sort());
    expect(week12.find((d) => d.venueId === w.idle)!.items.map((i) => i.type)).toEqual(["no-activity", "overdue-case", "overdue-case"]);
  });

  it("an admin previews a venue's digest as it reads now, with this week's claim; staff may not", async () => {
    t.clock.advance(MINUTE);
    const before = await t.http("admin").get(`/api/admin/digest?venueId=${w.idle}`);
    expect(before.status).toBe(200);
    expect(before.body as DigestPreview).toEqual({ digest: expectedIdleDigest(DIGEST_DUE), wouldSend: true, claim: null });
    const quiet = await t.http("admin").get(`/api/admin/digest?venueId=${w.dutyOnly}`);
    expect(quiet.body).toMatchObject({ wouldSend: false, digest: { items: [], counts: { overdue: 0, dueSoon: 0, days: 0 } } });

    await sendDueDigests(t.server.app.deps, logDigestNotifier(createLogger("silent")), { weekday: 1, hour: 8 }, t.clock.now());
    const after = await t.http("admin").get(`/api/admin/digest?venueId=${w.idle}`);
    expect(after.body.claim).toEqual({ state: "sent", at: DIGEST_DUE.toISOString() });
    expect((await t.http("admin").get(`/api/admin/digest?venueId=${w.dutyOnly}`)).body.claim.state).toBe("skipped");

    expect((await t.http("staffShengze").get(`/api/admin/digest?venueId=${w.idle}`)).status).toBe(403);
    expect((await t.http("admin").get(`/api/admin/digest?venueId=nope`)).status).toBe(404);
    expect((await t.http("admin").get(`/api/admin/digest`)).status).toBe(400);
  });

  it("the log driver records kind, venue, week and counts only; two runs at once send each digest once", async () => {
    t.clock.advance(MINUTE);
    const lines: Record<string, unknown>[] = [];
    const capture: Logger = { debug: () => {}, warn: () => {}, error: () => {}, info: (msg, fields) => void lines.push({ msg, ...fields }) };
    const deps = t.server.app.deps;
    const notifier = logDigestNotifier(capture);
    const sent = await Promise.all([1, 2].map(() => sendDueDigests(deps, notifier, { weekday: 1, hour: 8 }, t.clock.now())));
    expect(sent.reduce((a, b) => a + b, 0)).toBe(3);
    expect(lines).toHaveLength(3);
    const idle = lines.find((l) => l.venueId === w.idle);
    expect(idle).toEqual({ msg: "notify", kind: "weekly-digest", venueId: w.idle, week: "2026-W11", recipients: 2, overdue: 1, dueSoon: 1, days: 0, noActivity: true });
    const logged = JSON.stringify(lines);
    for (const secret of [VOTER.name, VOTER.phone, "QB0001", "市政设施", "staff.shengze", "deputy.xiaojuan"]) expect(logged).not.toContain(secret);
  });
});
