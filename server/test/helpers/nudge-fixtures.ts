/**
 * A seeded March 2026 for the activity nudges and the weekly digest, on top of
 * the two-town world (fixtures.ts): three stations of 盛泽镇 — one with a
 * reception day, one with only a duty activity, one with nothing (its only day
 * was scheduled and never opened) — in three deputy groups, cases overdue, due
 * within the week and due later, and a coming day without deputies. 盛泽镇's
 * staff and deputy are given the three stations; 黎里镇's station has nothing
 * this month and one overdue case. Case summaries hold a voter's name and phone
 * so tests can check they never leave.
 */
import type { Db } from "../../src/store/prisma.ts";
import type { World } from "./fixtures.ts";

const at = (iso: string) => new Date(iso);
const HOUR = 3_600_000;

/** Wednesday 11 March 2026, 10:00 in Shanghai. */
export const MARCH_NOW = at("2026-03-11T02:00:00Z");
/** Monday 9 March 2026, 08:00 in Shanghai: the week's digest is due. */
export const DIGEST_DUE = at("2026-03-09T00:00:00Z");
export const VOTER = { name: "张三", phone: "13812345678" };

export interface NudgeWorld {
  held: string;
  dutyOnly: string;
  idle: string;
  groups: { held: string; dutyOnly: string; idle: string };
  cases: { idleOverdue: string; idleDueSoon: string; idleLater: string; liliOverdue: string };
  comingDay: string;
  staffShengzeId: string;
  deputyShengzeId: string;
}

async function day(db: Db, venueId: string, startsAt: string, status: "SCHEDULED" | "ENDED", deputies: string[]): Promise<string> {
  const s = await db.receptionSession.create({
    data: { venueId, title: "代表接待日", theme: "民生实事", startsAt: at(startsAt), endsAt: new Date(at(startsAt).getTime() + 3 * HOUR), status, deputies: JSON.stringify(deputies) },
  });
  return s.id;
}

async function caseAt(db: Db, venueId: string, code: string, dueAt: string | null, status: "OPEN" | "IN_PROGRESS" | "RESOLVED" = "OPEN"): Promise<string> {
  const c = await db.case.create({
    data: {
      trackingCode: code,
      venueId,
      category: "市政设施",
      summary: `${VOTER.name}（${VOTER.phone}）反映路灯不亮`,
      status,
      dueAt: dueAt ? at(dueAt) : null,
      createdAt: at("2026-02-20T02:00:00Z"),
      resolvedAt: status === "RESOLVED" ? at("2026-02-25T02:00:00Z") : null,
    },
  });
  return c.id;
}

export async function seedNudgeMonth(db: Db, world: World): Promise<NudgeWorld> {
  const group = async (name: string) => (await db.deputyGroup.create({ data: { name, town: "盛泽镇" } })).id;
  const groups = { held: await group("盛泽镇第一代表小组"), dutyOnly: await group("盛泽镇第二代表小组"), idle: await group("盛泽镇第三代表小组") };
  const station = async (name: string, deputyGroupId: string) => (await db.venue.create({ data: { name, kind: "STATION", town: "盛泽镇", deputyGroupId } })).id;
  const held = await station("南麻社区人大代表联络站", groups.held);
  const dutyOnly = await station("坛丘社区人大代表联络站", groups.dutyOnly);
  const idle = await station("桥北社区人大代表联络站", groups.idle);

  const staff = await db.user.findUniqueOrThrow({ where: { username: "staff.shengze" } });
  const deputy = await db.user.findUniqueOrThrow({ where: { username: "deputy.xiaojuan" } });
  for (const userId of [staff.id, deputy.id]) await db.userVenue.createMany({ data: [held, dutyOnly, idle].map((venueId) => ({ userId, venueId })) });
  // a disabled account is nobody's recipient
  await db.user.create({ data: { username: "staff.gone", displayName: "已停用", role: "STAFF", passwordHash: "x", disabled: true, venues: { create: [{ venueId: idle }] } } });

  await day(db, held, "2026-03-05T01:00:00Z", "ENDED", ["沈晓鹃"]);
  const comingDay = await day(db, held, "2026-03-13T01:00:00Z", "SCHEDULED", []);
  await db.booking.createMany({
    data: [
      { sessionId: comingDay, code: "BK2345", place: 1, status: "BOOKED", name: "李四", topic: "路灯", tokenHash: "h1", bookedAt: at("2026-03-01T00:00:00Z") },
      { sessionId: comingDay, code: "BK2346", place: 2, status: "CANCELLED", name: "王五", topic: "路灯", tokenHash: "h2", bookedAt: at("2026-03-01T00:00:00Z") },
    ],
  });
  await db.dutyActivity.create({ data: { deputyName: "沈晓鹃", venueId: dutyOnly, kind: "VISIT", title: "走访企业", date: at("2026-03-06T00:00:00Z"), hours: 2 } });
  // scheduled, never opened: it did not happen
  await day(db, idle, "2026-03-02T01:00:00Z", "SCHEDULED", ["沈晓鹃"]);
  // last month's day does not count for March
  await day(db, idle, "2026-02-27T01:00:00Z", "ENDED", ["沈晓鹃"]);

  const cases = {
    idleOverdue: await caseAt(db, idle, "QB0001", "2026-03-01T00:00:00Z", "IN_PROGRESS"),
    idleDueSoon: await caseAt(db, idle, "QB0002", "2026-03-14T00:00:00Z"),
    idleLater: await caseAt(db, idle, "QB0003", "2026-04-30T00:00:00Z"),
    liliOverdue: await caseAt(db, world.lili.venueId, "SH0001", "2026-03-03T00:00:00Z"),
  };
  // settled past its due date: not overdue
  await caseAt(db, idle, "QB0004", "2026-03-01T00:00:00Z", "RESOLVED");
  return { held, dutyOnly, idle, groups, cases, comingDay, staffShengzeId: staff.id, deputyShengzeId: deputy.id };
}
