/**
 * 需要关注 on the scoring page, on a phone, on the demo data plus a station of
 * 盛泽镇 with nothing this month and an overdue case: the flag shows, the
 * overdue count matches the API, and the venue's link opens the case list
 * filtered to its overdue cases.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { NudgeReport } from "../server/src/protocol/nudges.ts";
import { CHROMIUM, PHONE, describeViolations, loginAs, openPage, screenshot, seriousA11yViolations, useWorld } from "./fixtures.ts";

const DAY = 24 * 60 * 60 * 1000;

describe.skipIf(!CHROMIUM)("activity nudges in the browser", () => {
  const world = useWorld();
  let stationId: string;

  beforeAll(async () => {
    const db = world.server.db;
    const station = await db.venue.create({ data: { name: "桥北社区人大代表联络站", kind: "STATION", town: "盛泽镇" } });
    stationId = station.id;
    const staff = await db.user.findUniqueOrThrow({ where: { username: "staff.shengze" } });
    await db.userVenue.create({ data: { userId: staff.id, venueId: station.id } });
    await db.case.create({
      data: { trackingCode: "QB9001", venueId: station.id, category: "市政设施", summary: "路灯不亮", status: "OPEN", dueAt: new Date(Date.now() - 3 * DAY), createdAt: new Date(Date.now() - 20 * DAY) },
    });
  });

  it("flags the idle station, counts the overdue cases and links to them", async () => {
    const { page, context } = await openPage(world, "staff", PHONE);
    await loginAs(context, world.base, "staff.shengze");
    const report = (await (await context.request.get(`${world.base}/api/insights/nudges`)).json()) as NudgeReport;

    await page.goto("/admin/stats");
    const panel = page.getByTestId("nudges");
    await panel.getByRole("heading", { name: /需要关注/ }).waitFor();
    await panel.getByTestId("nudges-inactive").waitFor();
    const violations = await seriousA11yViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);

    expect(await panel.getByTestId("nudges-inactive").textContent()).toContain("桥北社区人大代表联络站");
    expect(await panel.getByTestId("nudges-overdue").getByRole("heading").textContent()).toBe(`逾期未办结（${report.totals.overdue} 件）`);
    await screenshot(page, "nudges-phone", true);

    const line = panel.getByTestId("nudges-overdue").locator("li", { hasText: "桥北社区人大代表联络站" });
    expect(await line.textContent()).toContain("1 件");
    await line.getByRole("link", { name: "查看" }).click();
    await page.waitForURL((u) => u.pathname === "/admin/cases" && u.searchParams.get("overdue") === "1" && u.searchParams.get("venueId") === stationId);
    await page.getByText("QB9001").first().waitFor();
    expect(world.errors).toEqual([]);
  });
});
