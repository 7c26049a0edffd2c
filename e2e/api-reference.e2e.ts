/**
 * 接口文档 in the browser (docs/ARCHITECTURE.md §6): the administrator opens it
 * from the back office's navigation and reads the routes GET /api/openapi.json
 * lists, who may call each and what it takes, by keyboard too.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHROMIUM, describeViolations, loginAs, openPage, screenshot, seriousA11yViolations, startWorld, type World } from "./fixtures.ts";
import { eventually } from "./steps.ts";

describe.skipIf(!CHROMIUM)("API reference", () => {
  let world: World;

  beforeAll(async () => {
    world = await startWorld();
  });
  afterAll(async () => {
    await world?.close();
  });

  it("the administrator opens 接口文档 from the navigation and reads who may call a route and what it takes", async () => {
    const { page, context } = await openPage(world, "admin");
    await loginAs(context, world.base, "admin");
    await page.goto("/admin/schedule");
    await page.getByRole("navigation", { name: /后台/ }).getByRole("link", { name: "接口文档" }).click();
    const reference = page.getByTestId("api-reference-page");
    await eventually(() => reference.getByTestId("api-route").count()).toBeGreaterThan(10);
    expect(await page.title()).toContain("接口文档");

    const lines = await reference.locator(".apiref__line").allTextContents();
    expect(lines.map((l) => l.replace(/\s+/g, " ").trim())).toEqual(
      expect.arrayContaining(["POST /api/venues/{id}/messages", "GET /api/suggestions", "POST /api/admin/departments", "GET /api/openapi.json"]),
    );
    expect(await reference.getByRole("link", { name: /原始 JSON/ }).getAttribute("href")).toBe("/api/openapi.json");

    // Opened by keyboard: the route's fields, their limits and its refusals.
    const message = reference.getByTestId("api-route").filter({ hasText: "/api/venues/{id}/messages" });
    await message.locator("summary").focus();
    await page.keyboard.press("Enter");
    await eventually(() => message.getAttribute("open")).not.toBeNull();
    const opened = (await message.textContent()) ?? "";
    expect(opened).toContain("公开（无需登录）");
    expect(opened).toContain("长度 1–2000");
    expect(opened).toContain("429");

    const departments = reference.getByTestId("api-route").filter({ has: page.locator(".apiref__line", { hasText: /^\s*POST\s+\/api\/admin\/departments\s*$/ }) });
    expect(await departments.locator("summary").textContent()).toContain("限：管理员");

    const violations = await seriousA11yViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    await screenshot(page, "api-reference", true);

    await reference.getByRole("searchbox", { name: "筛选接口" }).fill("POST suggestions");
    await eventually(() => reference.getByTestId("api-route").count()).toBeLessThan(10);

    // On a phone the page does not scroll sideways: only a route's tables do, inside it.
    await page.setViewportSize({ width: 375, height: 812 });
    expect(await page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")).toBe(true);
    await screenshot(page, "api-reference-phone");
    expect(world.errors).toEqual([]);
  });
});
