/**
 * Accounts at level 2 (docs/SECURITY.md), as the people involved live it: the
 * administrator creates a clerk's account and a weak password is refused in
 * words; the clerk logs in with the initial password, is sent to choose their
 * own (a weak one refused in words again), and then reaches the front desk and
 * registers a walk-in. Left idle past the timeout, the desk sends them to log
 * in again and says why.
 */
import { describe, expect, it } from "vitest";
import { CHROMIUM, describeViolations, loginAs, openPage, screenshot, seriousA11yViolations, todaysSession, useWorld } from "./fixtures.ts";
import { eventually, registerWalkIn } from "./steps.ts";

const VENUE = "盛泽镇坛丘片区人大代表之家";
const USERNAME = "staff.tanqiu";
const INITIAL = "Hexi-Bridge-27";
const CHOSEN = "Lantern-Quay-58";

describe.skipIf(!CHROMIUM)("account security", () => {
  const world = useWorld();

  it("an admin's weak password is refused in words; the new clerk changes the initial one at first login and reaches the desk", async () => {
    const session = await todaysSession(world.base, VENUE);
    const venueId = ((await (await fetch(`${world.base}/api/sessions/${session.id}`)).json()) as { session: { venueId: string } }).session.venueId;

    // The administrator opens 系统管理 and adds an account.
    const { page: admin, context: adminContext } = await openPage(world, "admin");
    await loginAs(adminContext, world.base, "admin");
    await admin.goto("/admin/settings");
    await admin.getByRole("button", { name: "新增账号" }).click();
    const form = admin.getByRole("form", { name: "新增账号" });
    await form.locator("input[name=username]").fill(USERNAME);
    await form.locator("input[name=displayName]").fill("坛丘片区工作人员");
    await form.getByLabel("负责的联络站", { exact: true }).selectOption([venueId]);
    // Long enough, but of one kind of character only.
    await form.locator("input[name=password]").fill("lanternriverbank");
    await form.getByRole("button", { name: "保存" }).click();
    await eventually(() => admin.getByRole("alert").filter({ hasText: "密码须包含大写字母、小写字母、数字、符号中的至少三类。" }).count()).toBe(1);
    // A dressed-up common password is named as such.
    await form.locator("input[name=password]").fill("P@ssw0rd-2024");
    await form.getByRole("button", { name: "保存" }).click();
    await eventually(() => admin.getByRole("alert").filter({ hasText: "这个密码太常见" }).count()).toBe(1);
    await screenshot(admin, "account-security-1-weak-refused");
    expect(await admin.getByRole("rowheader", { name: USERNAME }).count()).toBe(0);

    await form.locator("input[name=password]").fill(INITIAL);
    await form.getByRole("button", { name: "保存" }).click();
    await eventually(() => admin.getByRole("rowheader", { name: USERNAME }).count()).toBe(1);

    // The clerk opens the desk: first the login, then the new password.
    const { page: clerk } = await openPage(world, "clerk");
    await clerk.goto(`/desk/${session.id}`);
    await eventually(() => clerk.url()).toContain("/login");
    await clerk.getByLabel("用户名").fill(USERNAME);
    await clerk.getByLabel("密码").fill(INITIAL);
    await clerk.getByRole("button", { name: "登录" }).click();
    await eventually(() => clerk.url()).toContain("/account/password");
    await eventually(() => clerk.getByText("这是管理员为您设置的初始密码").count()).toBe(1);

    // A new password with the user name in it is refused in words, under the field.
    await clerk.getByLabel("当前密码", { exact: true }).fill(INITIAL);
    await clerk.getByLabel("新密码", { exact: true }).fill("Tanqiu-2026-ok");
    await clerk.getByLabel("再次输入新密码", { exact: true }).fill("Tanqiu-2026-ok");
    await clerk.getByRole("button", { name: "保存新密码" }).click();
    await eventually(() => clerk.getByText("密码不能包含用户名。").count()).toBe(1);
    await screenshot(clerk, "account-security-2-forced-change");
    const violations = await seriousA11yViolations(clerk);
    expect(violations, describeViolations(violations)).toEqual([]);

    await clerk.getByLabel("新密码", { exact: true }).fill(CHOSEN);
    await clerk.getByLabel("再次输入新密码", { exact: true }).fill(CHOSEN);
    await clerk.getByRole("button", { name: "保存新密码" }).click();
    await eventually(() => clerk.url()).toContain(`/desk/${session.id}`);
    const { label } = await registerWalkIn(clerk, "坛丘阿伯", "河道保洁");
    expect(label).toMatch(/^[A-Z]\d{3}$/);
    // The change stays: after a reload the desk is still the desk, and the menu offers the password page any time.
    await clerk.reload();
    await eventually(() => clerk.getByTestId("walk-in-form").count()).toBe(1);
    expect(await clerk.getByRole("link", { name: "修改密码" }).count()).toBe(1);
    await screenshot(clerk, "account-security-3-desk");

    // The clerk leaves the desk alone longer than the idle timeout (12 hours): the next
    // registration is not answered with a raw error but with the login page saying why.
    world.server.clock.advance(13 * 3600_000);
    const walkIn = clerk.getByTestId("walk-in-form");
    await walkIn.locator("input[name=name]").fill("迟到的阿婆");
    await walkIn.locator("input[name=topic]").fill("路灯不亮");
    await walkIn.locator("input[name=topic]").press("Enter");
    await eventually(() => clerk.url()).toContain("/login?next=");
    await eventually(() => clerk.getByText("您已较长时间没有操作，为了安全已自动退出登录。请重新登录。").count()).toBe(1);
    await screenshot(clerk, "account-security-4-ended-idle");
    await clerk.getByLabel("用户名").fill(USERNAME);
    await clerk.getByLabel("密码").fill(CHOSEN);
    await clerk.getByRole("button", { name: "登录" }).click();
    await eventually(() => clerk.getByTestId("walk-in-form").count()).toBe(1);
    // The new login is good for work, not only for showing the form: the registration that was
    // refused goes through, and the desk's own reads (the day's bookings) do not end it again.
    const again = await registerWalkIn(clerk, "迟到的阿婆", "路灯不亮");
    expect(again.label).toMatch(/^[A-Z]\d{3}$/);
    expect(clerk.url()).toContain(`/desk/${session.id}`);

    // The old password no longer opens the account; the new one does.
    const old = await fetch(`${world.base}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username: USERNAME, password: INITIAL }) });
    expect(old.status).toBe(401);
    // The refusals above are 400 answers the browser logs; nothing else went wrong.
    expect(world.errors.filter((e) => !/status of 400 \(Bad Request\)/.test(e))).toEqual([]);
  });
});
