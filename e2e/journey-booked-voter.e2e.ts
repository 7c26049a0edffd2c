/**
 * A booked voter's journey on a 375-px phone (docs/ARCHITECTURE.md §6b): books a place on
 * the day's page of a future day (booking first, nothing empty above it) and
 * lands on the waitlist; follows the booking's page, where the promotion shows
 * the moment another voter cancels from her own phone; on the day the day's
 * page shows the booking instead of the forms; on her booking's page, after ten
 * seconds offline, she checks in from the phone and the day's page shows her
 * ticket, queued by her booked place ahead of a voter who joined before her; a
 * reload keeps the ticket; the hall calls and serves her.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { CHROMIUM, PHONE, describeViolations, loginAs, openPage, screenshot, seriousA11yViolations, todaysSession, useWorld } from "./fixtures.ts";
import { bookOnDayPage, eventually, joinOnline, positionOf, statusOf } from "./steps.ts";

/** A status change must reach the page live, not after a poll: well under the old 20-second refresh. */
const live = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 3_000, interval: 100 });

const nameFields = (page: Page) => page.getByRole("textbox", { name: /^姓名/ }).count();

describe.skipIf(!CHROMIUM)("a booked voter", () => {
  const world = useWorld();

  it("books, is promoted live from the waitlist, checks in on the day from the phone and is served in her booked place", async () => {
    // Setup: a day at 坛丘 tomorrow-ish (in an hour) with one bookable place.
    const venue = (await todaysSession(world.base, "盛泽镇坛丘片区人大代表之家")) as { venueId?: string };
    const { context: staff } = await openPage(world, "staff setup");
    await loginAs(staff, world.base, "staff.shengze");
    const startsAt = new Date(Date.now() + 60 * 60_000);
    const created = await staff.request.post(`${world.base}/api/sessions`, {
      data: { venueId: venue.venueId, title: "预约接待日（加装电梯专场）", theme: "加装电梯", startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 2 * 3600_000).toISOString(), slotMin: 8, bookingCapacity: 1 },
    });
    expect(created.status()).toBe(201);
    const sessionId = ((await created.json()) as { session: { id: string } }).session.id;

    // Another voter takes the only place from her own phone.
    const { page: other } = await openPage(world, "other booker", PHONE);
    await other.goto(`/s/${sessionId}`);
    await bookOnDayPage(other, "钱先生", "楼道堆物");

    // 1. The future day's page: the booking form comes first, no empty stream, captions or queue above it.
    const { page: phone, context } = await openPage(world, "booked voter", PHONE);
    phone.on("dialog", (d) => void d.accept());
    await phone.goto(`/s/${sessionId}`);
    const form = phone.getByTestId("booking-form");
    await eventually(() => phone.getByTestId("booking-places").textContent()).toContain("名额已满");
    expect(await phone.locator(".voter-grid__watch, [data-testid=board-now]").count()).toBe(0);
    // Within the first screen of the phone, not ~1,000 px down.
    expect((await form.boundingBox())!.y).toBeLessThan(812);
    expect(await nameFields(phone)).toBe(1);
    expect(await phone.evaluate("document.documentElement.scrollWidth")).toBeLessThanOrEqual(375);
    await screenshot(phone, "booked-voter-1-future-day", true);

    // 2. She books and lands on the waitlist; the page now shows her booking, not the forms.
    const code = await bookOnDayPage(phone, "周阿婆", "老小区加装电梯", "13912345678");
    const mine = phone.getByTestId("my-booking");
    await eventually(() => mine.getByTestId("booking-status").textContent()).toContain("候补中 · 候补第 1 位");
    expect(await mine.textContent()).toContain("有人取消时按候补顺序递补");
    await expect.poll(() => mine.getByTestId("booking-qr").count()).toBe(1);
    expect(await nameFields(phone)).toBe(0);
    const codeSize = Number(await phone.evaluate("parseFloat(getComputedStyle(document.querySelector('[data-testid=my-booking-code]')).fontSize)"));
    expect(codeSize).toBeGreaterThanOrEqual(32);
    const violations = await seriousA11yViolations(phone);
    expect(violations, describeViolations(violations)).toEqual([]);
    await screenshot(phone, "booked-voter-2-waitlisted", true);

    // 3. Her booking's page, reloaded once on the way: still waitlisted.
    await mine.getByRole("link", { name: "查看我的预约" }).click();
    await phone.waitForURL(new RegExp(`/b/${code}$`));
    await eventually(() => phone.getByTestId("booking-status").textContent()).toContain("候补第 1 位");
    await phone.reload();
    await eventually(() => phone.getByTestId("booking-status").textContent()).toContain("候补第 1 位");
    await screenshot(phone, "booked-voter-3-status-page");

    // 4. The other voter cancels from her phone; the promotion shows on this page at once, without a reload.
    other.on("dialog", (d) => void d.accept());
    await other.getByTestId("my-booking").getByRole("link", { name: "查看我的预约" }).click();
    await other.getByRole("button", { name: "取消预约" }).click();
    await eventually(() => other.getByTestId("booking-status").textContent()).toContain("已取消");
    await live(() => phone.getByTestId("booking-status").textContent()).toContain("已预约");
    expect(await phone.getByTestId("booking-status").textContent()).toContain("第 2 位");
    await screenshot(phone, "booked-voter-4-promoted-live");

    // On the day (setup: the day began ten minutes ago and opens), a voter joins online before she arrives.
    const opened = await staff.request.patch(`${world.base}/api/sessions/${sessionId}`, {
      data: { startsAt: new Date(Date.now() - 10 * 60_000).toISOString(), status: "OPEN" },
    });
    expect(opened.status()).toBe(200);
    const { page: early } = await openPage(world, "early voter", PHONE);
    await early.goto(`/s/${sessionId}`);
    const earlyLabel = await joinOnline(early, "孙大伯", "路灯不亮");

    // 5. The day's page shows her booking with the check-in — no join form, no booking form.
    await phone.getByRole("link", { name: "打开接待日页面" }).click();
    await phone.waitForURL(new RegExp(`/s/${sessionId}$`));
    await eventually(() => phone.getByTestId("my-booking").textContent()).toContain("您已预约");
    await eventually(() => phone.getByTestId("my-booking-code").textContent()).toBe(code);
    await eventually(() => phone.getByTestId("my-booking").getByTestId("booking-status").textContent()).toContain("已预约 · 第 2 位");
    await eventually(() => phone.getByTestId("booking-check-in").count()).toBe(1);
    expect(await nameFields(phone)).toBe(0);
    expect(await phone.getByRole("button", { name: "提交并排队" }).count()).toBe(0);
    await screenshot(phone, "booked-voter-5-day-page-knows-booking", true);

    // 6. She opens her booking's page, where the check-in is too; ten seconds without a network, then back.
    await phone.getByTestId("my-booking").getByRole("link", { name: "查看我的预约" }).click();
    await phone.waitForURL(new RegExp(`/b/${code}$`));
    await eventually(() => phone.getByTestId("booking-check-in").count()).toBe(1);
    await context.setOffline(true);
    await eventually(() => phone.locator(".connection-banner").count()).toBe(1);
    await screenshot(phone, "booked-voter-6-offline");
    await phone.waitForTimeout(10_000);
    await context.setOffline(false);
    await eventually(() => phone.locator(".connection-banner").count()).toBe(0);

    // 7. 我已到场 / 在线签到 goes through; the day's page shows her ticket, queued by her booked place:
    // ahead of the voter who joined first.
    await phone.getByTestId("booking-check-in").click();
    await phone.waitForURL(new RegExp(`/s/${sessionId}$`));
    const label = phone.getByTestId("my-ticket-label");
    await eventually(async () => ((await label.count()) ? await label.textContent() : "")).toMatch(/W002/);
    await eventually(() => positionOf(phone)).toBe(1);
    await eventually(() => positionOf(early)).toBe(2);
    expect(await phone.getByTestId("my-booking").count()).toBe(0);
    expect(await phone.getByRole("alert").count()).toBe(0);
    await screenshot(phone, "booked-voter-7-checked-in", true);

    // A reload keeps the ticket and its place.
    await phone.reload();
    await eventually(async () => ((await label.count()) ? await label.textContent() : "")).toMatch(/W002/);
    await eventually(() => positionOf(phone)).toBe(1);

    // 8. The hall calls her, she speaks, the turn is finished — all through the console.
    const { page: hall, context: hallContext } = await openPage(world, "hall");
    await loginAs(hallContext, world.base, "deputy.xiaojuan");
    await hall.goto(`/hall/${sessionId}`);
    await eventually(() => hall.getByTestId("hall-queue").locator("tbody tr").count()).toBe(2);
    await hall.getByTestId("call-next").click();
    await eventually(() => hall.getByTestId("current-turn").textContent()).toContain("W002");
    await eventually(() => phone.getByTestId("called-banner").isVisible()).toBe(true);
    await screenshot(phone, "booked-voter-8-called");
    await hall.getByRole("button", { name: "开始发言" }).click();
    await eventually(() => phone.getByTestId("speaking-banner").isVisible()).toBe(true);
    await hall.getByRole("button", { name: "结束发言……" }).click();
    await hall.getByRole("dialog").getByRole("button", { name: "确认结束" }).click();
    await eventually(() => statusOf(phone)).toBe("DONE");
    await screenshot(phone, "booked-voter-9-served", true);

    // Her booking's page says where she went.
    await phone.goto(`/b/${code}`);
    await eventually(() => phone.getByTestId("booking-status").textContent()).toContain("已签到，排号 W002");
    expect(earlyLabel).toBe("W001");
    // Requests refused while the phone was offline are expected; nothing else.
    expect(world.errors.filter((e) => !/ERR_INTERNET_DISCONNECTED/.test(e))).toEqual([]);
  });
});
