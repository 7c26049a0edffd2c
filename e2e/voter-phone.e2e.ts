/**
 * The voter's phone: it keeps the ticket across reloads and QR links, fits a
 * 375-px screen with large type, shows the server's field errors in place,
 * remembers the language, and catches up after losing the connection.
 */
import { describe, expect, it } from "vitest";
import { call, connectClient } from "../server/test/helpers/test-server.ts";
import { CHROMIUM, DEMO_PASSWORD, PHONE, openPage, screenshot, todaysSession, useWorld } from "./fixtures.ts";
import { eventually, joinOnline, positionOf, statusOf } from "./steps.ts";

describe.skipIf(!CHROMIUM)("the voter's phone", () => {
  const world = useWorld();

  it("a reload mid-queue keeps the same ticket and the same place", async () => {
    const session = await todaysSession(world.base, "盛泽镇坛丘片区人大代表之家");
    const { page: first } = await openPage(world, "first voter", PHONE);
    await first.goto(`/s/${session.id}`);
    await joinOnline(first, "赵一", "路灯不亮");
    const { page: second } = await openPage(world, "second voter", PHONE);
    await second.goto(`/s/${session.id}`);
    const label = await joinOnline(second, "钱二", "垃圾分类点太远");
    await eventually(() => positionOf(second)).toBe(2);

    await second.reload();
    await eventually(() => second.getByTestId("my-ticket-label").textContent()).toContain(label);
    await eventually(() => positionOf(second)).toBe(2);
    expect(await second.locator("#join").count()).toBe(0);
  });

  it("a voter can leave the queue and join again", async () => {
    const session = await todaysSession(world.base, "东方丝绸市场人大代表联络站");
    const { page } = await openPage(world, "leaving voter", PHONE);
    await page.goto(`/s/${session.id}`);
    await joinOnline(page, "冯三", "菜价");
    await page.getByRole("button", { name: "取消排队" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "取消排队" }).click();
    await eventually(() => statusOf(page)).toBe("LEFT");
    await eventually(() => page.getByTestId("board-waiting").textContent()).toBe("0 人");
    await page.getByRole("button", { name: "重新排队" }).click();
    await eventually(() => page.locator("#join").count()).toBe(1);
  });

  it("the voter view fits a 375-px phone with type of at least 18 px", async () => {
    const session = await todaysSession(world.base, "盛泽镇目澜片区人大代表之家");
    const { page } = await openPage(world, "small phone", PHONE);
    await page.goto(`/s/${session.id}`);
    await page.locator("#join").waitFor();
    const layout = (await page.evaluate(
      "({ scroll: document.documentElement.scrollWidth, width: window.innerWidth, font: parseFloat(getComputedStyle(document.body).fontSize), input: parseFloat(getComputedStyle(document.querySelector('input[name=name]')).fontSize) })",
    )) as { scroll: number; width: number; font: number; input: number };
    expect(layout.width).toBe(375);
    expect(layout.scroll).toBeLessThanOrEqual(375);
    expect(layout.font).toBeGreaterThanOrEqual(18);
    expect(layout.input).toBeGreaterThanOrEqual(18);
    await screenshot(page, "voter-phone", true);
  });

  it("shows the server's field errors beside the fields", async () => {
    const session = await todaysSession(world.base, "衡悦社区人大代表联络站");
    const { page } = await openPage(world, "voter with a long name", PHONE);
    await page.goto(`/s/${session.id}`);
    // React's form, not the server's stand-in that it replaces (a limit lifted there would not carry over).
    const name = page.locator("#join").getByRole("textbox", { name: /^姓名/ });
    await name.waitFor();
    // The browser would stop at 50 characters; lift the limit so the server has to refuse.
    await name.evaluate((el) => el.removeAttribute("maxlength"));
    await name.fill("名".repeat(60));
    await page.getByRole("textbox", { name: /^反映的事项/ }).fill("停车");
    await page.getByLabel(/我同意将以上个人信息/).check();
    await page.getByRole("button", { name: "提交并排队" }).click();
    await eventually(() => name.getAttribute("aria-invalid")).toBe("true");
    const describedBy = (await name.getAttribute("aria-describedby")) ?? "";
    const errorText = await page.locator(`[id="${describedBy.split(" ").pop()}"]`).textContent();
    expect(errorText).toContain("不超过 50 个字");
  });

  it("remembers the English switch", async () => {
    const session = await todaysSession(world.base, "黄家溪村人大代表联络站");
    const { page } = await openPage(world, "english voter", PHONE);
    await page.goto(`/s/${session.id}`);
    await page.getByRole("button", { name: "Switch to English" }).click();
    await eventually(() => page.locator("#join-title").textContent()).toBe("Join the queue");
    await page.reload();
    await eventually(() => page.locator("#join-title").textContent()).toBe("Join the queue");
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    await page.getByRole("button", { name: "切换到中文" }).click();
    await eventually(() => page.locator("#join-title").textContent()).toBe("我要排队");
  });

  it("shows a banner while disconnected and catches up on what it missed", async () => {
    const session = await todaysSession(world.base, "龙北村人大代表联络站");
    const { page } = await openPage(world, "voter losing the network", PHONE);
    await page.goto(`/s/${session.id}`);
    await eventually(() => page.getByTestId("board-waiting").textContent()).toBe("0 人");

    const login = await fetch(`${world.base}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "staff.shengze", password: DEMO_PASSWORD }),
    });
    const { token } = (await login.json()) as { token: string };
    const staff = await connectClient(world.base, { token });
    try {
      // The server drops every browser; while they are away, two walk-ins register.
      world.server.app.io.sockets.sockets.forEach((s) => {
        if (s.id !== staff.id) s.disconnect(true);
      });
      for (const name of ["周一", "吴二"]) {
        const res = await call(staff, "desk:register", { sessionId: session.id, name, topic: "自来水压力小", isPublic: false });
        expect(res.ok).toBe(true);
      }
      await eventually(() => page.locator(".connection-banner").count()).toBe(1);
      await screenshot(page, "voter-phone-offline");
      await eventually(() => page.getByTestId("board-waiting").textContent()).toBe("2 人");
      await eventually(() => page.locator(".connection-banner").count()).toBe(0);
    } finally {
      staff.disconnect();
    }
  });
});
