/**
 * A whole reception day in real browsers, each person in their own browser
 * profile: an online voter on a phone, the front desk, the deputy at the hall
 * console (who also keeps the record), and the hall screen.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import {CHROMIUM, DEMO_PASSWORD, PHONE, describeViolations, openPage, screenshot, seriousA11yViolations, todaysSession, type SessionSummary, useWorld } from "./fixtures.ts";
import { eventually, joinOnline, positionOf, statusOf } from "./steps.ts";

const VENUE = "盛泽镇人大代表之家"; // in scope for deputy.xiaojuan and staff.shengze
// speechSynthesis recorded, for 读给我听 on the tracking page (the test machine has no voices).
const SPEECH_STUB = readFileSync(path.join(import.meta.dirname, "speech-stub.js"), "utf8");

describe.skipIf(!CHROMIUM)("a reception day in the browser", () => {
  const world = useWorld();
  let session: SessionSummary;

  beforeAll(async () => {
    session = await todaysSession(world.base, VENUE);
  });

  it("runs a whole reception: online voter, walk-in, deputy, recorder and hall screen", async () => {
    // ── the online voter joins from a phone ────────────────────────────────
    const { page: voter, context: voterContext } = await openPage(world, "voter", PHONE);
    await voterContext.grantPermissions(["notifications"], { origin: world.base });
    await voterContext.addInitScript(SPEECH_STUB);
    await voter.goto(`/s/${session.id}`);
    await eventually(() => voter.locator("h1").textContent()).toContain(session.title);
    await screenshot(voter, "voter-phone-before-join", true);
    const onlineLabel = await joinOnline(voter, "王小明", "小区停车位不够", "希望在小区旁边的空地增设停车位。");
    expect(await positionOf(voter)).toBe(1);
    await eventually(() => voter.getByTestId("my-ticket-wait").textContent()).toContain("预计");

    // ── the desk registers a walk-in and prints the ticket ─────────────────
    const { page: desk, context: deskContext } = await openPage(world, "desk");
    await deskContext.request.post(`${world.base}/api/auth/login`, { data: { username: "staff.shengze", password: DEMO_PASSWORD } });
    await desk.goto(`/desk/${session.id}`);
    const nameInput = desk.locator("[data-testid=walk-in-form] input[name=name]");
    await nameInput.fill("李阿婆");
    await desk.locator("[data-testid=walk-in-form] input[name=topic]").fill("老年食堂开办");
    await desk.locator("[data-testid=walk-in-form] input[name=topic]").press("Enter");
    const ticket = desk.getByTestId("print-ticket");
    await eventually(() => desk.getByTestId("print-ticket-label").textContent()).toMatch(/^A\d{3}$/);
    const walkInLabel = (await desk.getByTestId("print-ticket-label").textContent())!;
    await eventually(() => desk.getByTestId("print-ticket-qr").getAttribute("src")).toMatch(/^data:image\/png;base64,/);
    expect(await ticket.textContent()).toContain(VENUE);
    expect(await ticket.getAttribute("data-link")).toMatch(new RegExp(`/s/${session.id}\\?t=`));
    await screenshot(desk, "desk");
    await desk.emulateMedia({ media: "print" });
    expect(await desk.locator("[data-testid=walk-in-form]").isVisible()).toBe(false);
    expect(await ticket.isVisible()).toBe(true);
    await screenshot(desk, "desk-print");
    await desk.emulateMedia({ media: "screen" });

    // The walk-in's head start puts them ahead; the voter's phone moves without a reload.
    await eventually(() => positionOf(voter)).toBe(2);

    // ── the hall screen ────────────────────────────────────────────────────
    const { page: screen } = await openPage(world, "screen", { viewport: { width: 1920, height: 1080 } });
    await screen.goto(`/screen/${session.id}`);
    await eventually(() => screen.getByTestId("screen-next").textContent()).toBe(`${walkInLabel}${onlineLabel}`);

    // ── the deputy logs in and calls: the walk-in first ────────────────────
    const { page: hall } = await openPage(world, "hall");
    await hall.goto(`/hall/${session.id}`);
    await hall.waitForURL(/\/login\?next=/);
    await hall.getByLabel("用户名").fill("deputy.xiaojuan");
    await hall.getByLabel("密码").fill(DEMO_PASSWORD);
    await hall.getByRole("button", { name: "登录" }).click();
    await hall.waitForURL(new RegExp(`/hall/${session.id}$`));
    await eventually(() => hall.getByTestId("hall-queue").locator("tbody tr").count()).toBe(2);
    // Staff see full names; the public board masks them.
    expect(await hall.getByTestId("hall-queue").textContent()).toContain("王小明");

    await hall.getByTestId("call-next").click();
    await eventually(() => hall.getByTestId("current-turn").textContent()).toContain(walkInLabel);
    await eventually(() => screen.getByTestId("screen-now").textContent()).toBe(walkInLabel);
    await eventually(() => voter.getByTestId("board-now").textContent()).toBe(walkInLabel);
    await screenshot(screen, "screen-calling");
    await hall.getByRole("button", { name: "开始发言" }).click();
    await eventually(() => hall.getByTestId("current-turn").getAttribute("data-status")).toBe("SPEAKING");
    await hall.getByRole("button", { name: "结束发言……" }).click();
    await hall.getByRole("dialog").getByRole("button", { name: "确认结束" }).click();
    await eventually(() => hall.getByTestId("call-next").isEnabled()).toBe(true);
    // Now the online voter is at the head of the line.
    await eventually(() => positionOf(voter)).toBe(1);
    await eventually(() => voter.getByTestId("my-ticket-position").textContent()).toContain("1");

    // ── then the online voter: called, then speaking, without a reload ─────
    await hall.getByTestId("call-next").click();
    await eventually(() => hall.getByTestId("current-turn").textContent()).toContain(onlineLabel);
    await eventually(() => voter.getByTestId("called-banner").isVisible()).toBe(true);
    expect(await statusOf(voter)).toBe("CALLED");
    expect(await voter.title()).toContain("轮到您了");
    await eventually(() => screen.getByTestId("screen-now").textContent()).toBe(onlineLabel);
    await screenshot(voter, "voter-phone-called");
    await hall.getByRole("button", { name: "开始发言" }).click();
    await eventually(() => voter.getByTestId("speaking-banner").isVisible()).toBe(true);
    expect(await statusOf(voter)).toBe("SPEAKING");

    // ── the recorder's lines become captions on the phone ──────────────────
    const line = "我们会同住建部门在两周内现场查看。";
    await hall.getByTestId("transcript-input").fill(line);
    await hall.getByTestId("transcript-input").press("Enter");
    await eventually(() => voter.locator(".captions__lines").textContent()).toContain(line);
    await eventually(() => screen.getByTestId("screen-captions").textContent()).toContain(line);
    // A staff-only note never reaches the voter.
    await hall.getByLabel("仅工作人员可见").check();
    await hall.getByTestId("transcript-input").fill("内部备注：联系物业");
    await hall.getByTestId("transcript-input").press("Enter");
    await eventually(() => hall.getByTestId("transcript-list").textContent()).toContain("内部备注：联系物业");
    await hall.getByLabel("仅工作人员可见").uncheck();
    // An amendment replaces the line in place, marked as corrected.
    await hall.getByRole("button", { name: `更正：${line.slice(0, 20)}` }).click();
    await hall.getByLabel("更正后的内容").fill("我们会同住建部门在一周内现场查看。");
    await hall.getByLabel("更正后的内容").press("Enter");
    await eventually(() => voter.locator(".captions__lines").textContent()).toContain("一周内现场查看。（已更正）");
    expect(await voter.locator(".captions__lines").textContent()).not.toContain("两周内");
    expect(await voter.locator(".captions__lines").textContent()).not.toContain("内部备注");
    await screenshot(hall, "hall-console", true);

    // ── the deputy closes the turn with a follow-up: the voter gets a tracking code
    await hall.getByRole("button", { name: "结束发言……" }).click();
    const dialog = hall.getByRole("dialog");
    await dialog.getByLabel("本轮摘要（选填）").fill("反映小区停车难，建议增设停车位。");
    await dialog.getByLabel("需要后续办理").check();
    await dialog.getByLabel("类别").fill("交通出行");
    await dialog.getByLabel("需要办理的内容").fill("小区旁空地增设停车位的可行性");
    await dialog.getByRole("button", { name: "确认结束" }).click();
    await eventually(() => statusOf(voter)).toBe("DONE");
    await eventually(() => voter.getByTestId("tracking").isVisible()).toBe(true);
    const trackHref = await voter.getByTestId("tracking").getByRole("link").getAttribute("href");
    expect(trackHref).toMatch(/^\/track\/.+/);
    await screenshot(voter, "voter-phone-done", true);
    await screenshot(screen, "screen");

    // ── accessibility of the two busiest views ─────────────────────────────
    const voterViolations = await seriousA11yViolations(voter);
    expect(voterViolations, describeViolations(voterViolations)).toEqual([]);
    const hallViolations = await seriousA11yViolations(hall);
    expect(hallViolations, describeViolations(hallViolations)).toEqual([]);

    // ── the same voter in 长辈版: 0 serious, now against 7:1 contrast; captions grow with it
    await voter.getByRole("button", { name: "长辈版", exact: true }).click();
    await eventually(() => voter.evaluate("document.documentElement.classList.contains('elder')")).toBe(true);
    const elderViolations = await seriousA11yViolations(voter, { enhancedContrast: true });
    expect(elderViolations, describeViolations(elderViolations)).toEqual([]);
    expect(await voter.evaluate("parseFloat(getComputedStyle(document.querySelector('.captions__lines')).fontSize)")).toBeGreaterThanOrEqual(24);
    await screenshot(voter, "voter-phone-done-elder", true);

    // ── the tracking page, in 长辈版, reads the case's status aloud ─────────
    await voter.goto(trackHref!);
    await voter.getByRole("button", { name: "读给我听" }).click();
    await eventually(() => voter.evaluate("window.__speech.log.map(u => u.lang + ' ' + u.text)")).toEqual([
      expect.stringMatching(/^zh-CN 您反映的事项：.+。目前办理状态：(已受理|已交办|办理中)。/),
    ]);
    const trackViolations = await seriousA11yViolations(voter, { enhancedContrast: true });
    expect(trackViolations, describeViolations(trackViolations)).toEqual([]);
    await screenshot(voter, "track-elder", true);

    expect(world.errors).toEqual([]);
  });
});
