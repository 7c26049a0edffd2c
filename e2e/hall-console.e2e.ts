/**
 * The deputy's console beyond "call next": priority with a reason, calling a
 * particular voter, the turn clock, no-shows and requeues, and the session
 * controls that every voter's phone follows live. Plus the home page a
 * logged-in deputy starts from.
 */
import { describe, expect, it } from "vitest";
import { CHROMIUM, DESKTOP, PHONE, loginAs, openPage, screenshot, todaysSession, useWorld } from "./fixtures.ts";
import { eventually, registerWalkIn } from "./steps.ts";

describe.skipIf(!CHROMIUM)("the hall console", () => {
  const world = useWorld();

  it("prioritizes, calls a chosen voter, requeues a no-show and drives the session", async () => {
    const session = await todaysSession(world.base, "晓鹃工作室");
    const { page: desk, context: deskContext } = await openPage(world, "desk");
    await loginAs(deskContext, world.base, "staff.shengze");
    await desk.goto(`/desk/${session.id}`);
    const a = await registerWalkIn(desk, "周甲", "加装电梯");
    const b = await registerWalkIn(desk, "吴乙", "停车收费");
    const c = await registerWalkIn(desk, "郑丙", "社区养老");

    const { page: voter, context: voterContext } = await openPage(world, "watching voter", PHONE);
    // The stream set below is a stand-in on the relay's origin, which this test does not run:
    // serve it a tiny playlist so the phone's player has something to load.
    const standInStream = `${world.server.app.deps.config.mediaHlsBase}/demo.m3u8`;
    await voterContext.route(standInStream, (route) =>
      route.fulfill({ status: 200, contentType: "application/vnd.apple.mpegurl", body: "#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:2\n#EXT-X-ENDLIST\n" }),
    );
    await voter.goto(`/s/${session.id}`);
    await eventually(() => voter.getByTestId("board-waiting").textContent()).toBe("3 人");

    const { page: hall, context: hallContext } = await openPage(world, "hall", DESKTOP);
    await loginAs(hallContext, world.base, "deputy.xiaojuan");
    await hall.goto(`/hall/${session.id}`);
    const rows = hall.getByTestId("hall-queue").locator("tbody tr");
    const order = () => rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-label")));
    await eventually(order).toEqual([a.label, b.label, c.label]);
    await eventually(() => hall.getByTestId("viewer-count").textContent()).toMatch(/在线观看 [3-9] 人/);

    // Priority, with a reason, puts the elderly voter at the head.
    await hall.getByRole("button", { name: `设 ${c.label} 为优先` }).click();
    await hall.getByRole("dialog").getByLabel("高龄").check();
    await hall.getByRole("dialog").getByRole("button", { name: "设为优先" }).click();
    await eventually(order).toEqual([c.label, a.label, b.label]);
    expect(await rows.first().textContent()).toContain("高龄");
    await eventually(() => voter.getByTestId("board-next").textContent()).toBe(c.label);

    // Call a particular voter; the turn clock runs.
    await hall.getByRole("button", { name: `叫号 ${b.label}` }).click();
    await eventually(() => hall.getByTestId("current-turn").textContent()).toContain(b.label);
    await eventually(() => hall.locator(".turn-timer__clock").textContent()).toMatch(/^0:(0[1-9]|[1-5]\d)/);

    // Nobody came: a no-show, then back into the line in the old place.
    await hall.getByRole("button", { name: "未到场" }).click();
    await eventually(() => hall.locator("#missed-title").count()).toBe(1);
    await hall.getByRole("button", { name: "按原位重排" }).click();
    await eventually(order).toEqual([c.label, a.label, b.label]);
    await screenshot(hall, "hall-console-queue", true);

    // Session controls, followed live on the voter's phone.
    // The first call already made the day live: no 开始接待 left to press.
    const badge = voter.locator(".session-header .badge").first();
    await eventually(() => badge.textContent()).toBe("接待中");
    expect(await hall.getByRole("button", { name: "开始接待" }).count()).toBe(0);
    await hall.getByRole("button", { name: "暂停" }).click();
    await eventually(() => badge.textContent()).toBe("暂停中");
    await hall.getByRole("button", { name: "继续接待" }).click();
    await eventually(() => badge.textContent()).toBe("接待中");
    await hall.getByRole("button", { name: "关闭排队" }).click();
    await eventually(() => voter.getByText("排队暂未开放").count()).toBe(1);
    expect(await voter.locator("#join").count()).toBe(0);
    await hall.getByRole("button", { name: "开放排队" }).click();
    await eventually(() => voter.locator("#join").count()).toBe(1);
    // A stream URL turns the placeholder into a player on every phone, and back. It must come
    // from an origin the voter page may play (the relay's, MEDIA_HLS_BASE): another is refused.
    await hall.getByText("直播地址与主题").click();
    await hall.getByLabel("直播地址（HLS）").fill("https://elsewhere.example/live/demo.m3u8");
    await hall.getByRole("button", { name: "保存" }).click();
    await eventually(() => hall.getByText(/直播地址不在允许的来源中/).count()).toBeGreaterThan(0);
    expect(await voter.locator("video").count()).toBe(0);
    await hall.getByLabel("直播地址（HLS）").fill(standInStream);
    await hall.getByRole("button", { name: "保存" }).click();
    await eventually(() => voter.locator("video").count()).toBe(1);
    await hall.getByLabel("直播地址（HLS）").fill("");
    await hall.getByRole("button", { name: "保存" }).click();
    await eventually(() => voter.locator(".stream--placeholder").count()).toBe(1);

    await hall.getByRole("button", { name: "结束接待" }).click();
    await hall.getByRole("dialog").getByRole("button", { name: "结束接待" }).click();
    await eventually(() => badge.textContent()).toBe("已结束");
    await eventually(() => voter.getByText("本次接待已结束").count()).toBe(1);
    expect(world.errors).toEqual([]);
  });

  it("shows today's reception days by town, with the staff views for a logged-in deputy", async () => {
    const { page: visitor } = await openPage(world, "home visitor", PHONE);
    await visitor.goto("/");
    await eventually(() => visitor.getByTestId("session-card").count()).toBeGreaterThan(3);
    expect(await visitor.getByRole("link", { name: "主持台" }).count()).toBe(0);
    await visitor.getByRole("button", { name: "黎里镇" }).click();
    const towns = await visitor.getByTestId("session-card").locator(".session-card__venue").allTextContents();
    expect(towns.every((t) => t.includes("黎里镇"))).toBe(true);
    await expect.poll(() => visitor.getByRole("heading", { name: "黎里镇" }).count()).toBe(1);
    await screenshot(visitor, "home-phone", true);

    const { page: deputy, context } = await openPage(world, "home deputy");
    await loginAs(context, world.base, "deputy.xiaojuan");
    await deputy.goto("/");
    await eventually(() => deputy.getByRole("link", { name: "主持台" }).count()).toBeGreaterThan(0);
    await screenshot(deputy, "home");
    const session = await todaysSession(world.base, "盛泽镇人大代表之家");
    await deputy.locator(`[data-session-id="${session.id}"]`).getByRole("link", { name: "主持台" }).click();
    await deputy.waitForURL(new RegExp(`/hall/${session.id}$`));
    await eventually(() => deputy.locator("h1").textContent()).toBe(session.title);
  });
});
