/**
 * Station staff's journey at a desktop (docs/ARCHITECTURE.md §6b, §6c): open a day for
 * bookings in the schedule dialog (places and a booking window, checked as
 * typed), see the places in the schedule; a voter books (setup through the
 * API); on the day the desk checks the booking in by its typed code while the
 * voter's booking page follows live; the hall shows the phone of the turn in
 * full; and the audit page says what was touched in words — the day's title
 * and the ticket's label, no raw ids.
 */
import { describe, expect, it } from "vitest";
import { CHROMIUM, PHONE, describeViolations, loginAs, openPage, screenshot, seriousA11yViolations, useWorld } from "./fixtures.ts";
import { eventually } from "./steps.ts";

const TITLE = "预约接待日（养老助餐专场）";
const pad = (n: number) => String(n).padStart(2, "0");

/** Tomorrow in China ("YYYY-MM-DD"): the browsers run in Asia/Shanghai. */
function tomorrowInChina(): { date: string; monthsAhead: number } {
  const china = (ms: number) => new Date(ms + 8 * 3600_000);
  const today = china(Date.now());
  const next = china(Date.now() + 86_400_000);
  return {
    date: `${next.getUTCFullYear()}-${pad(next.getUTCMonth() + 1)}-${pad(next.getUTCDate())}`,
    monthsAhead: next.getUTCMonth() === today.getUTCMonth() ? 0 : 1,
  };
}

describe.skipIf(!CHROMIUM)("station staff", () => {
  const world = useWorld();

  it("open a day for bookings in the schedule, check a booking in at the desk by its code, and read the audit in words", async () => {
    const { page, context } = await openPage(world, "staff");
    await loginAs(context, world.base, "staff.shengze");
    const day = tomorrowInChina();

    // 1. The schedule dialog: a day tomorrow at 坛丘 with two places to book.
    await page.goto("/admin/schedule");
    await page.getByRole("heading", { name: "接待日安排", level: 1 }).waitFor();
    await page.getByRole("button", { name: "安排接待日", exact: true }).click();
    const form = page.getByRole("dialog");
    await form.getByLabel("联络站", { exact: true }).selectOption({ label: "盛泽镇坛丘片区人大代表之家" });
    await form.getByLabel(/^名称/).fill(TITLE);
    await form.getByLabel(/^日期/).fill(day.date);
    await form.getByLabel("开始时间").fill("09:00");
    await form.getByLabel("结束时间").fill("11:30");
    await form.getByLabel(/^预约名额/).fill("2");
    // A window that closes after the day ends is refused as typed, and nothing is saved.
    await form.getByLabel(/^预约截止/).fill(`${day.date}T12:00`);
    await eventually(() => form.getByText("预约截止不能晚于接待结束").count()).toBe(1);
    expect(await form.getByRole("button", { name: "保存" }).isDisabled()).toBe(true);
    await screenshot(page, "station-staff-1-schedule-dialog-refuses");
    await form.getByLabel(/^预约截止/).fill(`${day.date}T08:00`);
    await eventually(() => form.getByText("预约截止不能晚于接待结束").count()).toBe(0);
    const violations = await seriousA11yViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    await screenshot(page, "station-staff-2-schedule-dialog");
    await form.getByRole("button", { name: "保存" }).click();
    await eventually(() => form.isVisible()).toBe(false);

    // The schedule shows the day with its places, after a reload too.
    await page.reload();
    await page.getByRole("heading", { name: "接待日安排", level: 1 }).waitFor();
    for (let i = 0; i < day.monthsAhead; i++) await page.getByRole("button", { name: "下个月" }).click();
    const places = page.locator(".bo-calendar__session").filter({ hasText: "坛丘" }).getByTestId("schedule-places");
    await eventually(() => places.first().textContent()).toContain("预约 0/2");
    await screenshot(page, "station-staff-3-schedule-places");
    const sessions = (await (await context.request.get(`${world.base}/api/sessions?from=${new Date().toISOString()}`)).json()) as { sessions: { id: string; title: string; bookingCapacity: number; bookingClosesAt: string | null }[] };
    const session = sessions.sessions.find((s) => s.title === TITLE)!;
    expect(session).toMatchObject({ bookingCapacity: 2, bookingClosesAt: new Date(`${day.date}T08:00:00+08:00`).toISOString() });

    // 2. A voter books (setup through the API) and keeps her booking's page open on her phone.
    const booked = await context.request.post(`${world.base}/api/sessions/${session.id}/bookings`, {
      data: { name: "周阿婆", phone: "13912345678", topic: "社区老人助餐", isPublic: false },
    });
    expect(booked.status()).toBe(201);
    const code = ((await booked.json()) as { booking: { code: string } }).booking.code;
    const { page: phone } = await openPage(world, "voter's phone", PHONE);
    await phone.goto(`/b/${code}`);
    await eventually(() => phone.getByTestId("booking-status").textContent()).toContain("已预约");
    await page.reload();
    await eventually(() => places.first().textContent()).toContain("预约 1/2");

    // 3. On the day (setup: the day opens), the desk checks her in by the code as she says it.
    expect((await context.request.patch(`${world.base}/api/sessions/${session.id}`, { data: { status: "OPEN" } })).status()).toBe(200);
    const desk = page;
    await desk.goto(`/desk/${session.id}`);
    const notArrived = desk.getByTestId("booked-not-arrived");
    await eventually(() => notArrived.textContent()).toContain("周阿婆");
    expect(await notArrived.textContent()).toContain("139****5678");
    expect(await notArrived.textContent()).not.toContain("13912345678");
    const checkIn = desk.getByTestId("desk-check-in");
    await checkIn.locator("input[name=bookingCode]").fill(`${code.slice(0, 3).toLowerCase()} ${code.slice(3).toLowerCase()}`);
    await checkIn.getByRole("button", { name: "签到" }).click();
    await eventually(() => desk.getByTestId("desk-check-in-done").textContent()).toContain("周阿婆 已签到，排号 A001");
    await eventually(() => desk.getByTestId("print-ticket-label").textContent()).toBe("A001");
    await eventually(() => desk.getByTestId("booked-row").count()).toBe(0);
    // Her phone follows at once, without a reload.
    await expect.poll(() => phone.getByTestId("booking-status").textContent(), { timeout: 3_000, interval: 100 }).toContain("已签到，排号 A001");
    await screenshot(phone, "station-staff-4-voter-phone-checked-in");
    // The same code again is refused in words.
    await checkIn.locator("input[name=bookingCode]").fill(code);
    await checkIn.getByRole("button", { name: "签到" }).click();
    await eventually(() => checkIn.getByRole("alert").textContent()).toContain("已签到");
    await screenshot(desk, "station-staff-5-desk-check-in");

    // 4. In the hall, the turn's phone is shown in full to call her back — which the audit records.
    await desk.goto(`/hall/${session.id}`);
    await desk.getByTestId("call-next").click();
    await eventually(() => desk.getByTestId("current-turn").textContent()).toContain("A001");
    await desk.getByTestId("current-turn").getByTestId("phone-show").click();
    await eventually(() => desk.getByTestId("current-turn").getByTestId("phone").textContent()).toBe("13912345678");

    // The day's record: its audit trail reads in words too.
    await desk.goto(`/admin/records/${session.id}`);
    const trail = desk.locator("section[aria-labelledby=record-audit]");
    await trail.locator("summary").click();
    await eventually(() => trail.textContent()).toContain("A001 取号（现场）");
    expect(await trail.textContent()).toContain("接待日排队中");
    expect(await trail.textContent()).not.toMatch(/\b(OPEN|SCHEDULED)\b/);
    await screenshot(desk, "station-staff-6-record-audit-trail", true);

    // 5. The administrator reads the audit in words: the day and the ticket, no raw ids.
    const { page: admin, context: adminContext } = await openPage(world, "admin");
    await loginAs(adminContext, world.base, "admin");
    await admin.goto("/admin/audit");
    const row = admin.getByTestId("audit-page").locator("tbody tr").filter({ hasText: "查看完整电话" }).first();
    await eventually(() => row.textContent()).toContain(TITLE);
    const target = (await row.getByTestId("audit-target").textContent())!;
    expect(target).toContain("排号 A001");
    expect(target).toContain("盛泽镇坛丘片区人大代表之家");
    expect(target).toMatch(/\d+月\d+日/);
    expect(await admin.getByTestId("audit-page").textContent()).not.toMatch(/(ticket|session|case):/);
    expect(await row.textContent()).toContain("staff.shengze");
    await screenshot(admin, "station-staff-7-audit-in-words");
    expect(world.errors.filter((e) => !/409|Conflict/i.test(e))).toEqual([]);
  });
});
