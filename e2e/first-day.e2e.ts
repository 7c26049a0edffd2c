/**
 * What the first real reception day showed, in a real browser:
 * the hall screen opened from a deputy's logged-in browser shows masked names,
 * the console fits a 375-px phone and confirms a closed turn, a newcomer finds
 * the tracking-code lookup, the walk-in's slip says where the code will
 * appear, and no page writes errors or warnings to the console.
 */
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { CHROMIUM, DESKTOP, PHONE, loginAs, openPage, screenshot, todaysSession, useWorld } from "./fixtures.ts";
import { eventually, joinOnline, registerWalkIn } from "./steps.ts";

/** Every console error and warning (a 401 included) and every uncaught error of a page. */
function consoleOf(page: Page): string[] {
  const noise: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") noise.push(`${m.type()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => noise.push(`pageerror: ${e.message}`));
  return noise;
}

describe.skipIf(!CHROMIUM)("the first real day", () => {
  const world = useWorld();

  it("the hall screen opened from a deputy's logged-in browser shows 陈*, never the full name", async () => {
    const session = await todaysSession(world.base, "盛泽镇坛丘片区人大代表之家");
    const { page: voter } = await openPage(world, "voter", PHONE);
    await voter.goto(`/s/${session.id}`);
    const label = await joinOnline(voter, "陈美玲", "加装电梯");

    const { page: hall, context } = await openPage(world, "hall", DESKTOP);
    await loginAs(context, world.base, "deputy.xiaojuan");
    await hall.goto(`/hall/${session.id}`);
    await hall.getByRole("button", { name: "叫下一位" }).click();
    // The console is staff: it does show the full name.
    await eventually(() => hall.getByTestId("current-turn").textContent()).toContain("陈美玲");

    // The console's "大屏" link, in the same logged-in browser.
    const [screen] = await Promise.all([context.waitForEvent("page"), hall.getByRole("link", { name: "大屏" }).click()]);
    await eventually(() => screen!.getByTestId("screen-now").textContent()).toBe(label);
    await eventually(() => screen!.locator(".screen__now-name").textContent()).toBe("陈*");
    expect(await screen!.content()).not.toContain("陈美玲");
    expect(await screen!.content()).not.toContain("13800001111");
  });

  it("the hall console fits a 375-px phone and confirms a closed turn", async () => {
    const session = await todaysSession(world.base, "龙北村人大代表联络站");
    const { page: hall, context } = await openPage(world, "hall on a phone", PHONE);
    await loginAs(context, world.base, "deputy.xiaojuan");
    // A queue with people in it: the table's rows and buttons are what overflowed.
    const desk = await context.newPage();
    await desk.goto(`/desk/${session.id}`);
    const first = await registerWalkIn(desk, "欧阳建国", "老旧小区加装电梯需要业主全体同意，希望社区出面协调");
    await registerWalkIn(desk, "李四", "停车");
    await registerWalkIn(desk, "王五", "垃圾分类");
    await desk.close();
    await hall.goto(`/hall/${session.id}`);
    await eventually(() => hall.getByTestId("hall-queue").locator("tbody tr").count()).toBe(3);
    // The page's width, and what sticks out (for the failure message).
    const fits = async () => {
      // A string, evaluated through the DevTools protocol (this project has no DOM types outside the client).
      const { width, out } = (await hall.evaluate(`({
        width: document.documentElement.scrollWidth,
        out: [...document.querySelectorAll("body *")]
          .filter((e) => e.getBoundingClientRect().right > 376)
          .slice(0, 8)
          .map((e) => e.tagName.toLowerCase() + "." + String(e.className).split(" ")[0] + " → " + Math.round(e.getBoundingClientRect().right) + "px"),
      })`)) as { width: number; out: string[] };
      if (width > 375) console.warn(`hall console ${width}px wide: ${out.join(", ")}`);
      return width;
    };
    expect(await fits()).toBeLessThanOrEqual(375);

    await hall.getByRole("button", { name: "叫下一位" }).click();
    await eventually(() => hall.getByTestId("current-turn").textContent()).toContain(first.label);
    expect(await fits()).toBeLessThanOrEqual(375);
    await screenshot(hall, "hall-console-375", true);
    await hall.getByRole("button", { name: "开始发言" }).click();
    await hall.getByRole("button", { name: "结束发言……" }).click();
    expect(await fits()).toBeLessThanOrEqual(375);
    await hall.getByRole("dialog").getByRole("button", { name: "确认结束" }).click();
    await eventually(() => hall.getByTestId("turn-finished").textContent()).toContain(`${first.label} 的发言已结束`);
    expect(await fits()).toBeLessThanOrEqual(375);
  });

  it("a newcomer finds the tracking-code lookup on the home page and at /track", async () => {
    const { page } = await openPage(world, "newcomer", PHONE);
    await page.goto("/");
    const form = page.getByTestId("track-lookup");
    await form.getByRole("textbox", { name: "查询码" }).fill("abcd 2345");
    await form.getByRole("button", { name: "查询" }).click();
    await page.waitForURL(/\/track\/ABCD2345$/);
    await eventually(() => page.getByText("没有找到这个查询码").count()).toBe(1);

    await page.goto("/track");
    await page.getByRole("textbox", { name: "查询码" }).fill("12");
    await page.getByRole("button", { name: "查询" }).click();
    await eventually(() => page.getByRole("alert").textContent()).toContain("8 位");
    expect(page.url()).toMatch(/\/track$/);
  });

  it("the walk-in's paper slip says where the tracking code will appear", async () => {
    const session = await todaysSession(world.base, "衡悦社区人大代表联络站");
    const { page: desk, context } = await openPage(world, "desk", DESKTOP);
    await loginAs(context, world.base, "staff.shengze");
    await desk.goto(`/desk/${session.id}`);
    const { link } = await registerWalkIn(desk, "周阿姨", "路灯不亮");
    expect(link).toMatch(new RegExp(`/s/${session.id}\\?t=`));
    expect(await desk.getByTestId("print-ticket-tracking").textContent()).toContain(`${new URL(world.base).host}/track`);
    // One badge says the queue is open, not two.
    expect(await desk.locator(".page-head__meta").textContent()).not.toContain("可以排号");
  });

  it("no page writes an error or a warning to the console: public pages, the back office, the screen on a call", async () => {
    const noise: string[] = [];
    const visit = async (page: Page, url: string, ready: (p: Page) => Promise<unknown>) => {
      const seen = consoleOf(page);
      await page.goto(url);
      await ready(page);
      // Let late requests (auth, socket) answer.
      await page.waitForTimeout(500);
      noise.push(...seen.map((line) => `${url} ${line}`));
    };
    const session = await todaysSession(world.base, "盛泽镇南麻片区人大代表之家");

    const { page: anonymous } = await openPage(world, "anonymous", PHONE);
    await visit(anonymous, "/", (p) => eventually(() => p.getByTestId("session-card").count()).toBeGreaterThan(0));
    await visit(anonymous, "/track", (p) => p.getByTestId("track-lookup").waitFor());
    await visit(anonymous, "/login", (p) => p.getByRole("button", { name: "登录" }).waitFor());
    await visit(anonymous, `/s/${session.id}`, (p) => p.locator("input[name=name]").waitFor());
    const label = await joinOnline(anonymous, "许先生", "公交线路");

    const { page: staff, context } = await openPage(world, "back office", DESKTOP);
    await loginAs(context, world.base, "admin");
    await visit(staff, "/admin/schedule", (p) => p.getByRole("heading", { level: 1 }).waitFor());
    await visit(staff, "/admin/stats", async (p) => {
      await p.getByTestId("stats-bar-chart").locator("canvas").waitFor();
      await p.getByTestId("stats-trend-chart").locator("canvas").waitFor();
      // The 12-month default period is shown in the pickers.
      await eventually(() => p.locator("input[name=from]").inputValue()).toMatch(/^\d{4}-\d{2}$/);
      await eventually(() => p.locator("input[name=to]").inputValue()).toMatch(/^\d{4}-\d{2}$/);
      await screenshot(p, "stats-echarts", true);
    });

    // The screen (a TV nobody has touched) while the hall calls: no AudioContext warning.
    const { page: tv } = await openPage(world, "screen", DESKTOP);
    await visit(tv, `/screen/${session.id}`, (p) => p.getByTestId("hall-screen").waitFor());
    const screenNoise = consoleOf(tv);
    await visit(staff, `/hall/${session.id}`, (p) => p.getByRole("button", { name: "叫下一位" }).waitFor());
    await staff.getByRole("button", { name: "叫下一位" }).click();
    await eventually(() => tv.getByTestId("screen-now").textContent()).toBe(label);
    await tv.waitForTimeout(500);
    noise.push(...screenNoise.map((line) => `/screen ${line}`));

    expect(noise).toEqual([]);
  });
});
