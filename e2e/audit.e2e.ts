/**
 * The audit (docs/ARCHITECTURE.md §6f) as the administrator reads it, at a desktop: a
 * failed login on the login page, station staff registering a walk-in at
 * the desk and calling the next voter in the hall — then the admin's audit
 * page says each in words (what, on which day, which ticket, with what
 * result), filters to the failures, and says the chain is intact.
 */
import { describe, expect, it } from "vitest";
import { CHROMIUM, describeViolations, loginAs, openPage, screenshot, seriousA11yViolations, todaysSession, useWorld } from "./fixtures.ts";
import { eventually, registerWalkIn } from "./steps.ts";

const VENUE = "盛泽镇坛丘片区人大代表之家";
const WALK_IN = "审计阿婆";
const WALK_IN_PHONE = "13955554444";
const WRONG_PASSWORD = "not-the-password-9";

describe.skipIf(!CHROMIUM)("the audit", () => {
  const world = useWorld();

  it("records a failed login and staff's work at the desk and in the hall; the admin reads it in words with the chain verified", async () => {
    const session = await todaysSession(world.base, VENUE);

    // Someone mistypes the password on the login page.
    const { page: login } = await openPage(world, "login");
    await login.goto("/login");
    await login.getByLabel("用户名").fill("staff.shengze");
    await login.getByLabel("密码").fill(WRONG_PASSWORD);
    await login.getByRole("button", { name: "登录" }).click();
    await eventually(() => login.getByText("用户名或密码不正确。").count()).toBe(1);
    await screenshot(login, "audit-1-failed-login");

    // Station staff register a walk-in and call the next voter.
    const { page: desk, context } = await openPage(world, "staff");
    await loginAs(context, world.base, "staff.shengze");
    await desk.goto(`/desk/${session.id}`);
    const { label } = await registerWalkIn(desk, WALK_IN, "路灯不亮", { phone: WALK_IN_PHONE });
    await desk.goto(`/hall/${session.id}`);
    await desk.getByRole("button", { name: "叫下一位" }).click();
    await eventually(() => desk.getByTestId("current-turn").textContent()).toMatch(/[A-Z]\d{3}/);

    // The administrator reads the audit.
    const { page: admin, context: adminContext } = await openPage(world, "admin");
    await loginAs(adminContext, world.base, "admin");
    await admin.goto("/admin/audit");
    const audit = admin.getByTestId("audit-page");
    await eventually(() => audit.getByTestId("audit-verdict").textContent()).toMatch(/^审计记录完整：\d+ 条记录逐条核验/);
    const rows = audit.getByTestId("audit-row");
    const row = (action: string) => rows.filter({ hasText: action }).first();
    await eventually(() => row("登录失败").textContent()).toContain("staff.shengze");
    expect(await row("登录失败").textContent()).toContain("用户名或密码不正确");
    const registered = (await row("现场登记").textContent())!;
    expect(registered).toContain("staff.shengze");
    expect(registered).toContain(session.title);
    expect(registered).toContain(`排号 ${label}`);
    expect(registered).toContain("成功");
    expect(await row("叫下一位").textContent()).toContain(session.title);
    // In words: no raw ids, and nothing of the voter's or the password.
    const text = (await audit.textContent())!;
    expect(text).not.toMatch(/(ticket|session|case|user|venue):/);
    for (const secret of [WALK_IN, WALK_IN_PHONE, WRONG_PASSWORD]) expect(text).not.toContain(secret);
    const violations = await seriousA11yViolations(admin);
    expect(violations, describeViolations(violations)).toEqual([]);
    await screenshot(admin, "audit-2-admin-reads", true);

    // Only what failed or was refused.
    await audit.locator("select[name=result]").selectOption({ label: "失败或被拒" });
    await eventually(async () => (await rows.allTextContents()).every((r) => !r.includes("成功"))).toBe(true);
    await eventually(() => rows.filter({ hasText: "登录失败" }).count()).toBe(1);
    expect(await rows.filter({ hasText: "现场登记" }).count()).toBe(0);
    await screenshot(admin, "audit-3-failures");

    // One action.
    await audit.locator("select[name=result]").selectOption({ label: "全部结果" });
    await audit.locator("select[name=action]").selectOption({ label: "叫下一位" });
    await eventually(async () => new Set((await rows.allTextContents()).map((r) => r.includes("叫下一位")))).toEqual(new Set([true]));

    // In English too.
    await audit.locator("select[name=action]").selectOption({ value: "" });
    await admin.getByRole("button", { name: "English" }).click();
    await eventually(() => audit.getByTestId("audit-verdict").textContent()).toMatch(/^The audit log is intact: all \d+ entries verified/);
    await eventually(() => rows.filter({ hasText: "Failed login" }).first().textContent()).toContain("Wrong username or password");
    expect(await rows.filter({ hasText: "Registered a walk-in" }).first().textContent()).toContain(`ticket ${label}`);
    await screenshot(admin, "audit-4-english");
    // Opened afresh in English: the back office's words (a chunk of their own) arrive with it, no key shows.
    await admin.reload();
    await eventually(() => audit.getByTestId("audit-verdict").textContent()).toMatch(/^The audit log is intact/);
    expect(await admin.getByRole("navigation", { name: "Back office" }).textContent()).toContain("Schedule");
    expect(await admin.locator("body").textContent()).not.toMatch(/\b(admin|hall|duty|nudges|apiRef|suggestion|finish)\.[a-z]\w*/);

    // Someone changes an entry directly in the database: the page says where the chain broke.
    const second = await world.server.db.auditEntry.findFirstOrThrow({ where: { seq: 2 } });
    await world.server.db.auditEntry.update({ where: { id: second.id }, data: { result: "ok", target: "" } });
    await admin.getByRole("button", { name: "中文" }).click();
    await admin.reload();
    await eventually(() => audit.getByTestId("audit-verdict").textContent()).toMatch(/^审计记录不完整：从第 2 条起核验不通过/);
    expect(await audit.getByTestId("audit-verdict").textContent()).toContain("现场登记");
    await screenshot(admin, "audit-5-broken");
    expect(world.errors).toEqual([]);
  });
});
