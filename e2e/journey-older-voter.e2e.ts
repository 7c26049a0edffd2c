/**
 * An older voter's day on a phone (375 px), in 长辈版: the first visit offers it,
 * the voter switches it on and the type, spacing and targets grow; joining,
 * a reload that keeps 长辈版, 读给我听, and the phone saying 轮到您了 when the
 * deputy calls from the console. The hall screen, its sound enabled, announces
 * every call aloud twice, one announcement after another. speechSynthesis is a
 * recording stand-in (e2e/speech-stub.js): the test machine has no voices.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { CHROMIUM, DESKTOP, PHONE, describeViolations, loginAs, openPage, screenshot, seriousA11yViolations, todaysSession, useWorld } from "./fixtures.ts";
import { bookOnDayPage, eventually, joinOnline, registerWalkIn, statusOf } from "./steps.ts";

const SPEECH_STUB = readFileSync(path.join(import.meta.dirname, "speech-stub.js"), "utf8");

interface Spoken {
  text: string;
  lang: string;
  volume: number;
  start: number;
  end: number | null;
}
const spoken = (page: Page) => page.evaluate("window.__speech.log") as Promise<Spoken[]>;
const overlaps = (page: Page) => page.evaluate("window.__speech.overlaps") as Promise<number>;

interface Layout {
  width: number;
  scroll: number;
  bodyFont: number;
  bodyLine: number;
  /** visible text smaller than 20 px */
  smallText: string[];
  /** reading paragraphs (under 32 px) with lines closer than 1.5× */
  tightLines: string[];
  /** paragraphs followed by one whose space between is not larger than the space between their lines */
  tightParagraphs: string[];
  /** buttons, fields and button-links under 48 px tall */
  smallTargets: string[];
  /** what sticks out past the right edge of a 375-px screen */
  wide: string[];
}

/** What an older eye and finger meet on the page, measured in the browser. */
const measure = (page: Page) =>
  page.evaluate(`(() => {
    const visible = (el) => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0 && !el.closest('.visually-hidden') && getComputedStyle(el).visibility !== 'hidden'; };
    const name = (el) => el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ? '.' + el.className.split(' ')[0] : '') + ' "' + (el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 16) + '"';
    const px = (v) => parseFloat(v);
    const lineHeight = (cs) => cs.lineHeight === 'normal' ? 1.2 * px(cs.fontSize) : px(cs.lineHeight);
    const texts = [...document.querySelectorAll('p, li, dt, dd, label, button, a, input, select, textarea, h1, h2, h3, span')]
      .filter(visible)
      .filter((el) => [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim()) || (['INPUT', 'SELECT', 'TEXTAREA'].includes(el.tagName) && !['checkbox', 'radio', 'range'].includes(el.type)));
    const paragraphs = [...document.querySelectorAll('main p')].filter(visible);
    const targets = [...document.querySelectorAll('button, a.button, input:not([type=checkbox]):not([type=radio]):not([type=range]), select, label:has(input[type=checkbox]), header a')].filter(visible);
    const lineGap = (el) => lineHeight(getComputedStyle(el)) - px(getComputedStyle(el).fontSize);
    const tightParagraphs = paragraphs.filter((p) => p.nextElementSibling && p.nextElementSibling.tagName === 'P' && visible(p.nextElementSibling))
      .filter((p) => p.nextElementSibling.getBoundingClientRect().top - p.getBoundingClientRect().bottom <= lineGap(p)).map(name);
    return {
      width: window.innerWidth,
      scroll: document.documentElement.scrollWidth,
      bodyFont: px(getComputedStyle(document.body).fontSize),
      bodyLine: lineHeight(getComputedStyle(document.body)) / px(getComputedStyle(document.body).fontSize),
      smallText: texts.filter((el) => px(getComputedStyle(el).fontSize) < 20).map(name),
      // Reading text; a one-line display figure (the called number at 77 px) keeps its tight line.
      tightLines: paragraphs.filter((el) => px(getComputedStyle(el).fontSize) < 32 && lineHeight(getComputedStyle(el)) < 1.5 * px(getComputedStyle(el).fontSize)).map(name),
      tightParagraphs,
      smallTargets: targets.filter((el) => el.getBoundingClientRect().height < 47.5).map(name),
      wide: [...document.querySelectorAll('body *')].filter((el) => visible(el) && el.getBoundingClientRect().right > 375.5).slice(0, 6).map(name),
    };
  })()`) as Promise<Layout>;

/** 长辈版's promises, checked on whatever page is open. */
async function expectElderLayout(page: Page, where: string): Promise<void> {
  const m = await measure(page);
  expect(m.wide, `${where}: wider than the phone`).toEqual([]);
  expect(m.width, where).toBe(375);
  expect(m.scroll, `${where}: sideways scroll`).toBeLessThanOrEqual(375);
  expect(m.bodyFont, where).toBeGreaterThanOrEqual(20);
  expect(m.bodyLine, where).toBeGreaterThanOrEqual(1.5);
  expect(m.smallText, `${where}: text under 20 px`).toEqual([]);
  expect(m.tightLines, `${where}: lines under 1.5×`).toEqual([]);
  expect(m.tightParagraphs, `${where}: paragraphs no further apart than lines`).toEqual([]);
  expect(m.smallTargets, `${where}: targets under 48 px`).toEqual([]);
  const violations = await seriousA11yViolations(page, { enhancedContrast: true });
  expect(violations, `${where}: ${describeViolations(violations)}`).toEqual([]);
}

describe.skipIf(!CHROMIUM)("an older voter's journey in 长辈版", () => {
  const world = useWorld();

  it("offered 长辈版 → large type at 375 px → joins → reload keeps it → 读给我听 → called: 轮到您了; the screen says every call twice, never at once", async () => {
    const session = await todaysSession(world.base, "晓鹃工作室");

    // ── the hall screen, its sound switched on by staff ─────────────────
    const { context: screenContext, page: screen } = await openPage(world, "screen", { viewport: { width: 1920, height: 1080 } });
    await screenContext.addInitScript(SPEECH_STUB);
    await screen.goto(`/screen/${session.id}`);
    await screen.getByRole("button", { name: "开启提示音" }).click();
    await screen.getByTestId("screen-voice").waitFor();
    expect(await screen.getByTestId("screen-voice-toggle").textContent()).toBe("语音叫号：开");

    // A second screen, on a TV with no Chinese voice: it says so, and will only chime.
    const { context: mutedContext, page: mutedScreen } = await openPage(world, "screen without voice", { viewport: { width: 1920, height: 1080 } });
    await mutedContext.addInitScript("window.__noVoice = true;");
    await mutedContext.addInitScript(SPEECH_STUB);
    await mutedScreen.goto(`/screen/${session.id}`);
    await mutedScreen.getByRole("button", { name: "开启提示音" }).click();
    await eventually(() => mutedScreen.getByTestId("screen-no-voice").textContent()).toContain("没有中文语音");
    expect(await mutedScreen.getByRole("link", { name: "如何安装中文语音" }).getAttribute("href")).toBe("/help/voice");

    // ── first visit: the offer, then 长辈版 on ──────────────────────────
    const { context: phoneContext, page: phone } = await openPage(world, "older voter", PHONE);
    await phoneContext.addInitScript(SPEECH_STUB);
    await phone.goto("/");
    const offer = phone.getByTestId("elder-offer");
    await offer.waitFor();
    expect(await offer.textContent()).toContain("长辈版");
    await screenshot(phone, "journey-older-voter-01-offer");
    await offer.getByRole("button", { name: "换成大字" }).click();
    await eventually(() => offer.count()).toBe(0);
    const elderSwitch = phone.getByRole("button", { name: "长辈版", exact: true });
    expect(await elderSwitch.getAttribute("aria-pressed")).toBe("true");
    await phone.locator(`[data-testid=session-card][data-session-id="${session.id}"]`).waitFor();
    await expectElderLayout(phone, "home");
    await screenshot(phone, "journey-older-voter-02-home");

    // ── the day's page: one step at a time ───────────────────────────────
    await phone.goto(`/s/${session.id}`);
    await phone.getByTestId("elder-step").waitFor();
    expect(await phone.getByTestId("board-waiting").count()).toBe(0);
    await expectElderLayout(phone, "day page");
    await screenshot(phone, "journey-older-voter-03-day", true);

    // The same button turns it off and on again.
    await elderSwitch.click();
    await eventually(() => phone.evaluate("document.documentElement.classList.contains('elder')")).toBe(false);
    expect((await measure(phone)).bodyFont).toBeLessThan(20);
    await elderSwitch.click();
    await eventually(() => phone.evaluate("document.documentElement.classList.contains('elder')")).toBe(true);

    const label = await joinOnline(phone, "孙秀英", "楼道里没有扶手");
    expect(await statusOf(phone)).toBe("WAITING");
    await expectElderLayout(phone, "my ticket");
    await screenshot(phone, "journey-older-voter-04-joined");

    // ── a reload keeps 长辈版 and the ticket ─────────────────────────────
    await phone.reload();
    await eventually(() => phone.getByTestId("my-ticket-label").textContent()).toContain(label);
    expect(await phone.evaluate("document.documentElement.classList.contains('elder')")).toBe(true);
    expect(await elderSwitch.getAttribute("aria-pressed")).toBe("true");
    expect(await phone.getByTestId("elder-offer").count()).toBe(0);

    // ── 读给我听 ─────────────────────────────────────────────────────────
    await phone.getByRole("button", { name: "读给我听" }).click();
    await eventually(async () => (await spoken(phone)).length).toBe(1);
    const [reading] = await spoken(phone);
    expect(reading!.lang).toBe("zh-CN");
    expect(reading!.text).toContain(`您的排号是 ${label}`);
    expect(reading!.text).toMatch(/当前排第 \d+ 位/);
    expect(reading!.text).toContain("预计还需等候");
    expect(await phone.locator(".read-aloud__state").textContent()).toBeTruthy();
    await screenshot(phone, "journey-older-voter-05-read-aloud", false);

    // ── a walk-in at the desk, then the deputy calls both from the console ─
    const { context: deskContext, page: desk } = await openPage(world, "desk", DESKTOP);
    await loginAs(deskContext, world.base, "staff.shengze");
    await desk.goto(`/desk/${session.id}`);
    const walkIn = await registerWalkIn(desk, "钱阿婆", "公交站太远");
    const lateWalkIn = await registerWalkIn(desk, "李大爷", "菜场搬迁");

    const { context: hallContext, page: hall } = await openPage(world, "deputy", DESKTOP);
    await loginAs(hallContext, world.base, "deputy.xiaojuan");
    await hall.goto(`/hall/${session.id}`);
    await hall.getByRole("button", { name: `叫号 ${label}` }).click();
    await eventually(() => statusOf(phone)).toBe("CALLED");
    await phone.getByTestId("called-banner").waitFor();
    // After the beep, the phone says it.
    await eventually(async () => (await spoken(phone)).map((u) => u.text)).toContainEqual(expect.stringMatching(/^轮到您了/));
    const turn = (await spoken(phone)).find((u) => u.text.startsWith("轮到您了"))!;
    expect(turn.lang).toBe("zh-CN");
    await screenshot(phone, "journey-older-voter-06-called");
    await expectElderLayout(phone, "called");

    // The voter is not here yet: no-show, and the walk-in is called straight after —
    // while the screen is still announcing the first call.
    await hall.getByRole("button", { name: "未到场" }).click();
    await hall.getByRole("button", { name: `叫号 ${walkIn.label}` }).click();
    await eventually(() => hall.getByTestId("current-turn").textContent()).toContain(walkIn.label);

    // ── the screen: each call said twice, in order, never two at once ─────
    const online = `请 ${label} 号线上发言`;
    const inHall = `请 ${walkIn.label} 号到发言席`;
    await eventually(async () => (await spoken(screen)).filter((u) => u.end !== null).length).toBe(4);
    const said = await spoken(screen);
    expect(said.map((u) => u.text)).toEqual([online, online, inHall, inHall]);
    expect(said.every((u) => u.lang === "zh-CN")).toBe(true);
    for (let i = 1; i < said.length; i += 1) expect(said[i]!.start).toBeGreaterThanOrEqual(said[i - 1]!.end!);
    expect(await overlaps(screen)).toBe(0);
    await screenshot(screen, "journey-older-voter-07-screen");
    expect(await spoken(mutedScreen)).toEqual([]);

    // Staff turn the voice off: the next call only chimes.
    await screen.getByTestId("screen-voice-toggle").click();
    expect(await screen.getByTestId("screen-voice-toggle").textContent()).toBe("语音叫号：关");
    await hall.getByRole("button", { name: "未到场" }).click();
    await hall.getByRole("button", { name: `叫号 ${lateWalkIn.label}` }).click();
    await eventually(() => screen.getByTestId("screen-now").textContent()).toBe(lateWalkIn.label);
    await screen.waitForTimeout(2500);
    expect((await spoken(screen)).length).toBe(4);

    // ── the station's page and the tracking lookup in 长辈版 too ─────────
    const day = `from=${new Date(Date.now() - 86_400_000).toISOString()}&to=${new Date(Date.now() + 86_400_000).toISOString()}`;
    const listed = (await (await fetch(`${world.base}/api/sessions?${day}`)).json()) as { sessions: { id: string; venueId: string }[] };
    const venueId = listed.sessions.find((s) => s.id === session.id)!.venueId;
    await phone.goto(`/v/${venueId}`);
    await phone.locator("h1").first().waitFor();
    await expectElderLayout(phone, "station page");
    await screenshot(phone, "journey-older-voter-08-station");
    await phone.goto("/track");
    await phone.locator("h1").first().waitFor();
    await expectElderLayout(phone, "tracking lookup");

    // ── booking a later day in 长辈版, and the booking's own page ───────────
    const startsAt = new Date(Date.now() + 2 * 3600_000);
    const created = await deskContext.request.post(`${world.base}/api/sessions`, {
      data: { venueId, title: "长辈专场接待日", startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 2 * 3600_000).toISOString(), slotMin: 8, bookingCapacity: 5 },
    });
    expect(created.status(), await created.text()).toBe(201);
    const laterDay = ((await created.json()) as { session: { id: string } }).session.id;
    await phone.goto(`/s/${laterDay}`);
    await phone.getByTestId("booking-form").waitFor();
    await expectElderLayout(phone, "a later day's booking form");
    const code = await bookOnDayPage(phone, "孙秀英", "楼道里没有扶手");
    await phone.goto(`/b/${code}`);
    await eventually(() => phone.getByTestId("booking-status").textContent()).toContain("已预约");
    await expectElderLayout(phone, "booking page");
    await screenshot(phone, "journey-older-voter-08b-booking");

    // ── staff find the guide from the console ────────────────────────────
    const guideLink = hall.getByRole("link", { name: "语音叫号与长辈版指南" });
    expect(await guideLink.getAttribute("href")).toBe("/help/voice");
    await hall.goto("/help/voice");
    await eventually(() => hall.locator("h1").textContent()).toContain("工作人员指南");
    const guide = (await hall.locator("main").textContent()) ?? "";
    for (const words of ["Microsoft Huihui", "Xiaoxiao", "Google", "中文（中国）", "长辈版"]) expect(guide).toContain(words);
    await screenshot(hall, "journey-older-voter-09-guide", true);

    expect(world.errors).toEqual([]);
  });
});
