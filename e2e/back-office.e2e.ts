/**
 * The back office in real browsers, on the demo data: a clerk schedules a
 * reception day, reviews a finished one and exports it, drives a follow-up
 * case to resolved; the voter rates it on the tracking page from a phone;
 * the quantified score shows the change.
 */
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { CaseListItem, StatsReport } from "../server/src/protocol/back-office.ts";
import {CHROMIUM, PHONE, describeViolations, loginAs, openPage, screenshot, seriousA11yViolations, useWorld } from "./fixtures.ts";
import { eventually } from "./steps.ts";

const STAFF = "staff.shengze";

async function expectAccessible(page: Page, what: string): Promise<void> {
  const violations = await seriousA11yViolations(page);
  expect(violations, `${what}:\n${describeViolations(violations)}`).toEqual([]);
}

/** The score of one row of the stats table, as shown. */
async function scoreShown(page: Page, name: string): Promise<number> {
  const row = page.locator("table.bo-stats-table tbody tr", { has: page.locator("th", { hasText: name }) }).first();
  return Number(await row.locator("td.bo-score").textContent());
}

describe.skipIf(!CHROMIUM)("the back office in the browser", () => {
  const world = useWorld();

  it("schedules a day, reviews and exports a finished one, resolves a case the voter then rates, and the score follows", async () => {
    const { page, context } = await openPage(world, "staff");
    await loginAs(context, world.base, STAFF);
    const api = async <T,>(path: string): Promise<T> => (await (await context.request.get(`${world.base}${path}`)).json()) as T;

    // ── schedule a reception day this month ────────────────────────────────
    await page.goto("/admin/schedule");
    await page.getByRole("heading", { name: "接待日安排", level: 1 }).waitFor();
    await expectAccessible(page, "schedule");
    await page.getByRole("button", { name: "安排接待日", exact: true }).click();
    const form = page.getByRole("dialog");
    await form.getByLabel("本月主题").fill("夜间噪音与广场舞");
    await form.getByLabel("值班代表").fill("沈晓鹃、王建国");
    await form.getByLabel("开始时间").fill("20:00");
    await form.getByLabel("结束时间").fill("21:30");
    await form.getByLabel("每人发言时长（分钟）").fill("6");
    await form.getByRole("button", { name: "保存" }).click();
    await eventually(() => form.isVisible()).toBe(false);
    await eventually(() => page.getByRole("button", { name: /20:00 .*夜间噪音与广场舞/ }).count()).toBe(1);
    await screenshot(page, "back-office-schedule");
    // The public list of reception days shows it.
    const today = new Date();
    const from = new Date(today.getFullYear(), today.getMonth(), today.getDate()).toISOString();
    const publicList = (await (await fetch(`${world.base}/api/sessions?from=${from}&theme=${encodeURIComponent("夜间噪音")}`)).json()) as {
      sessions: { title: string; deputies: string[]; slotMin: number; status: string }[];
    };
    expect(publicList.sessions).toHaveLength(1);
    expect(publicList.sessions[0]).toMatchObject({ deputies: ["沈晓鹃", "王建国"], slotMin: 6, status: "SCHEDULED" });

    // ── review a finished reception day ────────────────────────────────────
    await page.goto("/admin/records?status=ENDED");
    // A reception day's record (the demo also holds a 座谈会, whose minutes go by agenda item: e2e/forum.e2e.ts).
    await page.locator("tbody tr").filter({ hasNot: page.getByTestId("forum-badge") }).getByRole("link", { name: "查看记录" }).first().click();
    await page.getByRole("heading", { name: "发言记录" }).waitFor();
    await expect.poll(() => page.locator(".bo-timeline__item").count()).toBeGreaterThan(0);
    await expect.poll(() => page.locator("table.bo-table tbody tr").count()).toBeGreaterThan(0);
    await expectAccessible(page, "record");
    await screenshot(page, "back-office-record", true);
    const sessionId = page.url().split("/").pop()!;

    // Export: the CSV downloads with a BOM and parses to the tickets.
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "排号表 CSV" }).click()]);
    const csv = readFileSync((await download.path())!);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.toString("utf8").slice(1).split("\r\n")[0]).toMatch(/^排号,渠道,状态,姓名,议题,问题/);
    expect(download.suggestedFilename()).toMatch(/排号\.csv$/);
    // The minutes open as a printable page with masked names and no phone numbers.
    const minutesHref = await page.getByRole("link", { name: "会议纪要（可打印）" }).getAttribute("href");
    const minutes = await context.newPage();
    await minutes.goto(minutesHref!);
    await minutes.getByRole("heading", { name: "会议纪要" }).waitFor();
    const minutesText = (await minutes.locator("body").textContent()) ?? "";
    expect(minutesText).toMatch(/[\u4e00-\u9fa5]\*/);
    expect(minutesText).not.toMatch(/1[3-9]\d{9}/);
    await minutes.emulateMedia({ media: "print" });
    expect(await minutes.locator(".hint").isVisible()).toBe(false);
    await minutes.close();
    expect(sessionId.length).toBeGreaterThan(5);

    // ── drive a follow-up case to resolved ─────────────────────────────────
    const { cases } = await api<{ cases: CaseListItem[] }>("/api/cases?status=OPEN,ASSIGNED,IN_PROGRESS");
    const kase = cases.find((c) => c.satisfaction == null)!;
    expect(kase, "a pending case in 盛泽镇's demo data").toBeTruthy();
    const statsBefore = await api<StatsReport>("/api/stats");
    const rowBefore = statsBefore.rows.find((r) => r.id === kase.venueId)!;

    await page.goto("/admin/cases");
    await page.getByRole("heading", { name: "意见建议办理", level: 1 }).waitFor();
    await expectAccessible(page, "cases board");
    await page.getByRole("link", { name: new RegExp(kase.trackingCode) }).first().click();
    await page.getByRole("heading", { name: "办理经过" }).waitFor();
    await expectAccessible(page, "case");
    for (let step = 0; step < 3; step++) {
      const status = await page.locator("h1 .badge--case").textContent();
      if (status === "已受理") {
        await page.getByRole("button", { name: "交办", exact: true }).click();
        await page.getByLabel("承办单位或人员").first().fill("盛泽镇城管中队");
        await page.getByRole("form", { name: "交办" }).getByRole("button", { name: "交办" }).click();
        await eventually(() => page.locator("h1 .badge--case").textContent()).toBe("已交办");
      } else if (status === "已交办") {
        await page.getByRole("button", { name: "开始办理", exact: true }).click();
        await page.getByRole("form", { name: "开始办理" }).getByRole("button", { name: "开始办理" }).click();
        await eventually(() => page.locator("h1 .badge--case").textContent()).toBe("办理中");
      } else break;
    }
    await page.getByRole("button", { name: "办结", exact: true }).click();
    const resolve = page.getByRole("form", { name: "办结" });
    await resolve.getByLabel("办理结果（选民可见）").fill("已联系城管中队整改，夜间巡查已常态化。");
    await resolve.getByRole("button", { name: "办结" }).click();
    await eventually(() => page.locator("h1 .badge--case").textContent()).toBe("已办结");
    await eventually(() => page.locator(".bo-history").textContent()).toContain("已联系城管中队整改");
    await screenshot(page, "back-office-case", true);

    // ── the voter rates it from a phone ────────────────────────────────────
    const { page: voter } = await openPage(world, "voter", PHONE);
    await voter.goto(`/track/${kase.trackingCode}`);
    await voter.getByRole("heading", { name: "请您评价办理结果" }).waitFor();
    expect(await voter.locator("body").textContent()).toContain("已联系城管中队整改");
    await expectAccessible(voter, "tracking page");
    await voter.getByText("很满意").click();
    await voter.getByLabel(/想说的话/).fill("处理得很快，谢谢");
    await voter.getByRole("button", { name: "提交评价" }).click();
    await voter.getByText("谢谢您的评价！").waitFor();
    expect(await voter.getByRole("button", { name: "提交评价" }).count()).toBe(0);
    await screenshot(voter, "back-office-track-rated", true);
    const voterText = (await voter.locator("body").textContent()) ?? "";
    expect(voterText).not.toMatch(/1[3-9]\d{9}/);

    // ── the score shows it ─────────────────────────────────────────────────
    await page.goto("/admin/stats");
    await page.getByRole("heading", { name: "积分公式" }).waitFor();
    await expectAccessible(page, "stats");
    const venueName = rowBefore.name;
    // resolved (+3), on time or not (+2 / 0), rated 5 stars (+2 × 2); an overdue case no longer counts against it.
    await eventually(() => scoreShown(page, venueName)).toBeGreaterThanOrEqual(rowBefore.score + 7);
    await page.locator("table.bo-stats-table tbody th", { hasText: venueName }).getByRole("button").click();
    expect(await page.locator(".bo-parts-row").textContent()).toMatch(/满意度 \d+(\.\d)? × 2/);
    await screenshot(page, "back-office-stats", true);
    const after = await api<StatsReport>("/api/stats");
    const rowAfter = after.rows.find((r) => r.id === kase.venueId)!;
    expect(rowAfter.metrics.casesResolved).toBe(rowBefore.metrics.casesResolved + 1);
    expect(rowAfter.metrics.ratedCases).toBe(rowBefore.metrics.ratedCases + 1);

    expect(world.errors).toEqual([]);
  });
});
