/**
 * The voter page's first view: on a slow phone the server's stand-in join
 * form is usable before any script has arrived. What the voter types there
 * (and where the caret is) carries over to the real form, which then joins;
 * a phone that holds a ticket is never shown a join form on reload.
 *
 * The network is slowed where it matters: every script is held at the route
 * until the test lets it through, so the stand-in is on screen for as long
 * as the test needs.
 */
import { describe, expect, it } from "vitest";
import type { BrowserContext } from "playwright-core";
import { CHROMIUM, PHONE, describeViolations, openPage, screenshot, seriousA11yViolations, todaysSession, useWorld } from "./fixtures.ts";
import { eventually } from "./steps.ts";

/** Holds the page's scripts until `release()`: the HTML (and its CSS) arrive, the code does not. */
async function holdScripts(context: BrowserContext): Promise<{ release: () => Promise<void> }> {
  let open!: () => void;
  const released = new Promise<void>((resolve) => (open = resolve));
  const pattern = /\/assets\/[^?]+\.js(\?|$)/;
  await context.route(pattern, async (route) => {
    await released;
    await route.continue();
  });
  // Left in place once released: it then passes every script straight on (a later hold is checked first).
  return { release: async () => open() };
}

const activeName = "document.activeElement && document.activeElement.getAttribute('name')";
const topOf = (selector: string) => `document.querySelector(${JSON.stringify(selector)}).getBoundingClientRect().top`;

describe.skipIf(!CHROMIUM)("the voter page before its scripts arrive", () => {
  const world = useWorld();

  it("a voter types into the stand-in, keeps every character, the focus and the caret when the page takes over, joins, and sees no form on reload", async () => {
    const session = await todaysSession(world.base, "盛泽镇坛丘片区人大代表之家");
    const { page, context } = await openPage(world, "voter on a slow phone", PHONE);
    const scripts = await holdScripts(context);
    await page.goto(`/s/${session.id}`, { waitUntil: "commit" });

    // The stand-in: the session's header and the join form, in Chinese, React's page hidden.
    const standIn = page.locator("#first-view");
    await standIn.locator("input[name=name]").waitFor();
    expect(await standIn.getAttribute("data-state")).toBe("join");
    expect(await standIn.locator(".session-header__title").textContent()).toBeTruthy();
    expect(await page.evaluate("getComputedStyle(document.getElementById('root')).display")).toBe("none");
    const waiting = standIn.getByRole("button", { name: /正在连接/ });
    expect(await waiting.isDisabled()).toBe(true);
    // Labelled, readable and one landmark of each kind, like the page it stands in for.
    const violations = await seriousA11yViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);

    await standIn.getByRole("textbox", { name: /^姓名/ }).fill("孙四");
    await standIn.getByLabel("允许公开显示我反映的事项").check();
    // Typing "小区电梯", then moving the caret back two characters to insert the rest later.
    await standIn.getByRole("textbox", { name: /^反映的事项/ }).click();
    await page.keyboard.type("小区电梯");
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("ArrowLeft");
    const topBefore = (await page.evaluate(topOf("#first-view input[name=topic]"))) as number;
    await screenshot(page, "first-view-stand-in");

    await scripts.release();
    await page.locator("#join input[name=name]").waitFor();
    await eventually(() => page.locator("#first-view").count()).toBe(0);
    // One form on the page, holding what was typed and checked, the focus where it was.
    expect(await page.locator("input[name=name]").count()).toBe(1);
    expect(await page.locator("input[name=name]").inputValue()).toBe("孙四");
    expect(await page.getByLabel("允许公开显示我反映的事项").isChecked()).toBe(true);
    expect(await page.getByLabel("需要回访/答复").isChecked()).toBe(false);
    expect(await page.evaluate(activeName)).toBe("topic");
    // The field did not move under the voter's thumb, though the real page lays it out lower down.
    const topAfter = (await page.evaluate(topOf("#join input[name=topic]"))) as number;
    expect(Math.abs(topAfter - topBefore)).toBeLessThan(2);
    // The caret too: what the voter types next lands where they left it.
    await page.keyboard.type("加装");
    expect(await page.getByRole("textbox", { name: /^反映的事项/ }).inputValue()).toBe("小区加装电梯");
    await screenshot(page, "first-view-handed-over");

    await page.getByLabel(/我同意将以上个人信息/).check();
    await page.getByRole("button", { name: "提交并排队" }).click();
    const label = page.getByTestId("my-ticket-label");
    await eventually(async () => (await label.textContent()) ?? "").toMatch(/W\d{3}/);
    const ticket = ((await label.textContent()) ?? "").replace(/\D*(W\d{3}).*/, "$1");

    // Reload on the same slow phone: the server knows this phone holds a ticket here, so no form at any moment.
    const again = await holdScripts(context);
    await page.reload({ waitUntil: "commit" });
    await standIn.waitFor();
    expect(await standIn.getAttribute("data-state")).toBe("held");
    expect(await standIn.getByRole("status").textContent()).toContain("正在找回您的排号");
    expect(await page.locator("input[name=name]").count()).toBe(0);
    await screenshot(page, "first-view-held");
    await again.release();
    await eventually(async () => (await label.textContent()) ?? "").toContain(ticket);
    expect(await page.locator("#first-view").count()).toBe(0);
    expect(await page.locator("input[name=name]").count()).toBe(0);
    expect(world.errors).toEqual([]);
  });

  it("a voter who has not touched the stand-in gets the real page from its top, with nothing focused", async () => {
    const session = await todaysSession(world.base, "东方丝绸市场人大代表联络站");
    const { page, context } = await openPage(world, "voter reading", PHONE);
    const scripts = await holdScripts(context);
    await page.goto(`/s/${session.id}`, { waitUntil: "commit" });
    await page.locator("#first-view input[name=name]").waitFor();
    await screenshot(page, "first-view-top");
    await scripts.release();
    await page.locator("#join input[name=name]").waitFor();
    await eventually(() => page.locator("#first-view").count()).toBe(0);
    await screenshot(page, "first-view-real-top");
    expect(await page.evaluate("window.scrollY")).toBe(0);
    expect(await page.evaluate(activeName)).toBeNull();
    expect(await page.locator("input[name=name]").inputValue()).toBe("");
  });

  it("a voter who chose 长辈版, then English, gets the stand-in in that size and language, not small Chinese first", async () => {
    const session = await todaysSession(world.base, "东方丝绸市场人大代表联络站");
    const { page, context } = await openPage(world, "older voter on a slow phone", PHONE);
    const labelSize = "parseFloat(getComputedStyle(document.querySelector('#first-view label[for=fv-name]')).fontSize)";
    const scripts = await holdScripts(context);
    await page.goto(`/s/${session.id}`, { waitUntil: "commit" });
    await page.locator("#first-view input[name=name]").waitFor();
    const normalSize = (await page.evaluate(labelSize)) as number;
    await scripts.release();

    // 长辈版 chosen on the page, then a reload on the slow network.
    await page.getByRole("button", { name: "长辈版", exact: true }).click();
    await eventually(() => page.evaluate("document.documentElement.classList.contains('elder')")).toBe(true);
    let held = await holdScripts(context);
    await page.reload({ waitUntil: "commit" });
    const standIn = page.locator("#first-view");
    await standIn.locator("input[name=name]").waitFor();
    expect(await page.evaluate("document.documentElement.classList.contains('elder')")).toBe(true);
    expect(await standIn.locator(".elder-step").textContent()).toBe("第一步：填写下面的表格排队");
    expect((await page.evaluate(labelSize)) as number).toBeGreaterThan(normalSize * 1.15);
    await screenshot(page, "first-view-elder");
    await held.release();
    await page.getByTestId("elder-step").waitFor();
    await eventually(() => page.locator("#first-view").count()).toBe(0);

    // English as well: the stand-in speaks it, still large, and passes the same checks.
    await page.getByRole("button", { name: "Switch to English" }).click();
    await eventually(() => page.evaluate("document.documentElement.lang")).toBe("en");
    held = await holdScripts(context);
    await page.reload({ waitUntil: "commit" });
    await standIn.locator("input[name=name]").waitFor();
    expect(await page.evaluate("document.documentElement.lang")).toBe("en");
    expect(await page.evaluate("document.documentElement.classList.contains('elder')")).toBe(true);
    expect(await standIn.getByRole("heading", { name: "Join the queue" }).count()).toBe(1);
    expect(await standIn.getByRole("button", { name: "Connecting, please wait…" }).isDisabled()).toBe(true);
    expect(await standIn.getByRole("textbox", { name: /^Name/ }).count()).toBe(1);
    const violations = await seriousA11yViolations(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    await screenshot(page, "first-view-elder-english");
    await held.release();
    await page.locator("#join input[name=name]").waitFor();
    await eventually(() => page.locator("#first-view").count()).toBe(0);
    expect(await page.locator("#join h2").first().textContent()).toBe("Join the queue");
    expect(world.errors).toEqual([]);
  });
});
