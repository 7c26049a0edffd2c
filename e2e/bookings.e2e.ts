/**
 * 预约 in the browser (DESIGN §6b): a voter books a place on a 375-px phone and
 * gets a code, a QR and a link; on the day the desk checks the booking in by
 * its code, the paper ticket prints, and the phone's status page says so.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHROMIUM, PHONE, loginAs, openPage, screenshot, seriousA11yViolations, describeViolations, startWorld, todaysSession, type World } from "./fixtures.ts";
import { eventually, joinOnline } from "./steps.ts";

describe.skipIf(!CHROMIUM)("bookings", () => {
  let world: World;

  beforeAll(async () => {
    world = await startWorld();
  });
  afterAll(async () => {
    await world?.close();
  });

  it("a voter books on a 375-px phone and the desk checks the booking in by its code", async () => {
    const today = (await todaysSession(world.base, "盛泽镇坛丘片区人大代表之家")) as { venueId?: string; id: string };
    const { page: desk, context: deskContext } = await openPage(world, "desk");
    await loginAs(deskContext, world.base, "staff.shengze");
    const startsAt = new Date(Date.now() + 30 * 60_000);
    const created = await deskContext.request.post(`${world.base}/api/sessions`, {
      data: {
        venueId: today.venueId,
        title: "预约接待日（加装电梯专场）",
        theme: "加装电梯",
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 2 * 3600_000).toISOString(),
        bookingCapacity: 5,
      },
    });
    expect(created.status()).toBe(201);
    const sessionId = ((await created.json()) as { session: { id: string } }).session.id;

    // The phone: book with name, topic and consent; the code, QR and link appear.
    const { page: phone } = await openPage(world, "booking phone", PHONE);
    await phone.goto(`/s/${sessionId}`);
    const form = phone.getByTestId("booking-form");
    await eventually(() => phone.getByTestId("booking-places").textContent()).toContain("还剩 5 个名额");
    await form.getByRole("textbox", { name: /^姓名/ }).fill("周阿婆");
    await form.getByRole("textbox", { name: /^手机号/ }).fill("13912345678");
    await form.getByRole("textbox", { name: /^反映的事项/ }).fill("老小区加装电梯");
    await form.getByLabel(/我同意将以上个人信息/).check();
    await form.getByRole("button", { name: "提交预约" }).click();
    const codeText = phone.getByTestId("booking-code");
    await eventually(async () => (await codeText.count()) && ((await codeText.textContent()) ?? "")).toMatch(/^[A-Z2-9]{6}$/);
    const code = (await codeText.textContent())!;
    await expect.poll(() => phone.getByTestId("booking-qr").count()).toBe(1);
    expect(await phone.getByTestId("booking-confirmation").textContent()).toContain(`/b/${code}`);
    // Fits the phone: nothing scrolls sideways, the code is large.
    expect(await phone.evaluate("document.documentElement.scrollWidth")).toBeLessThanOrEqual(375);
    const codeSize = Number(await phone.evaluate("parseFloat(getComputedStyle(document.querySelector('[data-testid=booking-code]')).fontSize)"));
    expect(codeSize).toBeGreaterThanOrEqual(32);
    const violations = await seriousA11yViolations(phone);
    expect(violations, describeViolations(violations)).toEqual([]);
    await screenshot(phone, "booking-phone-confirmation", true);

    // The status page from the link: booked, place 1.
    await phone.getByRole("link", { name: "查看我的预约" }).click();
    await eventually(() => phone.getByTestId("booking-status").textContent()).toContain("已预约");

    // The day opens; the desk sees the booking as not yet arrived, and checks it in by code.
    expect((await deskContext.request.patch(`${world.base}/api/sessions/${sessionId}`, { data: { status: "OPEN" } })).status()).toBe(200);
    await desk.goto(`/desk/${sessionId}`);
    const notArrived = desk.getByTestId("booked-not-arrived");
    await eventually(() => notArrived.textContent()).toContain("周阿婆");
    expect(await notArrived.textContent()).toContain("139****5678");
    expect(await notArrived.textContent()).not.toContain("13912345678");
    const checkIn = desk.getByTestId("desk-check-in");
    await checkIn.locator("input[name=bookingCode]").fill(code.toLowerCase());
    await checkIn.getByRole("button", { name: "签到" }).click();
    await eventually(() => desk.getByTestId("desk-check-in-done").textContent()).toContain("A001");
    await eventually(() => desk.getByTestId("print-ticket-label").textContent()).toBe("A001");
    await eventually(() => desk.getByTestId("booked-row").count()).toBe(0);
    // A second check-in of the same code is refused.
    await checkIn.locator("input[name=bookingCode]").fill(code);
    await checkIn.getByRole("button", { name: "签到" }).click();
    await eventually(() => checkIn.getByRole("alert").textContent()).toContain("已签到");
    await screenshot(desk, "booking-desk-check-in");

    await phone.reload();
    await eventually(() => phone.getByTestId("booking-status").textContent()).toContain("已签到");
    expect(await phone.getByTestId("booking-status").textContent()).toContain("A001");
    expect(world.errors.filter((e) => !/409|Conflict/i.test(e))).toEqual([]);
  });

  it("a viewer supports a public topic once from the phone and the hall sees it among the most supported", async () => {
    const session = await todaysSession(world.base, "盛泽镇南麻片区人大代表之家");
    const { page: voter } = await openPage(world, "voter with a topic", PHONE);
    await voter.goto(`/s/${session.id}`);
    await joinOnline(voter, "吴先生", "小区路灯不亮");
    const { page: viewer } = await openPage(world, "supporting viewer", PHONE);
    await viewer.goto(`/s/${session.id}`);
    const topic = viewer.getByTestId("public-topic").filter({ hasText: "小区路灯不亮" });
    await topic.getByRole("button", { name: "我也关心" }).click();
    await eventually(() => topic.getByTestId("support-count").textContent()).toBe("1 人关心");
    expect(await topic.getByRole("button", { name: "已附议" }).isDisabled()).toBe(true);
    // The count is live on the voter's own phone too.
    await eventually(() => voter.getByTestId("public-topic").filter({ hasText: "小区路灯不亮" }).getByTestId("support-count").textContent()).toBe("1 人关心");

    const { page: hall, context } = await openPage(world, "hall");
    await loginAs(context, world.base, "deputy.xiaojuan");
    await hall.goto(`/hall/${session.id}`);
    await eventually(() => hall.getByTestId("hall-supported-topics").textContent()).toContain("小区路灯不亮");
  });
});
