/**
 * A phone whose network drops just as it opens a page: the page's code (a
 * chunk fetched on first visit) cannot arrive. The voter reads in Chinese what
 * happened and what to do, and when the network is back the page reloads by
 * itself and shows what was asked for.
 */
import { describe, expect, it } from "vitest";
import type { CaseListItem } from "../server/src/protocol/back-office.ts";
import { CHROMIUM, describeViolations, loginAs, openPage, PHONE, screenshot, seriousA11yViolations, useWorld } from "./fixtures.ts";
import { eventually } from "./steps.ts";

describe.skipIf(!CHROMIUM)("a page whose code never arrived", () => {
  const world = useWorld();

  it("a voter looking up a tracking code while offline is told in words, and the page comes back with the network", async () => {
    // Setup: a demo case's tracking code, as the voter has it on paper.
    const { context: staff } = await openPage(world, "staff");
    await loginAs(staff, world.base, "staff.shengze");
    const { cases } = (await (await staff.request.get(`${world.base}/api/cases`)).json()) as { cases: CaseListItem[] };
    const kase = cases[0]!;

    const { page, context } = await openPage(world, "voter", PHONE);
    await page.goto("/");
    const lookup = page.getByTestId("track-lookup");
    await lookup.getByLabel("查询码").fill(kase.trackingCode);

    await context.setOffline(true);
    await lookup.getByRole("button", { name: "查询" }).click();
    const failed = page.getByTestId("page-failed");
    await failed.waitFor();
    expect(await failed.getAttribute("data-reason")).toBe("network");
    expect(await failed.textContent()).toContain("网络不稳，页面没有加载完");
    // The shell stays: the header is still there to go home from.
    expect(await page.locator("header").count()).toBeGreaterThan(0);
    const violations = await seriousA11yViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    await screenshot(page, "page-failed-offline");

    await context.setOffline(false);
    await page.getByRole("heading", { name: "办理进度查询" }).waitFor();
    await eventually(() => page.locator(".track-code").textContent()).toContain(kase.trackingCode);
    expect(page.url()).toContain(`/track/${kase.trackingCode}`);
    expect(await page.getByTestId("page-failed").count()).toBe(0);
    // Offline, Chromium logs the failed fetch and the router the error it caught; nothing else may have gone wrong.
    const expected = /ERR_INTERNET_DISCONNECTED|dynamically imported module|Unable to preload CSS/;
    expect(world.errors.filter((e) => !expected.test(e))).toEqual([]);
  });
});
