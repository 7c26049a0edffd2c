/**
 * Personal data in the browser (docs/PRIVACY.md): the join form shows the
 * notice and asks for a phone only when the voter wants a reply; the hall
 * shows the phone masked, and "show" reveals it — which the admin then finds
 * in the access log.
 */
import { describe, expect, it } from "vitest";
import { CHROMIUM, DESKTOP, PHONE, loginAs, openPage, screenshot, todaysSession, useWorld } from "./fixtures.ts";
import { eventually } from "./steps.ts";

describe.skipIf(!CHROMIUM)("personal data in the browser", () => {
  const world = useWorld();

  it("the join form hides the phone until a reply is wanted, and the hall shows it masked with a working show", async () => {
    const session = await todaysSession(world.base, "晓鹃工作室");
    const { page: voter } = await openPage(world, "privacy voter", PHONE);
    await voter.goto(`/s/${session.id}`);
    await voter.locator("#join").waitFor();

    // The notice is there, short, and opens on a tap.
    const notice = voter.getByTestId("privacy-notice");
    expect(await notice.getAttribute("data-version")).toBe("1");
    await notice.locator("summary").click();
    await eventually(() => notice.textContent()).toContain("保存多久");

    // No phone field until the voter asks for a reply.
    const phone = voter.getByRole("textbox", { name: /^手机号/ });
    expect(await phone.count()).toBe(0);
    await voter.getByLabel("需要回访/答复").check();
    await eventually(() => phone.count()).toBe(1);
    await voter.getByRole("textbox", { name: /^姓名/ }).fill("欧阳娜娜");
    await phone.fill("13912345678");
    await voter.getByRole("textbox", { name: /^反映的事项/ }).fill("夜间施工噪音");
    await voter.getByLabel(/我同意将以上个人信息/).check();
    await voter.getByRole("button", { name: "提交并排队" }).click();
    await eventually(async () => (await voter.getByTestId("my-ticket-label").textContent()) ?? "").toMatch(/W\d{3}/);
    const label = ((await voter.getByTestId("my-ticket-label").textContent()) ?? "").replace(/\D*(W\d{3}).*/, "$1");
    await voter.getByTestId("my-data").waitFor();
    await screenshot(voter, "privacy-voter-ticket", true);

    const { page: hall, context } = await openPage(world, "privacy hall", DESKTOP);
    await loginAs(context, world.base, "staff.shengze");
    await hall.goto(`/hall/${session.id}`);
    await hall.getByRole("button", { name: `叫号 ${label}` }).click();
    const turn = hall.getByTestId("current-turn");
    await eventually(() => turn.textContent()).toContain(label);
    await eventually(() => turn.getByTestId("phone").textContent()).toBe("139****5678");
    expect(await turn.textContent()).not.toContain("13912345678");
    await turn.getByTestId("phone-show").click();
    await eventually(() => turn.getByTestId("phone").textContent()).toBe("13912345678");
    expect(await turn.getByTestId("phone").getAttribute("href")).toBe("tel:13912345678");

    // The reveal is in the admin's access log.
    const admin = await world.browser.newContext({ baseURL: world.base });
    await loginAs(admin, world.base, "admin");
    const audit = (await (await admin.request.get(`${world.base}/api/audit?action=pii.reveal`)).json()) as { entries: { username: string; target: string }[] };
    expect(audit.entries.some((e) => e.username === "staff.shengze" && e.target.includes(session.id))).toBe(true);
    await admin.close();
  });
});
