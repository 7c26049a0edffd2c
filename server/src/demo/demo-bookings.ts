/**
 * The demo's bookings (预约) on next month's days and its deputies' duty
 * records (履职), drawn from the article: 盛泽镇's 8 deputy groups' training
 * sessions, 黎里镇 三好村's door-to-door visits, 同里镇's monthly-theme surveys.
 * Written through the real services, like the rest of the seed.
 */
import type { Actor, ServiceDeps } from "../services/deps.ts";
import { createBooking } from "../services/bookings-and-support/bookings.ts";
import { addDutyActivity } from "../services/duty-and-scoring/duty-records.ts";
import type { DutyActivityView } from "../protocol/duty.ts";

export const BOOKING_CAPACITY = 12;

/** A few voters who booked next month's day at each 代表之家 ahead (names, topics as in the article's concerns). */
export const DEMO_BOOKINGS: readonly { name: string; phone?: string; topic: string; question?: string; isPublic: boolean }[] = [
  { name: "沈阿姨", phone: "13962500001", topic: "老小区加装电梯", question: "六楼老人上下楼难，想了解加装电梯的补贴政策。", isPublic: true },
  { name: "周师傅", topic: "菜场周边停车难", isPublic: true },
  { name: "吴老伯", phone: "13962500003", topic: "河道保洁", question: "屋后河道漂浮物多，希望增加保洁频次。", isPublic: false },
  { name: "陆女士", topic: "幼儿园入园", isPublic: true },
];

export interface DutySeed {
  venueKey: string;
  deputyName: string;
  kind: DutyActivityView["kind"];
  title: string;
  /** days before today */
  daysAgo: number;
  hours: number;
}

export const DUTY_SEEDS: readonly DutySeed[] = [
  { venueKey: "sz-home", deputyName: "沈晓鹃", kind: "TRAINING", title: "盛泽镇8个代表小组集中学习培训（代表履职能力提升）", daysAgo: 20, hours: 3 },
  { venueKey: "sz-home", deputyName: "王建明", kind: "TRAINING", title: "盛泽镇8个代表小组集中学习培训（代表履职能力提升）", daysAgo: 20, hours: 3 },
  { venueKey: "sz-tanqiu", deputyName: "朱国平", kind: "VISIT", title: "坛丘片区走访纺织企业，听取用工意见", daysAgo: 12, hours: 2.5 },
  { venueKey: "ll-sanhao", deputyName: "钱建华", kind: "VISIT", title: "三好村入户走访，收集村民对人居环境整治的意见", daysAgo: 9, hours: 4 },
  { venueKey: "ll-sanhao", deputyName: "张根林", kind: "VISIT", title: "三好村入户走访独居老人", daysAgo: 9, hours: 3 },
  { venueKey: "tl-home", deputyName: "顾炳荣", kind: "SURVEY", title: "围绕本月主题“古镇保护与旅游发展”开展专题调研", daysAgo: 15, hours: 4 },
  { venueKey: "tl-home", deputyName: "任雪琴", kind: "SURVEY", title: "围绕本月主题“古镇保护与旅游发展”开展专题调研", daysAgo: 15, hours: 4 },
];

/** Opens bookings on the given days and books the demo voters on the first two. */
export async function writeDemoBookings(deps: ServiceDeps, staffOfSession: (sessionId: string) => Actor, sessionIds: readonly string[]): Promise<number> {
  const { updateSession } = await import("../services/live-day/session-control.ts");
  let made = 0;
  for (const [i, id] of sessionIds.entries()) {
    await updateSession(deps, staffOfSession(id), id, { bookingCapacity: BOOKING_CAPACITY });
    if (i >= 2) continue;
    for (const b of DEMO_BOOKINGS) {
      await createBooking(deps, id, b);
      made++;
    }
  }
  return made;
}

export async function writeDutyRecords(deps: ServiceDeps, staffOfVenueKey: (key: string) => { actor: Actor; venueId: string }, now: number): Promise<number> {
  for (const d of DUTY_SEEDS) {
    const { actor, venueId } = staffOfVenueKey(d.venueKey);
    await addDutyActivity(deps, actor, { deputyName: d.deputyName, venueId, kind: d.kind, title: d.title, date: new Date(now - d.daysAgo * 86_400_000), hours: d.hours });
  }
  return DUTY_SEEDS.length;
}
