/**
 * An online voter's day, lived on a phone (375 px): the home page, the day's
 * page, joining through the form, waiting through a reload and a dropped
 * network, being called by the deputy at the console, answering the call,
 * reloading mid-call and being heard again without a new microphone check,
 * the turn finished, the tracking page, and a rating. The deputy is a second
 * person on a desktop. Calls need a network of their own, so this file runs
 * itself again inside a private network namespace (e2e/call-lab/private-network.ts),
 * with a fake microphone playing a tone in both browsers.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { IN_PRIVATE_NETWORK, fakeMicrophoneArgs, runE2eFileInPrivateNetwork, toneWav } from "./call-lab/private-network.ts";
import { labAvailable } from "./call-lab/run-lab.ts";
import { DESKTOP, PHONE, describeViolations, loginAs, openPage, screenshot, seriousA11yViolations, todaysSession, useWorld } from "./fixtures.ts";
import { eventually, joinOnline, statusOf } from "./steps.ts";

// The call lab's probe only observes: getStats() of each peer connection (it answers nothing by itself for "phone").
const PROBE = readFileSync(path.join(import.meta.dirname, "call-lab", "probe.js"), "utf8");
const probe = (role: "hall" | "phone") => PROBE.replaceAll("__LAB_ROLE__", role);
const lab = <T>(page: Page, expr: string): Promise<T> => page.evaluate(`window.__lab.${expr}`) as Promise<T>;
interface Stats {
  inboundAudioPackets: number;
  audioLevel: number | null;
}
/** What the person has in front of them: the screen, scrolled to what the step is about. */
async function shot(page: Page, step: string, focus?: string): Promise<void> {
  if (focus) await page.locator(focus).first().scrollIntoViewIfNeeded();
  await screenshot(page, `journey-online-voter-${step}`);
}
const text = async (page: Page) => (await page.locator("body").textContent()) ?? "";

/** Each side hears the other's tone on its newest peer connection: packets arrive and they are not silence. */
async function expectAudioBothWays(hall: Page, phone: Page): Promise<void> {
  await eventually(() => hall.getByTestId("hall-call").getAttribute("data-media")).toBe("flowing");
  await eventually(() => phone.getByTestId("voter-call").getAttribute("data-media")).toBe("flowing");
  await eventually(async () => (await lab<Stats>(hall, "summary()")).inboundAudioPackets).toBeGreaterThan(20);
  await eventually(async () => (await lab<Stats>(phone, "summary()")).inboundAudioPackets).toBeGreaterThan(20);
  await eventually(async () => (await lab<Stats>(hall, "summary()")).audioLevel ?? 0).toBeGreaterThan(0.001);
  await eventually(async () => (await lab<Stats>(phone, "summary()")).audioLevel ?? 0).toBeGreaterThan(0.001);
  // The hall's meter moves with the voter's voice.
  await eventually(async () => Number(await hall.getByTestId("call-level").getAttribute("data-level"))).toBeGreaterThan(0.02);
}

if (!IN_PRIVATE_NETWORK) {
  describe("an online voter's journey (run in a private network namespace)", () => {
    it.skipIf(!labAvailable("direct"))(
      "passes from the home page to the rating",
      async () => {
        const { code, output } = await runE2eFileInPrivateNetwork("e2e/journey-online-voter.e2e.ts", 290_000);
        expect(code, output).toBe(0);
      },
      300_000,
    );
  });
} else {
  describe("an online voter's journey", () => {
    let tmp: string;
    const world = useWorld(() => {
      tmp = mkdtempSync(path.join(os.tmpdir(), "tongxin-journey-"));
      return { browserArgs: fakeMicrophoneArgs(toneWav(tmp)) };
    });
    afterAll(() => {
      rmSync(tmp, { recursive: true, force: true });
    });

    it("home → day → join → wait (reload, offline) → called → answers → reload mid-call → heard again → turn finished → track page → rated", async () => {
      const session = await todaysSession(world.base, "晓鹃工作室");
      const { context: phoneContext, page: phone } = await openPage(world, "voter", PHONE);
      await phoneContext.addInitScript(probe("phone"));

      // ── home → the day's page ───────────────────────────────────────────
      await phone.goto("/");
      const card = phone.locator(`[data-testid=session-card][data-session-id="${session.id}"]`);
      await card.waitFor();
      await shot(phone, "01-home", `[data-session-id="${session.id}"]`);
      await card.locator("a.button--primary").click();
      await phone.waitForURL(`**/s/${session.id}`);
      await phone.locator(".join-jump").waitFor();
      await shot(phone, "02-day");

      // ── join through the form ──────────────────────────────────────────
      await phone.locator(".join-jump").click();
      const label = await joinOnline(phone, "王建国", "小区老人吃饭不方便", "希望在社区办一个老年食堂");
      expect(await statusOf(phone)).toBe("WAITING");
      // The waiting room's microphone check, once, as a voter would.
      await phone.getByTestId("mic-check").click();
      await phone.getByTestId("mic-ready").waitFor();
      await shot(phone, "03-joined", "[data-testid=my-ticket]");

      // ── wait: a reload keeps the ticket ────────────────────────────────
      await phone.reload();
      await eventually(() => phone.getByTestId("my-ticket-label").textContent()).toContain(label);
      expect(await statusOf(phone)).toBe("WAITING");
      await shot(phone, "04-reloaded", "[data-testid=my-ticket]");

      // ── wait: ten seconds without a network, said plainly, then caught up ─
      await phoneContext.setOffline(true);
      await eventually(() => phone.locator(".connection-banner").textContent()).toContain("网络连接已断开");
      await shot(phone, "05-offline");
      await phone.waitForTimeout(10_000);
      await phoneContext.setOffline(false);
      await eventually(() => phone.locator(".connection-banner").count()).toBe(0);
      expect(await phone.getByTestId("my-ticket-label").textContent()).toContain(label);
      expect(await statusOf(phone)).toBe("WAITING");
      await shot(phone, "06-back-online", "[data-testid=my-ticket]");

      // ── the deputy calls the voter at the console ─────────────────────
      const { context: hallContext, page: hall } = await openPage(world, "deputy", DESKTOP);
      await loginAs(hallContext, world.base, "deputy.xiaojuan");
      await hallContext.addInitScript(probe("hall"));
      await hall.goto(`/hall/${session.id}`);
      await hall.getByRole("button", { name: `叫号 ${label}` }).click();
      await eventually(() => hall.getByTestId("current-turn").getAttribute("data-status")).toBe("CALLED");
      await eventually(() => statusOf(phone)).toBe("CALLED");
      await shot(phone, "07-called", "[data-testid=my-ticket]");
      await hall.getByTestId("call-start").click();
      await phone.getByTestId("call-accept").waitFor();
      expect(await text(phone)).toContain("会场正在呼叫您");
      await shot(phone, "08-ringing", "[data-testid=voter-call]");

      // ── the voter answers: speaking, timed from the pick-up, heard both ways ─
      await phone.getByTestId("call-accept").click();
      await eventually(() => statusOf(phone)).toBe("SPEAKING");
      await eventually(() => hall.getByTestId("current-turn").getAttribute("data-status")).toBe("SPEAKING");
      await expectAudioBothWays(hall, phone);
      expect(await text(phone)).toContain("您正在发言");
      expect(await phone.getByTestId("my-speaking-clock").textContent()).toMatch(/已发言 0:\d\d（每人约 \d+:00）/);
      const timer = (await hall.getByRole("timer").textContent()) ?? "";
      expect(timer).toContain("发言用时");
      expect(timer).not.toContain("已超时");
      await shot(phone, "09-on-the-line", "[data-testid=voter-call]");
      await shot(hall, "09-console-on-the-line");

      // ── a reload mid-call: back on the line, no microphone check, heard again ─
      await phone.reload();
      await phone.getByTestId("my-ticket").waitFor();
      await eventually(() => phone.getByTestId("voter-call").getAttribute("data-phase")).toBe("connected");
      expect(await phone.getByTestId("mic-check").count()).toBe(0);
      await expectAudioBothWays(hall, phone);
      expect(await statusOf(phone)).toBe("SPEAKING");
      expect(await text(phone)).toContain("通话中");
      await shot(phone, "10-back-on-the-line", "[data-testid=voter-call]");
      expect(describeViolations(await seriousA11yViolations(phone))).toBe("");

      // The same phone opens the day in a second tab: it offers to take the call over, but does not pull it away.
      const secondTab = await phoneContext.newPage();
      await secondTab.goto(`/s/${session.id}`);
      await secondTab.getByTestId("call-interrupted").waitFor();
      expect(await secondTab.getByTestId("call-interrupted").textContent()).toContain("您正在另一个页面与会场通话");
      await shot(secondTab, "10b-second-tab", "[data-testid=voter-call]");
      await secondTab.close();
      expect(await phone.getByTestId("voter-call").getAttribute("data-media")).toBe("flowing");
      await expectAudioBothWays(hall, phone);
      await shot(hall, "10-console-back-on-the-line");

      // ── the deputy finishes the turn, with a follow-up ─────────────────
      await hall.getByRole("button", { name: "结束发言……" }).click();
      await hall.getByLabel("本轮摘要（选填）").fill("代表当场答复：社区将调研老年食堂选址。");
      await hall.getByLabel("需要后续办理").check();
      await hall.getByRole("combobox", { name: /^类别/ }).fill("民生保障");
      await hall.getByRole("textbox", { name: /^需要办理的内容/ }).fill("衡悦社区老年食堂选址与运营");
      await hall.getByRole("button", { name: "确认结束" }).click();
      await eventually(() => statusOf(phone)).toBe("DONE");
      await eventually(() => phone.getByTestId("voter-call").count()).toBe(0);
      await phone.getByTestId("tracking").waitFor();
      expect(await text(phone)).toContain("您的发言已结束");
      await shot(phone, "11-turn-finished", "[data-testid=tracking]");

      // ── the tracking page ──────────────────────────────────────────────
      await phone.getByTestId("tracking").getByRole("link").click();
      await phone.waitForURL("**/track/**");
      const trackingCode = decodeURIComponent(phone.url().split("/track/")[1]!);
      await eventually(() => text(phone)).toContain("衡悦社区老年食堂选址与运营");
      await shot(phone, "12-track");

      // The town's staff work the case (their own journey; set up here through the API).
      const { context: office } = await openPage(world, "staff", DESKTOP);
      await loginAs(office, world.base, "staff.shengze");
      const { cases } = (await (await office.request.get(`/api/cases?sessionId=${session.id}`)).json()) as { cases: { id: string; trackingCode: string }[] };
      const kase = cases.find((c) => c.trackingCode === trackingCode)!;
      for (const patch of [
        { status: "ASSIGNED", assignee: "衡悦社区居委会" },
        { status: "IN_PROGRESS" },
        { status: "RESOLVED", resolution: "社区老年食堂已选址在活动中心一楼，下月开业。" },
      ]) {
        const res = await office.request.patch(`/api/cases/${kase.id}`, { data: patch });
        expect(res.status(), await res.text()).toBe(200);
      }

      // ── the voter rates it ─────────────────────────────────────────────
      await phone.reload();
      await phone.getByRole("heading", { name: "请您评价办理结果" }).waitFor();
      expect(await text(phone)).toContain("下月开业");
      await phone.getByText("很满意").click();
      await phone.getByLabel(/想说的话/).fill("办得很快，谢谢代表");
      await phone.getByRole("button", { name: "提交评价" }).click();
      await phone.getByText("谢谢您的评价！").waitFor();
      await shot(phone, "13-rated");

      // The voter's full name and phone never showed on their public-facing pages beyond their own card.
      expect(await text(phone)).not.toContain("13800001111");
      // ERR_NETWORK_CHANGED: Chromium notices the namespace's veth; ERR_INTERNET_DISCONNECTED: the ten seconds offline.
      expect(world.errors.filter((e) => !/ERR_NETWORK_CHANGED|ERR_INTERNET_DISCONNECTED/.test(e))).toEqual([]);
    }, 240_000);
  });
}
