/**
 * A walk-in, as the people involved live it: staff log in at the front desk,
 * register someone who came in person and hand over the printed ticket
 * (label, surname only, QR); the person's phone opens the QR link and follows
 * the line live — through a reload and ten seconds without network — until
 * the hall calls them. The day has run past its scheduled end: the desk says
 * so, the phone says so politely, and staff extend it from the desk.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ARTIFACTS, CHROMIUM, DEMO_PASSWORD, PHONE, describeViolations, loginAs, openPage, screenshot, seriousA11yViolations, todaysSession, useWorld } from "./fixtures.ts";
import { eventually, positionOf, registerWalkIn, statusOf } from "./steps.ts";

const VENUE = "盛泽镇南麻片区人大代表之家"; // in scope for staff.shengze
const MIN = 60_000;

/** HH:mm as the pages print it (Asia/Shanghai, the fixtures' time zone). */
const hhmm = (t: number) => new Intl.DateTimeFormat("zh-CN", { hour: "2-digit", minute: "2-digit", hour12: false, timeZone: "Asia/Shanghai" }).format(new Date(t));

describe.skipIf(!CHROMIUM)("a walk-in follows the printed ticket on a phone", () => {
  const world = useWorld();

  it("desk → printed ticket → the phone by QR, through a reload and an outage, until called; the overrun is told and extended", async () => {
    // Setup: an open day at the venue whose scheduled end passed 40 minutes ago.
    const { venueId } = (await todaysSession(world.base, VENUE)) as unknown as { venueId: string };
    const { context: setup } = await openPage(world, "setup");
    await loginAs(setup, world.base, "staff.shengze");
    const endsAt = Date.now() - 40 * MIN;
    const created = await setup.request.post(`${world.base}/api/sessions`, {
      data: { venueId, title: "南麻片区晚间接待", theme: "老旧小区改造", startsAt: new Date(endsAt - 150 * MIN).toISOString(), endsAt: new Date(endsAt).toISOString(), status: "OPEN" },
    });
    expect(created.status()).toBe(201);
    const sessionId = ((await created.json()) as { session: { id: string } }).session.id;
    await setup.close();

    // ── the desk: staff log in on the desk's own computer ──────────────────
    const { page: desk } = await openPage(world, "desk");
    await desk.goto(`/desk/${sessionId}`);
    await desk.waitForURL(/\/login\?next=/);
    await desk.getByLabel("用户名").fill("staff.shengze");
    await desk.getByLabel("密码").fill(DEMO_PASSWORD);
    await desk.getByRole("button", { name: "登录" }).click();
    await desk.waitForURL(new RegExp(`/desk/${sessionId}$`));
    // The day ran past its end: the desk says so and offers the choice.
    const deskOverrun = desk.getByTestId("staff-overrun");
    await eventually(() => deskOverrun.textContent()).toContain(`已超过预定结束时间 ${hhmm(endsAt)}`);
    await screenshot(desk, "journey-walk-in-1-desk-overrun");

    // ── a walk-in is registered and the ticket printed ─────────────────────
    const { label, link } = await registerWalkIn(desk, "张建国", "小区加装电梯");
    expect(label).toMatch(/^A\d{3}$/);
    const ticket = desk.getByTestId("print-ticket");
    await eventually(() => desk.getByTestId("print-ticket-qr").getAttribute("src")).toMatch(/^data:image\/png;base64,/);
    expect(await desk.getByTestId("print-ticket-name").textContent()).toBe("登记人：张*");
    expect(await ticket.textContent()).not.toContain("张建国");
    expect(await ticket.textContent()).toContain(VENUE);
    expect(link).toMatch(new RegExp(`/s/${sessionId}\\?t=`));
    await ticket.screenshot({ path: path.join(ARTIFACTS, "journey-walk-in-2-printed-ticket.png") });
    const deskViolations = await seriousA11yViolations(desk);
    expect(deskViolations, describeViolations(deskViolations)).toEqual([]);

    // ── the person's phone opens the QR link ───────────────────────────────
    const { page: phone, context: phoneContext } = await openPage(world, "walk-in phone", PHONE);
    await phone.goto(link.replace(/^https?:\/\/[^/]+/, ""));
    await eventually(() => phone.getByTestId("my-ticket-label").textContent()).toContain(label);
    expect(phone.url()).not.toContain("t=");
    await eventually(() => positionOf(phone)).toBe(1);
    expect(await phone.locator("body").textContent()).not.toContain("张建国");
    // Politely told the day ran long and may close soon; joining stays open while staff keep it.
    const phoneOverrun = phone.getByTestId("voter-overrun");
    await eventually(() => phoneOverrun.textContent()).toContain(`本场接待已超过预定结束时间 ${hhmm(endsAt)}`);
    await screenshot(phone, "journey-walk-in-3-phone-by-qr", true);
    const phoneViolations = await seriousA11yViolations(phone);
    expect(phoneViolations, describeViolations(phoneViolations)).toEqual([]);

    // The hall console says it too (staff on the desk's computer open it in a new tab).
    const hall = await desk.context().newPage();
    await hall.goto(`/hall/${sessionId}`);
    const hallOverrun = hall.getByTestId("staff-overrun");
    await eventually(() => hallOverrun.textContent()).toContain(`已超过预定结束时间 ${hhmm(endsAt)}`);
    expect(await hallOverrun.getByRole("button", { name: "立即结束本场" }).count()).toBe(1);
    await screenshot(hall, "journey-walk-in-4-hall-overrun");

    // ── staff extend the day by 30 minutes from the desk ───────────────────
    const extend = deskOverrun.getByRole("button", { name: /^延长 30 分钟/ });
    // The button says where the end moves to; the day's pages must then say the same.
    const newEnd = /至 (\d\d:\d\d)/.exec((await extend.textContent()) ?? "")?.[1];
    expect(newEnd).toMatch(/^\d\d:\d\d$/);
    await extend.click();
    await eventually(() => deskOverrun.count()).toBe(0);
    await eventually(() => hallOverrun.count()).toBe(0);
    // The phone learns it live: the notice goes, the new end time shows.
    await eventually(() => phoneOverrun.count()).toBe(0);
    await eventually(() => phone.locator(".session-facts").textContent()).toContain(`–${newEnd}`);
    expect(await desk.getByTestId("staff-overrun").count()).toBe(0);
    await screenshot(desk, "journey-walk-in-5-desk-extended");
    await screenshot(phone, "journey-walk-in-6-phone-extended");

    // ── reload: the phone still knows the ticket ───────────────────────────
    await phone.reload();
    await eventually(() => phone.getByTestId("my-ticket-label").textContent()).toContain(label);
    expect(await statusOf(phone)).toBe("WAITING");

    // ── ten seconds without network; the hall calls meanwhile ──────────────
    await eventually(() => hall.getByTestId("hall-queue").textContent()).toContain(label);
    await phoneContext.setOffline(true);
    await eventually(() => phone.locator(".connection-banner").textContent()).toContain("网络连接已断开");
    await screenshot(phone, "journey-walk-in-7-phone-offline");
    await hall.getByTestId("call-next").click();
    await eventually(() => hall.getByTestId("current-turn").textContent()).toContain(label);
    await phone.waitForTimeout(10_000);
    expect(await phone.getByTestId("called-banner").count()).toBe(0);
    await phoneContext.setOffline(false);

    // ── back online: the phone shows the call ──────────────────────────────
    await expect.poll(() => statusOf(phone), { timeout: 20_000, interval: 200 }).toBe("CALLED");
    const banner = phone.getByTestId("called-banner");
    await eventually(() => banner.textContent()).toContain("轮到您了！");
    expect(await banner.textContent()).toContain(label);
    await screenshot(phone, "journey-walk-in-8-phone-called");
    expect(world.errors.filter((e) => !/Failed to load resource|ERR_INTERNET_DISCONNECTED/.test(e))).toEqual([]);
  });
});
