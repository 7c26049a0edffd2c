/**
 * The message box in the browser (全天候, docs/ARCHITECTURE.md §6d): a voter on a 375-px
 * phone goes from the home page to a station's page, leaves a message with the
 * notice and consent, gets the tracking code at once and opens the tracking
 * page from it; the station's staff find it in their cases list, with its text
 * and the phone masked; the station's poster carries a QR code to its page.
 */
import { describe, expect, it } from "vitest";
import { CHROMIUM, DESKTOP, PHONE, describeViolations, loginAs, openPage, screenshot, seriousA11yViolations, venueIdOf, useWorld } from "./fixtures.ts";
import { eventually } from "./steps.ts";

const STATION = "盛泽镇人大代表之家";
const VOTER_PHONE = "13966660001";

describe.skipIf(!CHROMIUM)("message box", () => {
  const world = useWorld();

  it("a voter on a phone leaves a message at a station, gets the code, opens the tracking page, and staff see it in their cases", async () => {
    const venueId = await venueIdOf(world.base, STATION);
    const { page: phone } = await openPage(world, "message phone", PHONE);

    // From the home page: the station's own page, with its recent answers.
    await phone.goto("/");
    // Each station's row (its children are nested in it) links to its page.
    const row = phone.locator(".venue__row").filter({ has: phone.getByRole("link", { name: STATION, exact: true }) });
    // …and shows, in one line, how it answered recently.
    await eventually(() => row.locator("xpath=..").locator(":scope > [data-testid=answer-line]").textContent()).toMatch(/近期收到 \d+ 件，15 天内答复 \d+ 件/);
    await row.scrollIntoViewIfNeeded();
    await screenshot(phone, "message-home-station");
    await row.getByRole("link", { name: "留言与答复" }).click();
    await eventually(() => phone.url()).toContain(`/v/${venueId}`);
    await eventually(() => phone.getByRole("heading", { level: 1 }).textContent()).toBe(STATION);
    await eventually(() => phone.getByTestId("answer-stats").count()).toBe(1);
    expect(await phone.getByTestId("stats-received").textContent()).toMatch(/^\d+$/);

    // The form: the same notice and consent as joining a queue; a phone only for a reply.
    const form = phone.getByTestId("message-form");
    await eventually(() => form.getByTestId("privacy-notice").count()).toBe(1);
    expect(await form.getByRole("textbox", { name: /^手机号/ }).count()).toBe(0);
    await form.getByRole("button", { name: "提交留言" }).click();
    await eventually(() => form.locator("[aria-invalid=true]").count()).toBeGreaterThanOrEqual(3);
    await form.getByRole("textbox", { name: /^姓名/ }).fill("顾阿姨");
    await form.getByRole("textbox", { name: /^反映的事项/ }).fill("菜场门口积水");
    await form.getByRole("textbox", { name: /^具体情况/ }).fill("东方菜场门口一下雨就积水，老人进出容易滑倒。");
    await form.getByLabel("需要回访/答复").check();
    await form.getByRole("textbox", { name: /^手机号/ }).fill(VOTER_PHONE);
    await form.getByLabel(/我同意将以上个人信息/).check();
    await form.getByRole("button", { name: "提交留言" }).click();

    // The code at once, large, with copy and the way to the tracking page.
    const codeText = phone.getByTestId("message-code");
    await eventually(async () => (await codeText.count()) && ((await codeText.textContent()) ?? "")).toMatch(/^[A-Z2-9]{8}$/);
    const code = (await codeText.textContent())!;
    expect(await phone.getByTestId("message-sent").getByRole("button", { name: /复制/ }).count()).toBe(1);
    expect(await phone.evaluate("document.documentElement.scrollWidth")).toBeLessThanOrEqual(375);
    const codeSize = Number(await phone.evaluate("parseFloat(getComputedStyle(document.querySelector('[data-testid=message-code]')).fontSize)"));
    expect(codeSize).toBeGreaterThanOrEqual(32);
    const violations = await seriousA11yViolations(phone);
    expect(violations, describeViolations(violations)).toEqual([]);
    await screenshot(phone, "message-phone-sent", true);

    await phone.getByTestId("message-track-link").click();
    await eventually(() => phone.url()).toContain(`/track/${code}`);
    await eventually(() => phone.locator(".track-page").textContent()).toContain("您给联络站的留言");
    const tracked = (await phone.locator(".track-page").textContent()) ?? "";
    expect(tracked).toContain("菜场门口积水");
    expect(tracked).toContain(code);
    expect(tracked).not.toContain(VOTER_PHONE);
    expect(tracked).not.toContain("顾阿姨");
    expect(await phone.getByTestId("message-data").count()).toBe(1);

    // The station's staff: the case list filtered to messages, then the case with its text, phone masked.
    const { page: office, context } = await openPage(world, "staff", DESKTOP);
    await loginAs(context, world.base, "staff.shengze");
    await office.goto("/admin/cases?view=list&source=MESSAGE");
    const caseRow = office.getByRole("row").filter({ hasText: code });
    await eventually(() => caseRow.count()).toBe(1);
    expect(await caseRow.getByTestId("case-source").textContent()).toBe("群众留言");
    await caseRow.getByRole("link", { name: code }).click();
    await eventually(() => office.getByTestId("message-text").textContent()).toContain("老人进出容易滑倒");
    expect(await office.getByTestId("phone").textContent()).toBe("139****0001");
    await screenshot(office, "message-staff-case");

    // Another town's staff do not see it.
    const lili = await context.request.fetch(`${world.base}/api/auth/login`, { method: "POST", data: { username: "staff.lili", password: "tongxin-demo" } });
    const liliToken = ((await lili.json()) as { token: string }).token;
    const theirs = (await (await fetch(`${world.base}/api/cases?source=MESSAGE`, { headers: { authorization: `Bearer ${liliToken}` } })).json()) as { cases: { trackingCode: string }[] };
    expect(theirs.cases.map((c) => c.trackingCode)).not.toContain(code);

    expect(world.errors.filter((e) => !/400|Bad Request/i.test(e))).toEqual([]);
  });

  it("a voter writes to a deputy from the deputy's page, then erases the message's contact on the tracking page", async () => {
    const venueId = await venueIdOf(world.base, STATION);
    const { page: phone } = await openPage(world, "deputy phone", PHONE);
    await phone.goto(`/v/${venueId}`);
    await phone.getByRole("link", { name: "沈晓鹃代表" }).click();
    await eventually(() => phone.getByRole("heading", { level: 1 }).textContent()).toBe("沈晓鹃代表");
    expect(await phone.getByRole("link", { name: STATION }).count()).toBe(1);
    const form = phone.getByTestId("message-form");
    await eventually(() => phone.getByRole("heading", { name: "给沈晓鹃代表留言" }).count()).toBe(1);
    // She has several stations: none is chosen for the voter, and the form says the choice is needed.
    const via = phone.getByLabel("由哪个联络站办理");
    expect(await via.inputValue()).toBe("");
    await form.getByRole("button", { name: "提交留言" }).click();
    await eventually(() => form.locator(".field__error").allTextContents()).toContain("请选择由哪个联络站办理");
    await screenshot(phone, "message-deputy-station-required", true);
    await via.selectOption({ label: STATION });
    await form.getByRole("textbox", { name: /^姓名/ }).fill("陶先生");
    await form.getByRole("textbox", { name: /^反映的事项/ }).fill("丝绸企业排污");
    await form.getByRole("textbox", { name: /^具体情况/ }).fill("夜里河里有异味，怀疑有企业偷排。");
    await form.getByLabel(/我同意将以上个人信息/).check();
    await form.getByRole("button", { name: "提交留言" }).click();
    const codeText = phone.getByTestId("message-code");
    await eventually(async () => (await codeText.count()) && ((await codeText.textContent()) ?? "")).toMatch(/^[A-Z2-9]{8}$/);
    const code = (await codeText.textContent())!;

    const { page: office, context } = await openPage(world, "deputy's staff", DESKTOP);
    await loginAs(context, world.base, "staff.shengze");
    const found = (await (await context.request.get(`${world.base}/api/cases?source=MESSAGE&q=${encodeURIComponent("偷排")}`)).json()) as { cases: { id: string; trackingCode: string; venueName: string }[] };
    const kase = found.cases.find((c) => c.trackingCode === code)!;
    expect(kase.venueName).toBe(STATION);
    await office.goto(`/admin/cases/${kase.id}`);
    await eventually(() => office.locator(".bo-facts").textContent()).toContain("留言给沈晓鹃代表");

    await phone.getByTestId("message-track-link").click();
    const data = phone.getByTestId("message-data");
    await data.getByRole("button", { name: "删除我的联系方式" }).click();
    await phone.getByRole("dialog").getByRole("button", { name: "删除我的联系方式" }).click();
    await eventually(() => data.getByRole("status").textContent()).toContain("已删除");
    await office.reload();
    await eventually(() => office.getByTestId("message-text").textContent()).toContain("（已匿名）");
  });

  it("prints a poster with a large QR code to the station's page", async () => {
    const venueId = await venueIdOf(world.base, STATION);
    const { page } = await openPage(world, "poster", DESKTOP);
    await page.goto(`/v/${venueId}/poster`);
    await eventually(() => page.getByTestId("poster-qr").count()).toBe(1);
    expect(await page.getByTestId("poster").getAttribute("data-link")).toBe(`${world.base}/v/${venueId}`);
    expect(await page.getByTestId("poster").textContent()).toContain(STATION);
    const qrWidth = Number(await page.evaluate("document.querySelector('[data-testid=poster-qr]').getBoundingClientRect().width"));
    expect(qrWidth).toBeGreaterThan(400);
    await page.emulateMedia({ media: "print" });
    expect(await page.getByRole("button", { name: "打印海报" }).isVisible()).toBe(false);
  });
});
