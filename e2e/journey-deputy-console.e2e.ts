/**
 * The deputy at the console, with the hall screen and a voter's phone beside
 * it: call the next (a walk-in who is not at the lectern, so the deputy calls
 * them by phone), caption the voter as 选民 and answer, close the turn with a
 * follow-up, then call the online voter. The screen shows the right words for
 * each, the label, 张* and the captions, never a full name; the phone keeps
 * its 附议 across a reload and catches up after a dropped network.
 */
import { describe, expect, it } from "vitest";
import { CHROMIUM, DESKTOP, PHONE, loginAs, openPage, screenshot, todaysSession, useWorld } from "./fixtures.ts";
import { eventually, joinOnline, registerWalkIn } from "./steps.ts";

const WALK_IN = { name: "张建国", phone: "13812345678", topic: "老人助餐" };
const ONLINE = { name: "李秀英", topic: "公交站台太远" };

describe.skipIf(!CHROMIUM)("journey: the deputy at the console", () => {
  const world = useWorld();

  it("calls, phones a walk-in, captions 选民 as label and 张*, finishes with a follow-up; the screen never shows a full name", async () => {
    const session = await todaysSession(world.base, "晓鹃工作室");

    // The TV in the hall, and a voter's phone in the line.
    const { page: screen } = await openPage(world, "screen", { viewport: { width: 1920, height: 1080 } });
    await screen.goto(`/screen/${session.id}`);
    const { page: voter, context: voterContext } = await openPage(world, "voter", PHONE);
    await voter.goto(`/s/${session.id}`);
    const onlineLabel = await joinOnline(voter, ONLINE.name, ONLINE.topic);

    // A walk-in at the desk, with a phone for the deputy and a public topic.
    const { page: desk, context: deskContext } = await openPage(world, "desk");
    await loginAs(deskContext, world.base, "staff.shengze");
    await desk.goto(`/desk/${session.id}`);
    const walkIn = await registerWalkIn(desk, WALK_IN.name, WALK_IN.topic, { phone: WALK_IN.phone, isPublic: true });
    await eventually(() => screen.getByTestId("screen-next").textContent()).toBe(`${walkIn.label}${onlineLabel}`);

    // 附议 on the phone: the walk-in's topic, once; a reload still shows it supported, and the count does not double.
    const topic = voter.getByTestId("public-topic").filter({ hasText: WALK_IN.topic });
    await topic.getByRole("button", { name: "我也关心" }).click();
    await eventually(() => topic.getByTestId("support-count").textContent()).toBe("1 人关心");
    await voter.reload();
    await eventually(() => topic.getByTestId("support-count").textContent()).toBe("1 人关心");
    expect(await topic.getByRole("button", { name: "已附议" }).isDisabled()).toBe(true);
    expect(await topic.getByRole("button", { name: "我也关心" }).count()).toBe(0);
    await screenshot(voter, "journey-console-1-phone-supported", true);

    // The deputy's console.
    const { page: hall, context: hallContext } = await openPage(world, "console", DESKTOP);
    await loginAs(hallContext, world.base, "deputy.xiaojuan");
    await hall.goto(`/hall/${session.id}`);
    await eventually(() => hall.getByTestId("hall-queue").locator("tbody tr").count()).toBe(2);

    // The phone drops off the network while the deputy calls the walk-in (head start: first in line).
    await voterContext.setOffline(true);
    await hall.getByTestId("call-next").click();
    const turn = hall.getByTestId("current-turn");
    await eventually(() => turn.textContent()).toContain(walkIn.label);
    await eventually(() => screen.getByTestId("screen-now").textContent()).toBe(walkIn.label);
    const now = screen.locator(".screen__now");
    expect(await now.locator(".screen__now-title").textContent()).toBe("请以下号码到发言席");
    expect(await now.locator(".screen__now-name").textContent()).toBe("张*");
    await screenshot(screen, "journey-console-2-screen-walk-in-called");
    // The phone says it is offline and may be behind, then catches up by itself.
    await eventually(() => voter.locator(".connection-banner").textContent()).toContain("网络连接已断开");
    await screenshot(voter, "journey-console-2b-phone-offline");
    await new Promise((r) => setTimeout(r, 10_000));
    await voterContext.setOffline(false);
    await eventually(() => voter.getByTestId("board-now").textContent()).toBe(walkIn.label);
    await eventually(() => voter.locator(".connection-banner").count()).toBe(0);

    // Not at the lectern: the deputy calls the walk-in by phone (masked until shown, then a tel: link).
    await eventually(() => turn.getByTestId("phone").textContent()).toBe("138****5678");
    await turn.getByTestId("phone-show").click();
    await eventually(() => turn.getByTestId("phone").getAttribute("href")).toBe(`tel:${WALK_IN.phone}`);
    await screenshot(hall, "journey-console-3-call-by-phone");

    // The walk-in arrives and speaks; the recorder captions the voter as 选民: the console fills label and 张*.
    await hall.getByRole("button", { name: "开始发言" }).click();
    await eventually(() => turn.getAttribute("data-status")).toBe("SPEAKING");
    await eventually(() => screen.locator(".screen__now-title").textContent()).toBe("正在接待");
    await hall.getByLabel("类型").selectOption({ label: "提问" });
    expect(await hall.getByLabel("发言人").inputValue()).toBe("VOTER");
    const speaker = hall.locator(".transcript-composer").getByLabel("姓名");
    expect(await speaker.inputValue()).toBe(`${walkIn.label} 张*`);
    const said = "我们小区老人吃饭确实不方便。";
    await hall.getByTestId("transcript-input").fill(said);
    await hall.getByTestId("transcript-input").press("Enter");
    const captions = screen.getByTestId("screen-captions");
    await eventually(() => captions.textContent()).toContain(`${walkIn.label} 张*：${said}`);
    await eventually(() => voter.locator(".captions__lines").textContent()).toContain(said);
    expect(await voter.locator(".captions__lines").textContent()).toContain(`${walkIn.label} 张*`);
    // The deputy answers under their own name.
    await hall.getByLabel("类型").selectOption({ label: "答复" });
    const answer = "我们会请民政办研究在小区设助餐点。";
    await hall.getByTestId("transcript-input").fill(answer);
    await hall.getByTestId("transcript-input").press("Enter");
    await eventually(() => captions.textContent()).toContain(answer);
    await screenshot(hall, "journey-console-4-captions", true);
    await screenshot(screen, "journey-console-5-screen-captions");

    // Finished with a follow-up: the console says which case was opened.
    await hall.getByRole("button", { name: "结束发言……" }).click();
    const dialog = hall.getByRole("dialog");
    await dialog.getByLabel("本轮摘要（选填）").fill("反映小区老人吃饭难，建议设助餐点。");
    await dialog.getByLabel("需要后续办理").check();
    await dialog.getByLabel("类别").fill("民生保障");
    await dialog.getByLabel("需要办理的内容").fill("小区助餐点选址");
    await dialog.getByRole("button", { name: "确认结束" }).click();
    await eventually(() => hall.getByTestId("turn-finished").textContent()).toMatch(new RegExp(`${walkIn.label} 的发言已结束。 已生成办理事项，查询码 [A-Z2-9]{8}`));
    await screenshot(hall, "journey-console-6-finished");

    // The online voter next: the screen calls them to the line, not to the lectern.
    await hall.getByTestId("call-next").click();
    await eventually(() => screen.getByTestId("screen-now").textContent()).toBe(onlineLabel);
    expect(await screen.locator(".screen__now-title").textContent()).toBe("请以下号码准备网上连线发言");
    expect(await screen.locator(".screen__now-name").textContent()).toBe("李*");
    await eventually(() => voter.getByTestId("called-banner").isVisible()).toBe(true);
    await screenshot(screen, "journey-console-7-screen-online-called");
    await screenshot(voter, "journey-console-8-phone-called");

    // Nothing public ever showed a full name or the walk-in's phone, after a reload either.
    await screen.reload();
    await eventually(() => screen.getByTestId("screen-captions").textContent()).toContain(answer);
    const shown = [
      [screen, [WALK_IN.name, ONLINE.name, WALK_IN.phone]],
      // the phone shows its owner their own name, and nobody else's
      [voter, [WALK_IN.name, WALK_IN.phone]],
    ] as const;
    for (const [page, secrets] of shown) {
      const text = await page.locator("body").innerText();
      for (const secret of secrets) expect(text, secret).not.toContain(secret);
    }
    expect(await screen.locator("body").innerText()).toContain(`${walkIn.label} 张*`);
    // The dropped network is the one error a browser reports, and it is expected.
    expect(world.errors.filter((e) => !/ERR_INTERNET_DISCONNECTED/.test(e))).toEqual([]);
  });
});
