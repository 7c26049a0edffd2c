/**
 * A forum (座谈会) in real browsers: a clerk schedules it with two agenda
 * items and invites two participants; one answers 线上 on the RSVP page and
 * asks to speak on item 1 from the phone, the other is checked in at the desk
 * for item 2; the chair starts item 1, hears the online speaker, moves to
 * item 2 and hears the one in the hall. The screen, the phone and the record
 * follow the agenda.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { SessionView } from "../server/src/protocol/model.ts";
import { CHROMIUM, PHONE, describeViolations, loginAs, openPage, screenshot, seriousA11yViolations, useWorld } from "./fixtures.ts";
import { eventually } from "./steps.ts";

const VENUE = "盛泽镇人大代表之家"; // in scope for staff.shengze and deputy.xiaojuan
const THEME = "丝绸小镇老街保护与商户经营";
const ITEM_1 = "老街立面改造方案";
const ITEM_2 = "商户停车与夜间经营";

/** No sideways scrolling on a 375-px phone, and the 18-px floor for body text and the answer buttons. */
async function expectFitsPhone(page: Page, what: string, selector: string): Promise<void> {
  const layout = (await page.evaluate(
    `({ scroll: document.documentElement.scrollWidth, width: window.innerWidth, font: parseFloat(getComputedStyle(document.body).fontSize), part: parseFloat(getComputedStyle(document.querySelector(${JSON.stringify(selector)})).fontSize) })`,
  )) as { scroll: number; width: number; font: number; part: number };
  expect(layout.width, what).toBe(375);
  expect(layout.scroll, what).toBeLessThanOrEqual(375);
  expect(layout.font, what).toBeGreaterThanOrEqual(18);
  expect(layout.part, what).toBeGreaterThanOrEqual(18);
}

async function expectAccessible(page: Page, what: string): Promise<void> {
  const violations = await seriousA11yViolations(page);
  expect(violations, `${what}:\n${describeViolations(violations)}`).toEqual([]);
}

/** Takes the confirm dialog of "下一议程" (or "开始第 1 项议程"). */
async function nextAgendaItem(hall: Page): Promise<void> {
  await hall.getByTestId("agenda-next").click();
  await hall.getByRole("dialog").getByRole("button", { name: "确认" }).click();
}

/** Calls the head of the current item's list, starts the turn, writes the answer, finishes with a summary. */
async function hearNext(hall: Page, label: string, answer: string, summary: string): Promise<void> {
  await hall.getByTestId("call-next").click();
  await eventually(() => hall.getByTestId("current-turn").textContent()).toContain(label);
  await hall.getByRole("button", { name: "开始发言" }).click();
  await eventually(() => hall.getByTestId("current-turn").getAttribute("data-status")).toBe("SPEAKING");
  await eventually(() => hall.getByTestId("speaker-countdown").textContent()).toMatch(/剩余 \d+:\d\d/);
  await hall.getByTestId("transcript-input").fill(answer);
  await hall.getByTestId("transcript-input").press("Enter");
  await eventually(() => hall.getByTestId("transcript-list").textContent()).toContain(answer);
  await hall.getByRole("button", { name: "结束发言……" }).click();
  const dialog = hall.getByRole("dialog");
  await dialog.getByLabel("本轮摘要（选填）").fill(summary);
  await dialog.getByRole("button", { name: "确认结束" }).click();
  await eventually(() => hall.getByTestId("current-turn").count()).toBe(0);
}

describe.skipIf(!CHROMIUM)("a forum in the browser", () => {
  const world = useWorld();

  it("runs a forum with two agenda items, one participant online and one in the hall", async () => {
    // ── the clerk schedules the forum with its agenda ──────────────────────
    const { page: staff, context: staffContext } = await openPage(world, "staff");
    await loginAs(staffContext, world.base, "staff.shengze");
    await staff.goto("/admin/schedule");
    await staff.getByRole("heading", { name: "接待日安排", level: 1 }).waitFor();
    await staff.getByRole("button", { name: "安排接待日", exact: true }).click();
    const form = staff.getByRole("dialog");
    const venueValue = await form.locator("select[name=venueId] option", { hasText: VENUE }).first().getAttribute("value");
    await form.locator("select[name=venueId]").selectOption(venueValue!);
    await form.getByLabel("座谈会").check();
    await form.getByLabel("名称").fill("老街保护座谈会");
    await form.getByLabel("本月主题").fill(THEME);
    await form.getByLabel("值班代表").fill("沈晓鹃");
    await form.getByLabel("开始时间").fill("00:05");
    await form.getByLabel("结束时间").fill("23:55");
    await form.getByLabel("第 1 项 · 议题").fill(ITEM_1);
    await form.getByLabel("本项用时（分钟）").first().fill("40");
    await form.getByRole("button", { name: "+ 添加议程" }).click();
    await form.getByLabel("第 2 项 · 议题").fill(ITEM_2);
    await form.getByLabel("每人发言（分钟）").nth(1).fill("5");
    // Reorder and back: the editor keeps what was typed in each row.
    await form.getByRole("button", { name: "第 2 项上移" }).click();
    await eventually(() => form.getByLabel("第 1 项 · 议题").inputValue()).toBe(ITEM_2);
    await form.getByRole("button", { name: "第 1 项下移" }).click();
    await eventually(() => form.getByLabel("第 1 项 · 议题").inputValue()).toBe(ITEM_1);
    await screenshot(staff, "forum-schedule-dialog");
    await expectAccessible(staff, "schedule dialog");
    await form.getByRole("button", { name: "保存" }).click();
    await eventually(() => form.isVisible()).toBe(false);

    const from = new Date(Date.now() - 86_400_000).toISOString();
    const listed = (await (await fetch(`${world.base}/api/sessions?from=${from}&theme=${encodeURIComponent(THEME)}`)).json()) as { sessions: SessionView[] };
    expect(listed.sessions).toHaveLength(1);
    const forum = listed.sessions[0]!;
    expect(forum.kind).toBe("FORUM");
    expect(forum.agenda.map((i) => [i.position, i.title, i.timeboxMin, i.speakerMin])).toEqual([
      [1, ITEM_1, 40, 3],
      [2, ITEM_2, 30, 5],
    ]);

    // Editing it again shows the agenda as saved.
    await staff.getByRole("button", { name: new RegExp(THEME) }).click();
    await eventually(() => form.getByLabel("第 2 项 · 议题").inputValue()).toBe(ITEM_2);
    expect(await form.getByLabel("座谈会").isChecked()).toBe(true);
    await form.getByRole("button", { name: "关闭" }).click();

    // ── the invitations: one voter (online), one department representative (hall)
    await staff.getByRole("link", { name: `邀请 · ${forum.title}` }).first().click();
    await staff.getByRole("heading", { name: `邀请参会人 · ${forum.title}` }).waitFor();
    const inviteForm = staff.getByTestId("invite-form");
    await inviteForm.getByLabel("姓名").fill("王小明");
    await inviteForm.getByLabel("单位（选填）").fill("东环社区");
    await inviteForm.getByRole("button", { name: "添加并生成邀请链接" }).click();
    await eventually(() => staff.getByTestId("invite-created-link").textContent()).toMatch(/\/i\/.{16,}/);
    const onlineLink = (await staff.getByTestId("invite-created-link").textContent())!;
    await inviteForm.getByLabel("姓名").fill("李主任");
    await inviteForm.getByLabel("单位（选填）").fill("镇建设管理所");
    await inviteForm.getByLabel("身份").selectOption({ label: "部门代表" });
    await inviteForm.getByRole("button", { name: "添加并生成邀请链接" }).click();
    await eventually(() => staff.getByTestId("invite-table").locator("tbody tr").count()).toBe(2);
    const deptLink = (await staff.getByTestId("invite-created-link").textContent())!;
    expect(deptLink).not.toBe(onlineLink);
    await eventually(() => staff.getByTestId("invite-table").locator("img.invite-qr").count()).toBe(2);
    await expectAccessible(staff, "invitations");
    await staff.emulateMedia({ media: "print" });
    expect(await staff.getByTestId("invite-form").isVisible()).toBe(false);
    await screenshot(staff, "forum-invitations-print", true);
    await staff.emulateMedia({ media: "screen" });

    // ── the chair opens the day (sign-in and the queue open) ───────────────
    const { page: hall, context: hallContext } = await openPage(world, "hall");
    await loginAs(hallContext, world.base, "deputy.xiaojuan");
    await hall.goto(`/hall/${forum.id}`);
    // The agenda cannot start on a day not yet open.
    await eventually(() => hall.getByTestId("agenda-next").isDisabled()).toBe(true);
    await hall.getByRole("button", { name: "开放签到" }).click();
    await eventually(() => hall.locator(".queue-state").first().textContent()).toBe("可以排号");
    await eventually(() => hall.getByTestId("agenda-next").isEnabled()).toBe(true);
    expect(await hall.getByTestId("forum-panel").textContent()).toContain("座谈会尚未开始");

    // ── the online participant answers 线上 and asks to speak on item 1 ────
    const { page: phone } = await openPage(world, "online participant", PHONE);
    await phone.goto(new URL(onlineLink).pathname);
    await eventually(() => phone.locator("h1").textContent()).toBe(forum.title);
    expect(await phone.getByTestId("rsvp-page").textContent()).toContain("王小明，您好");
    expect(await phone.getByTestId("agenda-list").locator("li").allTextContents()).toEqual([expect.stringContaining(ITEM_1), expect.stringContaining(ITEM_2)]);
    await phone.getByRole("button", { name: "到场参加" }).click();
    await eventually(() => phone.getByTestId("rsvp-state").getAttribute("data-rsvp")).toBe("HALL");
    // A change of mind: online after all.
    await phone.getByRole("button", { name: "线上参加" }).click();
    await eventually(() => phone.getByTestId("rsvp-state").getAttribute("data-rsvp")).toBe("ONLINE");
    expect(await phone.getByRole("button", { name: "线上参加" }).getAttribute("aria-pressed")).toBe("true");
    await expectAccessible(phone, "RSVP page");
    await expectFitsPhone(phone, "RSVP page", ".rsvp-answer__choice");
    await screenshot(phone, "forum-rsvp-phone", true);
    await staff.reload();
    await eventually(() => staff.locator("tr[data-rsvp=ONLINE]").count()).toBe(1);
    // This tab still has the links it created; another computer re-issues a lost one, and the old one dies.
    await eventually(() => staff.getByTestId("invite-table").locator("img.invite-qr").count()).toBe(2); // QR images are drawn after the list renders
    const { page: office, context: officeContext } = await openPage(world, "another office computer");
    await loginAs(officeContext, world.base, "staff.shengze");
    await office.goto(`/admin/forums/${forum.id}/invitations`);
    await eventually(() => office.getByTestId("invite-table").locator("tbody tr").count()).toBe(2);
    expect(await office.getByTestId("invite-table").locator("img.invite-qr").count()).toBe(0);
    office.once("dialog", (d) => void d.accept());
    await office.getByRole("button", { name: "为 李主任 重新生成邀请链接" }).click();
    await eventually(() => office.getByTestId("invite-created-link").textContent()).toMatch(/\/i\/.{16,}/);
    const newDeptLink = (await office.getByTestId("invite-created-link").textContent())!;
    expect(newDeptLink).not.toBe(deptLink);
    const tokenOf = (link: string) => new URL(link).pathname.split("/").pop()!;
    expect((await fetch(`${world.base}/api/invitations/${tokenOf(deptLink)}`)).status).toBe(404);
    expect((await fetch(`${world.base}/api/invitations/${tokenOf(newDeptLink)}`)).status).toBe(200);
    await officeContext.close();

    await phone.getByTestId("rsvp-go-online").click();
    await phone.waitForURL(new RegExp(`/s/${forum.id}$`)); // the token leaves the address bar
    await eventually(() => phone.getByTestId("forum-where").getAttribute("data-phase")).toBe("before");
    await eventually(() => phone.getByRole("heading", { name: "申请发言" }).count()).toBe(1);
    await eventually(() => phone.getByRole("textbox", { name: /^姓名/ }).inputValue()).toBe("王小明"); // filled from the invitation once it loads
    await expectFitsPhone(phone, "voter view (forum)", "select[name=agendaItemId]");
    await expectAccessible(phone, "voter view (forum)");
    await screenshot(phone, "forum-voter-phone-join", true);
    expect(await phone.getByLabel(/^发言议程/).locator("option:checked").textContent()).toContain(ITEM_1);
    await phone.getByRole("textbox", { name: /^发言题目/ }).fill("立面改造要保留老字号招牌");
    await phone.getByLabel("允许公开显示我反映的事项").check();
    await phone.getByLabel(/我同意将以上个人信息/).check();
    await phone.locator("#join").getByRole("button", { name: "申请发言" }).click();
    await eventually(async () => (await phone.getByTestId("my-ticket-label").textContent()) ?? "").toMatch(/W\d{3}/);
    const onlineLabel = ((await phone.getByTestId("my-ticket-label").textContent()) ?? "").replace(/\D*(W\d{3}).*/, "$1");
    expect(await phone.getByTestId("my-ticket-item").textContent()).toContain(ITEM_1);
    // A reload finds the ticket again (the voter token, like any join).
    await phone.reload();
    await eventually(() => phone.getByTestId("my-ticket-label").textContent()).toContain(onlineLabel);

    // Without an invitation one watches, and is told speaking online is by invitation.
    const { page: watcher } = await openPage(world, "watcher", PHONE);
    await watcher.goto(`/s/${forum.id}`);
    await eventually(() => watcher.getByTestId("forum-by-invitation").textContent()).toContain("线上发言凭邀请链接参加");
    expect(await watcher.locator("#join").count()).toBe(0);

    // ── the desk checks the department representative in, for item 2 ───────
    const { page: desk, context: deskContext } = await openPage(world, "desk");
    await loginAs(deskContext, world.base, "staff.shengze");
    await desk.goto(`/desk/${forum.id}`);
    const walkIn = desk.getByTestId("walk-in-form");
    await walkIn.getByLabel("受邀人签到").selectOption({ label: "李主任 · 镇建设管理所 · 部门代表" });
    expect(await walkIn.locator("input[name=name]").inputValue()).toBe("李主任");
    await walkIn.getByLabel("发言议程").selectOption({ label: `2. ${ITEM_2}` });
    await walkIn.locator("input[name=topic]").fill("夜间经营时段的停车安排");
    await walkIn.locator("input[name=topic]").press("Enter");
    await eventually(() => desk.getByTestId("print-ticket-label").textContent()).toMatch(/^A\d{3}$/);
    const hallLabel = (await desk.getByTestId("print-ticket-label").textContent())!;

    // ── the hall screen ────────────────────────────────────────────────────
    const { page: screen } = await openPage(world, "screen", { viewport: { width: 1920, height: 1080 } });
    await screen.goto(`/screen/${forum.id}`);
    await eventually(() => screen.getByTestId("screen-agenda-title").textContent()).toBe("座谈会尚未开始。");

    // ── the chair starts item 1: the lists are per item ────────────────────
    await eventually(() => hall.getByTestId("hall-queue").locator("tbody tr").count()).toBe(1);
    expect(await hall.getByTestId("hall-queue").textContent()).toContain(onlineLabel);
    expect(await hall.getByTestId("hall-queue-item-2").textContent()).toContain(hallLabel);
    await nextAgendaItem(hall);
    await eventually(() => hall.getByTestId("forum-current").textContent()).toBe(`议程 1/2 ${ITEM_1}`);
    await eventually(() => hall.getByTestId("item-clock").textContent()).toContain("限时 40:00");
    await eventually(() => phone.getByTestId("forum-where").textContent()).toBe(`正在进行第 1 项（共 2 项）：${ITEM_1}`);
    expect(await phone.locator("[data-testid=agenda-list] li[aria-current=step]").textContent()).toContain(ITEM_1);
    await eventually(() => screen.getByTestId("screen-agenda").textContent()).toBe(`议程 1/2${ITEM_1}`);

    await hall.getByTestId("call-next").click();
    await eventually(() => hall.getByTestId("current-turn").textContent()).toContain(onlineLabel);
    await eventually(() => phone.getByTestId("called-banner").isVisible()).toBe(true);
    await eventually(() => screen.getByTestId("screen-now").textContent()).toBe(onlineLabel);
    await hall.getByRole("button", { name: "开始发言" }).click();
    await eventually(() => screen.getByTestId("speaker-countdown").textContent()).toMatch(/剩余 [0-3]:\d\d/);
    await screenshot(screen, "forum-screen");
    await screenshot(hall, "forum-hall-console", true);
    await expectAccessible(hall, "hall console (forum)");
    const answer1 = "立面改造会先征求老字号商户意见，招牌原样保留。";
    await hall.getByTestId("transcript-input").fill(answer1);
    await hall.getByTestId("transcript-input").press("Enter");
    await eventually(() => phone.locator(".captions__lines").textContent()).toContain(answer1);
    await screenshot(phone, "forum-voter-phone-speaking", true);
    await hall.getByRole("button", { name: "结束发言……" }).click();
    await hall.getByRole("dialog").getByLabel("本轮摘要（选填）").fill("建议保留老字号招牌。");
    await hall.getByRole("dialog").getByRole("button", { name: "确认结束" }).click();
    await eventually(() => phone.getByTestId("my-ticket-status").getAttribute("data-status")).toBe("DONE");

    // ── on to item 2: the hall speaker ─────────────────────────────────────
    await nextAgendaItem(hall);
    await eventually(() => hall.getByTestId("forum-current").textContent()).toBe(`议程 2/2 ${ITEM_2}`);
    await eventually(() => phone.getByTestId("forum-where").getAttribute("data-position")).toBe("2");
    await eventually(() => screen.getByTestId("screen-agenda").textContent()).toBe(`议程 2/2${ITEM_2}`);
    await eventually(() => hall.getByTestId("hall-queue").textContent()).toContain(hallLabel);
    await hearNext(hall, hallLabel, "夜间经营时段开放镇政府停车场。", "夜间停车由镇里统筹。");
    await eventually(() => screen.getByTestId("screen-now").textContent()).toBe("—");

    // The last item ends: the agenda is done everywhere.
    await hall.getByTestId("agenda-next").click();
    await hall.getByRole("dialog").getByRole("button", { name: "确认" }).click();
    await eventually(() => phone.getByTestId("forum-where").getAttribute("data-phase")).toBe("done");
    // The chair closes the forum, in a forum's words; the phone says so.
    await hall.getByRole("button", { name: "结束座谈会" }).click();
    await hall.getByRole("dialog", { name: "结束本次座谈会" }).getByRole("button", { name: "结束座谈会" }).click();
    await eventually(() => phone.getByTestId("forum-where").count()).toBeGreaterThan(0);
    expect(await phone.getByText("主持代表").count()).toBe(1);
    await eventually(() => hall.getByRole("button", { name: "结束座谈会" }).count()).toBe(0);

    // Once started, the agenda is history: the schedule dialog shows it locked.
    await staff.goto("/admin/schedule");
    await staff.getByRole("button", { name: new RegExp(THEME) }).click();
    await eventually(() => form.getByLabel("第 1 项 · 议题").isDisabled()).toBe(true);
    expect(await form.getByTestId("agenda-editor").textContent()).toContain("议程已开始，不能再修改。");
    await form.getByRole("button", { name: "关闭" }).click();

    // ── the record, by agenda item ─────────────────────────────────────────
    await staff.goto(`/admin/records/${forum.id}`);
    await staff.getByRole("heading", { name: "按议程的记录" }).waitFor();
    const item1 = (await staff.getByTestId("record-item-1").textContent()) ?? "";
    const item2 = (await staff.getByTestId("record-item-2").textContent()) ?? "";
    expect(item1).toContain(ITEM_1);
    expect(item1).toContain(onlineLabel);
    expect(item1).toContain("王小明");
    expect(item1).toContain(answer1);
    expect(item1).not.toContain(hallLabel);
    expect(item2).toContain(ITEM_2);
    expect(item2).toContain(hallLabel);
    expect(item2).toContain("李主任");
    expect(item2).toContain("夜间经营时段开放镇政府停车场。");
    await expectAccessible(staff, "record (forum)");
    await screenshot(staff, "forum-record", true);

    // The printable minutes follow the agenda: each speaker under the item they spoke on.
    const minutesHref = await staff.getByRole("link", { name: "会议纪要（可打印）" }).getAttribute("href");
    const minutes = await staffContext.newPage();
    await minutes.goto(minutesHref!);
    const minutesText = (await minutes.locator("body").textContent()) ?? "";
    const at1 = minutesText.indexOf(`议程一：${ITEM_1}`);
    const at2 = minutesText.indexOf(`议程二：${ITEM_2}`);
    expect(at1).toBeGreaterThan(-1);
    expect(at2).toBeGreaterThan(at1);
    expect(minutesText.indexOf(onlineLabel, at1)).toBeGreaterThan(at1);
    expect(minutesText.indexOf(onlineLabel, at1)).toBeLessThan(at2);
    expect(minutesText.indexOf(hallLabel, at2)).toBeGreaterThan(at2);
    expect(minutesText.slice(at1, at2)).not.toContain(hallLabel);
    await screenshot(minutes, "forum-minutes", true);
    await minutes.close();

    expect(world.errors).toEqual([]);
  });
});
