/**
 * 会签 through the pages (docs/ARCHITECTURE.md §6e): the demo's suggestion on
 * 盛泽镇's flooded roads, answered by 区住建局 and countersigned by
 * 区交通运输局, waits for 区水务局. The helper logs in to its desk, finds it
 * awaiting its countersign with the lead's draft, and returns it with a
 * reason; the lead reads the return on its desk, revises the answer and sends
 * it again; both helpers agree (the office meanwhile reads 会签中（1/2 已会签）);
 * the answer goes out and the voter's tracking page shows it. Setup through
 * the API: finding the suggestion and its tracking code.
 */
import { describe, expect, it } from "vitest";
import { CHROMIUM, DEMO_PASSWORD, DESKTOP, PHONE, describeViolations, loginAs, openPage, screenshot, seriousA11yViolations, useWorld } from "./fixtures.ts";
import { eventually } from "./steps.ts";

const TITLE = "关于改善盛泽镇区排水防涝和积水路段通行的建议";
const REASON = "请补充河道排涝泵站的汛期调度安排。";
const REVISED = "我局已会同区水务局、区交通运输局对镇区积水路段逐一排查，明年汛期前完成两处低洼路段排水管网改造；区水务局汛期提前预降河网水位、泵站24小时值守；其余路段列入排水防涝三年计划逐步实施。";

describe.skipIf(!CHROMIUM)("journey: helper departments countersign the lead department's answer (会签)", () => {
  const world = useWorld();

  it("a helper returns the draft with a reason, the lead revises it, both helpers agree, and the answer goes out", async () => {
    // ── setup through the API: the suggestion and one of the voters' tracking codes
    const { context: staffCtx, page: staff } = await openPage(world, "office", DESKTOP);
    await loginAs(staffCtx, world.base, "staff.shengze");
    const list = await staffCtx.request.get(`${world.base}/api/suggestions?status=COUNTERSIGNING`);
    const found = ((await list.json()) as { suggestions: { id: string; title: string }[] }).suggestions.find((s) => s.title === TITLE);
    expect(found).toBeDefined();
    const id = found!.id;
    const detail = (await (await staffCtx.request.get(`${world.base}/api/suggestions/${id}`)).json()) as { suggestion: { cases: { trackingCode: string }[] } };
    const trackingCode = detail.suggestion.cases[0]!.trackingCode;

    // ── 区水务局 logs in: its desk lists what awaits its countersign, with the lead's draft
    const { page: shuiwu } = await openPage(world, "区水务局", DESKTOP);
    await shuiwu.goto("/login");
    await shuiwu.getByLabel("用户名").fill("dept.shuiwu");
    await shuiwu.getByLabel("密码").fill(DEMO_PASSWORD);
    await shuiwu.getByRole("button", { name: "登录" }).click();
    await eventually(() => shuiwu.getByRole("heading", { level: 1 }).textContent()).toBe("承办工作台 · 区水务局");
    const awaiting = shuiwu.getByRole("region", { name: /待本单位会签/ });
    await eventually(() => awaiting.getByRole("heading").textContent()).toBe("待本单位会签（1 件）");
    expect(await awaiting.textContent()).toContain("明年汛期前完成两处低洼路段排水管网改造");
    expect(await awaiting.textContent()).toContain("会签中（1/2 已会签）");
    await screenshot(shuiwu, "countersign-1-helper-desk", true);
    await awaiting.getByRole("link", { name: new RegExp(TITLE) }).click();

    // The draft, who has signed it, and the helper's own form; returning needs a reason.
    const panel = shuiwu.getByRole("region", { name: /^会签/ });
    await eventually(() => panel.count()).toBe(1);
    const rowOf = (page: typeof shuiwu, dept: string) => page.getByRole("region", { name: /^会签/ }).getByRole("row", { name: new RegExp(dept) });
    await eventually(() => rowOf(shuiwu, "区交通运输局").textContent()).toContain("同意");
    expect(await rowOf(shuiwu, "区水务局").textContent()).toContain("待会签");
    expect(describeViolations(await seriousA11yViolations(shuiwu))).toBe("");
    const form = shuiwu.getByRole("form", { name: "本单位会签" });
    await form.getByRole("button", { name: "退回主办单位修改" }).click();
    await eventually(() => form.getByRole("alert").textContent()).toBe("退回须写明理由");
    await form.getByLabel(/^会签意见/).fill(REASON);
    await form.getByRole("button", { name: "退回主办单位修改" }).click();
    await eventually(() => shuiwu.getByText("会签退回，待主办单位修改").first().count()).toBe(1);
    await eventually(() => rowOf(shuiwu, "区水务局").textContent()).toContain(REASON);
    expect(await shuiwu.getByRole("form", { name: "本单位会签" }).count()).toBe(0);
    await screenshot(shuiwu, "countersign-2-helper-returned", true);

    // ── 区住建局, the lead: the return on its desk, the draft to revise, sent again
    const { context: leadCtx, page: lead } = await openPage(world, "区住建局", DESKTOP);
    await loginAs(leadCtx, world.base, "dept.zhujian");
    await lead.goto("/admin/suggestions");
    const leadRow = lead.getByRole("row", { name: new RegExp(TITLE) });
    await eventually(() => leadRow.textContent()).toContain("会签退回，待主办单位修改");
    await leadRow.getByRole("link", { name: TITLE }).click();
    const answer = lead.getByRole("form", { name: "书面答复" });
    await eventually(() => answer.getByText("协办单位退回了拟答复").count()).toBe(1);
    await eventually(() => lead.getByRole("list").filter({ hasText: "协办单位退回主办单位修改" }).textContent()).toContain(`区水务局：${REASON}`);
    // The form starts from the returned draft.
    expect(await answer.getByLabel(/^答复内容/).inputValue()).toContain("明年汛期前完成两处低洼路段排水管网改造");
    await screenshot(lead, "countersign-3-lead-returned", true);
    await answer.getByLabel(/^答复内容/).fill(REVISED);
    await answer.getByRole("button", { name: "提交答复，送协办单位会签" }).click();
    await eventually(() => lead.getByText("会签中（0/2 已会签）").first().count()).toBe(1);
    // A reload keeps the state: it is the server's.
    await lead.reload();
    await eventually(() => lead.getByText("会签中（0/2 已会签）").first().count()).toBe(1);
    await screenshot(lead, "countersign-4-lead-sent-again", true);

    // ── 区交通运输局 agrees again, to the new version, with a note
    const { context: jiaotongCtx, page: jiaotong } = await openPage(world, "区交通运输局", DESKTOP);
    await loginAs(jiaotongCtx, world.base, "dept.jiaotong");
    await jiaotong.goto(`/admin/suggestions/${id}`);
    const jForm = jiaotong.getByRole("form", { name: "本单位会签" });
    await jForm.getByLabel(/^会签意见/).fill("同意。我局负责积水路段警示和绕行引导。");
    await jForm.getByRole("button", { name: "同意并会签" }).click();
    await eventually(() => jiaotong.getByText("会签中（1/2 已会签）").first().count()).toBe(1);

    // ── the office reads the state on its list
    await staff.goto("/admin/suggestions");
    await eventually(() => staff.getByRole("row", { name: new RegExp(TITLE) }).textContent()).toContain("会签中（1/2 已会签）");
    await screenshot(staff, "countersign-5-office-list", true);

    // ── 区水务局 again: the revised answer awaits it; it agrees, and the answer goes out
    await shuiwu.goto("/admin/suggestions");
    await eventually(() => shuiwu.getByRole("region", { name: /待本单位会签/ }).textContent()).toContain("泵站24小时值守");
    await shuiwu.getByRole("region", { name: /待本单位会签/ }).getByRole("link", { name: new RegExp(TITLE) }).click();
    await shuiwu.getByRole("form", { name: "本单位会签" }).getByRole("button", { name: "同意并会签" }).click();
    await eventually(() => shuiwu.getByText("已答复，待代表评价").count()).toBe(1);
    expect(await shuiwu.getByRole("region", { name: "办理答复" }).textContent()).toContain(REVISED);
    await screenshot(shuiwu, "countersign-6-answer-out", true);
    await shuiwu.goto("/admin/suggestions");
    await eventually(() => shuiwu.getByRole("region", { name: /待本单位会签/ }).getByRole("heading").textContent()).toBe("待本单位会签（0 件）");

    // ── the voter, on a phone: the answer, now that it went out
    const { page: phone } = await openPage(world, "voter", PHONE);
    await phone.goto(`/track/${trackingCode}`);
    const card = phone.getByRole("region", { name: "代表建议" });
    await eventually(() => card.textContent()).toContain(REVISED);
    expect(await card.textContent()).toContain("已答复，待代表评价");
    await card.scrollIntoViewIfNeeded();
    await screenshot(phone, "countersign-7-voter-track", true);
    expect(world.errors).toEqual([]);
  }, 180_000);
});
