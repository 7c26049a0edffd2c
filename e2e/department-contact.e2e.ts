/**
 * Departments in the office's hands (docs/ARCHITECTURE.md §6e), in the browser:
 * the administrator sets the contact a department's deadline reminders go to
 * in 系统管理 (kept after a reload), and the scoring page shows each
 * department's on-time answers with its formula. The demo's departments and
 * suggestions are the setup.
 */
import { describe, expect, it } from "vitest";
import { CHROMIUM, DESKTOP, describeViolations, loginAs, openPage, screenshot, seriousA11yViolations, useWorld } from "./fixtures.ts";
import { eventually } from "./steps.ts";

const CONTACT = "0512-63901234";

describe.skipIf(!CHROMIUM)("departments: reminder contact and on-time answers", () => {
  const world = useWorld();

  it("the administrator sets 区水务局's contact, and reads every department's on-time rate on the scoring page", async () => {
    const { page, context } = await openPage(world, "admin", DESKTOP);
    await loginAs(context, world.base, "admin");
    await page.goto("/admin/settings");
    const table = page.getByTestId("departments-table");
    const field = table.getByRole("textbox", { name: "区水务局的提醒联系方式" });
    await field.fill(CONTACT);
    await table.getByRole("form", { name: "区水务局的提醒联系方式" }).getByRole("button", { name: "保存" }).click();
    await eventually(() => table.getByRole("status").textContent()).toBe("已保存");
    await screenshot(page, "department-contact");

    await page.reload();
    await eventually(() => page.getByTestId("departments-table").getByRole("textbox", { name: "区水务局的提醒联系方式" }).inputValue()).toBe(CONTACT);

    await page.goto("/admin/stats");
    const section = page.getByRole("region", { name: "承办单位按期答复", exact: true });
    await eventually(() => section.textContent()).toContain("承办单位得分 = 100×按期答复率");
    const rows = section.getByTestId("departments-on-time").locator("tbody tr");
    await eventually(() => rows.count()).toBeGreaterThanOrEqual(4);
    const zhujian = rows.filter({ hasText: "区住建局" });
    await eventually(() => zhujian.textContent()).toMatch(/\d+(\.\d)?%/);
    await section.scrollIntoViewIfNeeded();
    await screenshot(page, "department-on-time");
    expect(describeViolations(await seriousA11yViolations(page))).toBe("");
    expect(world.errors).toEqual([]);
  });
});
