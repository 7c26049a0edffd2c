/** Steps people take in the UI, shared by the journeys. */
import { expect } from "vitest";
import type { Page } from "playwright-core";

/** Live updates take a few milliseconds to travel; give them a generous bound. */
export const eventually = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 10_000, interval: 100 });

/** Fills the voter's join form on /s/:id and returns the new ticket's label (W…). */
export async function joinOnline(page: Page, name: string, topic: string, question = ""): Promise<string> {
  await page.getByRole("textbox", { name: /^姓名/ }).fill(name);
  // The phone is asked for only when the voter wants a reply (docs/PRIVACY.md).
  await page.getByLabel("需要回访/答复").check();
  await page.getByRole("textbox", { name: /^手机号/ }).fill("13800001111");
  await page.getByRole("textbox", { name: /^反映的事项/ }).fill(topic);
  if (question) await page.getByRole("textbox", { name: /^具体问题/ }).fill(question);
  await page.getByLabel("允许公开显示我反映的事项").check();
  await page.getByLabel(/我同意将以上个人信息/).check();
  await page.getByRole("button", { name: "提交并排队" }).click();
  const label = page.getByTestId("my-ticket-label");
  await eventually(async () => (await label.textContent()) ?? "").toMatch(/W\d{3}/);
  return ((await label.textContent()) ?? "").replace(/\D*(W\d{3}).*/, "$1");
}

/** Registers a walk-in at /desk/:id from the keyboard; returns the printed label and the QR link. */
export async function registerWalkIn(
  desk: Page,
  name: string,
  topic: string,
  more: { phone?: string; question?: string; isPublic?: boolean } = {},
): Promise<{ label: string; link: string }> {
  const form = desk.getByTestId("walk-in-form");
  const previous = (await desk.getByTestId("print-ticket-label").count()) ? await desk.getByTestId("print-ticket-label").textContent() : null;
  await form.locator("input[name=name]").fill(name);
  if (more.phone) await form.locator("input[name=phone]").fill(more.phone);
  if (more.question) await form.locator("input[name=question]").fill(more.question);
  if (more.isPublic) await form.locator("#desk-public").check();
  await form.locator("input[name=topic]").fill(topic);
  await form.locator("input[name=topic]").press("Enter");
  await eventually(async () => ((await desk.getByTestId("print-ticket-label").count()) ? await desk.getByTestId("print-ticket-label").textContent() : null)).not.toBe(previous);
  const label = (await desk.getByTestId("print-ticket-label").textContent())!;
  const link = (await desk.getByTestId("print-ticket").getAttribute("data-link"))!;
  return { label, link };
}

export const positionOf = async (page: Page) => Number(await page.getByTestId("my-ticket-position").getAttribute("data-position"));
export const statusOf = (page: Page) => page.getByTestId("my-ticket-status").getAttribute("data-status");

/** Books a place with the form on a day's page /s/:id (name, topic, consent); returns the booking code the page then shows. */
export async function bookOnDayPage(page: Page, name: string, topic: string, phone = ""): Promise<string> {
  const form = page.getByTestId("booking-form");
  await form.getByRole("textbox", { name: /^姓名/ }).fill(name);
  if (phone) await form.getByRole("textbox", { name: /^手机号/ }).fill(phone);
  await form.getByRole("textbox", { name: /^反映的事项/ }).fill(topic);
  await form.getByLabel(/我同意将以上个人信息/).check();
  await form.getByRole("button", { name: "提交预约" }).click();
  const code = page.getByTestId("my-booking-code");
  await eventually(async () => ((await code.count()) ? ((await code.textContent()) ?? "") : "")).toMatch(/^[A-Z2-9]{6}$/);
  return (await code.textContent())!;
}
