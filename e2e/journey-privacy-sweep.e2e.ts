/**
 * A privacy sweep: one marker person — a name, a phone and a private question
 * — goes in through every door (the join form on a phone, the desk, a booking,
 * the message box, and a caption where the recorder names them as 选民 in
 * full), while public pages stay open beside: the hall screen (opened from a
 * logged-in browser), the day's page on other phones, the next day's booking
 * page, the station's page, and the pages a code opens (/track, /b). None of
 * them, in the text a person reads or in any WebSocket frame it receives,
 * ever carries the full name, the phone or the question; 甄* may show.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { CHROMIUM, DESKTOP, PHONE, loginAs, openPage, screenshot, todaysSession, type World, useWorld } from "./fixtures.ts";
import { eventually, registerWalkIn } from "./steps.ts";

const MARKER = { name: "甄隐私", phone: "13987654321", question: "地下室渗水三年无人管，门牌十二号" };
const TOPIC = "房屋修缮";

/** A public page, and every WebSocket frame it has received since it opened. */
interface Watched {
  name: string;
  page: Page;
  frames: string[];
}

async function watchPublic(world: World, name: string, path: string, opts = PHONE, login?: string): Promise<Watched> {
  const { page, context } = await openPage(world, name, opts);
  if (login) await loginAs(context, world.base, login);
  const frames: string[] = [];
  page.on("websocket", (ws) => ws.on("framereceived", (f) => frames.push(typeof f.payload === "string" ? f.payload : f.payload.toString("utf8"))));
  await page.goto(path);
  return { name, page, frames };
}

describe.skipIf(!CHROMIUM)("journey: a privacy sweep", () => {
  const world = useWorld();

  it("a name, a phone and a private question put in through every door never reach a public page or its frames", async () => {
    const today = (await todaysSession(world.base, "晓鹃工作室")) as { id: string; venueId?: string };
    const venueId = today.venueId!;
    // Setup: a later day at the same station that takes bookings.
    const { page: desk, context: deskContext } = await openPage(world, "desk");
    await loginAs(deskContext, world.base, "staff.shengze");
    const startsAt = new Date(Date.now() + 2 * 86_400_000);
    const created = await deskContext.request.post(`${world.base}/api/sessions`, {
      data: { venueId, title: "预约接待日（房屋修缮）", theme: TOPIC, startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 2 * 3600_000).toISOString(), bookingCapacity: 5 },
    });
    expect(created.status()).toBe(201);
    const laterId = ((await created.json()) as { session: { id: string } }).session.id;

    // The public side, open from the start so every frame is seen.
    const watched: Watched[] = [
      await watchPublic(world, "screen", `/screen/${today.id}`, { viewport: { width: 1920, height: 1080 } }, "deputy.xiaojuan"),
      await watchPublic(world, "day page, another phone", `/s/${today.id}`),
      await watchPublic(world, "later day page, another phone", `/s/${laterId}`),
      await watchPublic(world, "station page", `/v/${venueId}`),
    ];

    // ── door 1: joining online from a phone, private, with a phone for the reply
    const { page: joiner } = await openPage(world, "joining phone", PHONE);
    await joiner.goto(`/s/${today.id}`);
    await joiner.getByRole("textbox", { name: /^姓名/ }).fill(MARKER.name);
    await joiner.getByLabel("需要回访/答复").check();
    await joiner.getByRole("textbox", { name: /^手机号/ }).fill(MARKER.phone);
    await joiner.getByRole("textbox", { name: /^反映的事项/ }).fill(TOPIC);
    await joiner.getByRole("textbox", { name: /^具体问题/ }).fill(MARKER.question);
    await joiner.getByLabel(/我同意将以上个人信息/).check();
    await joiner.getByRole("button", { name: "提交并排队" }).click();
    await eventually(async () => (await joiner.getByTestId("my-ticket-label").textContent()) ?? "").toMatch(/W\d{3}/);
    await screenshot(joiner, "journey-sweep-1-joined", true);

    // ── door 2: the desk registers the same person as a walk-in
    await desk.goto(`/desk/${today.id}`);
    const walkIn = await registerWalkIn(desk, MARKER.name, TOPIC, { phone: MARKER.phone, question: MARKER.question });
    await screenshot(desk, "journey-sweep-2-desk");

    // ── door 3: a booking for the later day
    const { page: booker } = await openPage(world, "booking phone", PHONE);
    await booker.goto(`/s/${laterId}`);
    const booking = booker.getByTestId("booking-form");
    await booking.locator("input[name=name]").fill(MARKER.name);
    await booking.locator("input[name=phone]").fill(MARKER.phone);
    await booking.locator("input[name=topic]").fill(TOPIC);
    await booking.locator("textarea[name=question]").fill(MARKER.question);
    await booking.getByLabel(/我同意将以上个人信息/).check();
    await booking.getByRole("button", { name: "提交预约" }).click();
    const bookingCode = booker.getByTestId("my-booking-code");
    await eventually(async () => (await bookingCode.count()) && ((await bookingCode.textContent()) ?? "")).toMatch(/^[A-Z2-9]{6}$/);
    const code = (await bookingCode.textContent())!;
    await screenshot(booker, "journey-sweep-3-booked", true);

    // ── door 4: the station's message box
    const { page: writer } = await openPage(world, "message phone", PHONE);
    await writer.goto(`/v/${venueId}`);
    const message = writer.getByTestId("message-form");
    await message.getByRole("textbox", { name: /^姓名/ }).fill(MARKER.name);
    await message.getByRole("textbox", { name: /^反映的事项/ }).fill(TOPIC);
    await message.getByRole("textbox", { name: /^具体情况/ }).fill(MARKER.question);
    await message.getByLabel("需要回访/答复").check();
    await message.getByRole("textbox", { name: /^手机号/ }).fill(MARKER.phone);
    // Without consent the form says so in the message box's own words, then sends once ticked.
    await message.getByRole("button", { name: "提交留言" }).click();
    await eventually(() => message.locator(".field__error").allTextContents()).toContain("请先勾选同意，才能提交留言");
    await screenshot(writer, "journey-sweep-4-message-consent", true);
    await message.getByLabel(/我同意将以上个人信息/).check();
    await message.getByRole("button", { name: "提交留言" }).click();
    const messageCode = writer.getByTestId("message-code");
    await eventually(async () => (await messageCode.count()) && ((await messageCode.textContent()) ?? "")).toMatch(/^[A-Z2-9]{8}$/);
    const trackingCode = (await messageCode.textContent())!;
    await screenshot(writer, "journey-sweep-5-message-sent", true);

    // ── door 5: at the console the recorder names the walk-in as 选民 in full, and notes the phone for staff
    const { page: hall, context: hallContext } = await openPage(world, "console", DESKTOP);
    await loginAs(hallContext, world.base, "deputy.xiaojuan");
    await hall.goto(`/hall/${today.id}`);
    await hall.getByTestId("call-next").click();
    const turn = hall.getByTestId("current-turn");
    await eventually(() => turn.textContent()).toContain(walkIn.label);
    await hall.getByRole("button", { name: "开始发言" }).click();
    await eventually(() => turn.getAttribute("data-status")).toBe("SPEAKING");
    await hall.getByLabel("类型").selectOption({ label: "提问" });
    const speaker = hall.locator(".transcript-composer").getByLabel("姓名");
    await speaker.fill(MARKER.name);
    const said = "希望尽快派人来看看。";
    await hall.getByTestId("transcript-input").fill(said);
    await hall.getByTestId("transcript-input").press("Enter");
    await eventually(() => hall.getByTestId("transcript-list").textContent()).toContain(`${MARKER.name}${said}`);
    await hall.getByLabel("仅工作人员可见").check();
    await hall.getByLabel("类型").selectOption({ label: "备注" });
    await hall.getByTestId("transcript-input").fill(`回访电话 ${MARKER.phone}`);
    await hall.getByTestId("transcript-input").press("Enter");
    await eventually(() => hall.getByTestId("transcript-list").textContent()).toContain(MARKER.phone);
    await hall.getByLabel("仅工作人员可见").uncheck();
    await hall.getByRole("button", { name: "结束发言……" }).click();
    const dialog = hall.getByRole("dialog");
    await dialog.getByLabel("需要后续办理").check();
    await dialog.getByLabel("类别").fill("城乡建设");
    await dialog.getByLabel("需要办理的内容").fill("老旧住房渗水修缮");
    await dialog.getByRole("button", { name: "确认结束" }).click();
    const finished = hall.getByTestId("turn-finished");
    await eventually(async () => (await finished.count()) && ((await finished.textContent()) ?? "")).toMatch(/查询码 [A-Z2-9]{8}/);
    const followUpCode = /查询码 ([A-Z2-9]{8})/.exec((await finished.textContent())!)![1]!;
    // The online ticket too: called and heard, its private question stays with staff.
    await hall.getByTestId("call-next").click();
    await hall.getByRole("button", { name: "开始发言" }).click();
    await eventually(() => hall.getByTestId("transcript-list").textContent()).toContain(MARKER.question);
    await screenshot(hall, "journey-sweep-6-console", true);

    // The pages a code opens are public too.
    watched.push(
      await watchPublic(world, "track page (message)", `/track/${trackingCode}`),
      await watchPublic(world, "track page (follow-up)", `/track/${followUpCode}`),
      await watchPublic(world, "booking status page", `/b/${code}`),
      await watchPublic(world, "home page", "/"),
    );

    // ── the sweep: what each public page shows now, after a reload, and every frame it received
    const screen = watched[0]!.page;
    await eventually(() => screen.getByTestId("screen-captions").textContent()).toContain(said);
    expect(await screen.getByTestId("screen-captions").textContent()).toContain(`甄*：${said}`);
    await eventually(() => screen.getByTestId("screen-now").textContent()).toMatch(/W\d{3}/);
    await screenshot(screen, "journey-sweep-7-screen");
    for (const w of watched.slice(4, 6)) await eventually(() => w.page.locator("#track-title").count()).toBe(1);
    await eventually(() => watched[6]!.page.getByTestId("booking-status").count()).toBe(1);
    for (const w of watched) {
      await w.page.waitForLoadState("networkidle");
      const before = await w.page.locator("body").innerText();
      await w.page.reload();
      await w.page.waitForLoadState("networkidle");
      const after = await w.page.locator("body").innerText();
      await screenshot(w.page, `journey-sweep-8-${w.name.replace(/[^a-z]+/g, "-")}`, true);
      const everything = [before, after, ...w.frames].join("\n");
      for (const [what, secret] of Object.entries(MARKER)) expect(everything, `${w.name}: ${what}`).not.toContain(secret);
    }
    // The checks can see what they look for: the screen and the day's page carry 甄* and frames.
    for (const w of watched.slice(0, 2)) {
      expect(w.frames.length, w.name).toBeGreaterThan(0);
      expect(w.frames.join("\n") + (await w.page.locator("body").innerText()), w.name).toContain("甄*");
    }
    expect(world.errors.filter((e) => !/400|Bad Request/i.test(e))).toEqual([]);
  });
});
