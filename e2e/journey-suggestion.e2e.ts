/**
 * From two voters' concerns to a deputy's suggestion answered by a department
 * (代表建议, docs/ARCHITECTURE.md §6e), through the pages: the deputy ticks both
 * concerns and submits one suggestion; the office sees it with its colour and
 * assigns it to 区住建局 with a deadline; the department logs in to its desk and
 * answers A (and opens the reply letter); the deputy evaluates 满意; both voters, on their phones, read the
 * suggestion and the answer on their tracking pages, with no names.
 * Setup through the API: the two voters' messages at a 盛泽镇 station.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { CHROMIUM, DEMO_PASSWORD, DESKTOP, PHONE, describeViolations, loginAs, openPage, screenshot, seriousA11yViolations, venueIdOf, useWorld } from "./fixtures.ts";
import { eventually } from "./steps.ts";

const STATION = "盛泽镇人大代表之家";
const TITLE = "关于解决东方菜场周边积水和停车问题的建议";
const ANSWER = "我局已对东方菜场周边排水管网进行改造，新建雨水管道320米，并施划临时停车位40个，积水和停车问题已基本解决。";
const VOTERS = [
  { name: "顾秀英", topic: "菜场门口积水", text: "东方菜场门口一下雨就积水，老人进出容易滑倒。" },
  { name: "钱国强", topic: "菜场周边停车难", text: "东方菜场周边没有停车位，电动车汽车乱停，堵住了路。" },
];

describe.skipIf(!CHROMIUM)("journey: a deputy's suggestion from two concerns, answered by a department", () => {
  const world = useWorld();
  const codes: string[] = [];
  let venueId = "";

  beforeAll(async () => {
    venueId = await venueIdOf(world.base, STATION);
    for (const v of VOTERS) {
      const res = await fetch(`${world.base}/api/venues/${venueId}/messages`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ name: v.name, topic: v.topic, text: v.text, isPublic: true }),
      });
      expect(res.status).toBe(201);
      codes.push(((await res.json()) as { trackingCode: string }).trackingCode);
    }
  });

  it("deputy drafts and submits, the office assigns, the department answers A, the deputy is satisfied, both voters see it", async () => {
    // ── the deputy: from the cases list to one suggestion drawn from both concerns
    const { context: deputyCtx, page: deputy } = await openPage(world, "deputy", DESKTOP);
    await loginAs(deputyCtx, world.base, "deputy.xiaojuan");
    await deputy.goto("/admin/cases?view=list");
    await deputy.getByRole("link", { name: "从办理事项起草代表建议" }).click();
    await eventually(() => deputy.getByRole("heading", { level: 1 }).textContent()).toBe("起草代表建议");
    for (const v of VOTERS) await deputy.getByRole("checkbox", { name: new RegExp(v.topic.slice(0, 4)) }).first().check();
    await eventually(() => deputy.getByText("依据的选民意见（已选 2 件）").count()).toBe(1);
    // 联名: another deputy co-signs it.
    const coSign = deputy.getByRole("group", { name: /^联名代表/ });
    await eventually(() => coSign.getByRole("checkbox").count()).toBeGreaterThan(0);
    const coSignerName = (await coSign.locator("label").first().textContent())!.trim();
    await coSign.getByRole("checkbox").first().check();
    await eventually(() => coSign.locator("legend").textContent()).toContain("已选 1 位");
    await deputy.getByLabel(/^建议标题/).fill(TITLE);
    await deputy.getByLabel(/^类别/).fill("城市建设");
    await deputy.getByLabel(/^建议内容/).fill("选民反映东方菜场门口雨天积水、周边停车无序，建议区住建局改造排水管网并规划停车位。");
    await screenshot(deputy, "suggestion-1-deputy-draft", true);
    await deputy.getByRole("button", { name: "提交建议" }).click();
    await eventually(() => deputy.getByRole("heading", { level: 1 }).textContent()).toBe(TITLE);
    await eventually(() => deputy.getByText("已提交，待交办").count()).toBe(1);
    const number = (await deputy.locator("strong").filter({ hasText: /^\d{4}-\d{4}$/ }).first().textContent())!;
    expect(number).toMatch(/^\d{4}-\d{4}$/);
    const suggestionUrl = new URL(deputy.url()).pathname;
    await eventually(() => deputy.getByText(coSignerName, { exact: true }).count()).toBeGreaterThan(0);
    // The deputy sees both concerns it came from.
    for (const code of codes) expect(await deputy.getByRole("link", { name: code }).count()).toBe(1);

    // ── the office: the list by colour, then assign to 区住建局 with a deadline
    const { context: staffCtx, page: staff } = await openPage(world, "staff", DESKTOP);
    await loginAs(staffCtx, world.base, "staff.shengze");
    await staff.goto("/admin/suggestions");
    await eventually(() => staff.getByRole("link", { name: TITLE }).count()).toBe(1);
    // Colours are in words, overdue first (the demo has a red one at 盛泽镇).
    await eventually(() => staff.locator(".supervision").first().textContent()).toContain("红牌 · 已超期");
    await screenshot(staff, "suggestion-2-office-list", true);
    expect(describeViolations(await seriousA11yViolations(staff))).toBe("");
    // 三色督办 by department: the most overdue department first; its name lists only its suggestions.
    const board = staff.getByRole("region", { name: "三色督办 · 按承办单位" });
    await eventually(() => board.getByRole("row").count()).toBeGreaterThan(1);
    const firstDepartment = board.getByRole("row").nth(1).getByRole("button");
    const departmentName = (await firstDepartment.textContent())!.trim();
    expect(Number(await board.getByRole("row").nth(1).getByRole("cell").first().textContent())).toBeGreaterThan(0);
    await firstDepartment.click();
    await eventually(() => staff.url()).toContain("departmentId=");
    await eventually(() => staff.getByRole("link", { name: TITLE }).count()).toBe(0);
    await eventually(() => staff.locator(".suggestion-table tbody td").filter({ hasText: departmentName }).count()).toBeGreaterThan(0);
    await screenshot(staff, "suggestion-2b-office-by-department", true);
    await staff.getByLabel("主办单位").selectOption("");
    await eventually(() => staff.getByRole("link", { name: TITLE }).count()).toBe(1);
    await staff.getByRole("link", { name: TITLE }).click();
    const assign = staff.getByRole("form", { name: "交办承办单位" });
    await assign.getByLabel(/^主办单位/).selectOption({ label: "区住建局" });
    const due = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
    await assign.getByLabel(/^办理期限/).fill(due);
    await assign.getByRole("button", { name: "交办" }).click();
    await eventually(() => staff.getByText("已交办，办理中").count()).toBe(1);
    await eventually(() => staff.locator(".supervision").first().textContent()).toContain("绿牌 · 正常办理");
    await screenshot(staff, "suggestion-3-office-assigned", true);

    // ── the department: logs in with its own account and lands on its desk
    const { page: dept } = await openPage(world, "department", DESKTOP);
    await dept.goto("/login");
    await dept.getByLabel("用户名").fill("dept.zhujian");
    await dept.getByLabel("密码").fill(DEMO_PASSWORD);
    await dept.getByRole("button", { name: "登录" }).click();
    await eventually(() => dept.getByRole("heading", { level: 1 }).textContent()).toBe("承办工作台 · 区住建局");
    expect(await dept.getByRole("navigation", { name: /后台/ }).getByRole("link").allTextContents()).toEqual(["承办工作台"]);
    await eventually(() => dept.getByRole("link", { name: TITLE }).count()).toBe(1);
    await screenshot(dept, "suggestion-4-department-desk", true);
    await dept.getByRole("link", { name: TITLE }).click();
    const answer = dept.getByRole("form", { name: "书面答复" });
    await answer.getByRole("radio", { name: "A类 · 已解决或基本解决" }).check();
    await answer.getByLabel(/^答复内容/).fill(ANSWER);
    await answer.getByRole("button", { name: "提交答复" }).click();
    await eventually(() => dept.getByText("已答复，待代表评价").count()).toBe(1);
    await screenshot(dept, "suggestion-5-department-answered", true);
    // The answer as a formal reply letter (答复函), to print or save for Word.
    await dept.getByRole("link", { name: "查看、打印答复函" }).click();
    const letter = dept.getByRole("article", { name: "答复函" });
    await eventually(() => letter.count()).toBe(1);
    const letterText = (await letter.textContent()) ?? "";
    expect(letterText).toContain(`第${number}号建议的答复`);
    expect(letterText).toContain(`《${TITLE}》`);
    expect(letterText).toContain(ANSWER);
    expect(letterText).toMatch(/区住建局\d{4}年\d{1,2}月\d{1,2}日$/);
    await screenshot(dept, "suggestion-5b-reply-letter", true);
    const download = dept.waitForEvent("download");
    await dept.getByRole("button", { name: "下载 Word 文档" }).click();
    expect((await download).suggestedFilename()).toBe(`答复函-${number}.doc`);

    // ── the deputy evaluates: 满意
    await deputy.goto(suggestionUrl);
    const evaluate = deputy.getByRole("form", { name: "评价办理答复" });
    await evaluate.getByRole("radio", { name: "满意", exact: true }).check();
    await evaluate.getByRole("button", { name: "提交评价" }).click();
    await eventually(() => deputy.getByText("已评价，办结").count()).toBe(1);
    expect(await deputy.getByText(ANSWER).count()).toBe(1);
    await screenshot(deputy, "suggestion-6-deputy-evaluated", true);

    // ── both voters, on their phones: the suggestion and the answer in words, no names
    for (const [i, code] of codes.entries()) {
      const { page: phone } = await openPage(world, `voter ${i + 1}`, PHONE);
      await phone.goto(`/track/${code}`);
      const card = phone.getByRole("region", { name: "代表建议" });
      await eventually(() => card.count()).toBe(1);
      const text = (await card.textContent()) ?? "";
      expect(text).toContain(number);
      expect(text).toContain(TITLE);
      expect(text).toContain("已评价，办结");
      expect(text).toContain("区住建局");
      expect(text).toContain("A类 · 已解决或基本解决");
      expect(text).toContain(ANSWER);
      const page = (await phone.locator("main").textContent()) ?? "";
      for (const name of [...VOTERS.map((v) => v.name), "沈晓鹃", "姚芳"]) expect(page).not.toContain(name);
      await card.scrollIntoViewIfNeeded();
      await screenshot(phone, `suggestion-7-voter-${i + 1}-track`, true);
      expect(describeViolations(await seriousA11yViolations(phone))).toBe("");
    }
    // The station's own page counts what became of its concerns, in words.
    const { page: visitor } = await openPage(world, "station visitor", PHONE);
    await visitor.goto(`/v/${venueId}`);
    const station = visitor.getByTestId("station-suggestions");
    await eventually(() => station.count()).toBe(1);
    const stationText = (await station.textContent()) ?? "";
    expect(stationText).toContain(number);
    expect(stationText).toMatch(/A类（已解决或基本解决）\d+ 件/);
    await station.scrollIntoViewIfNeeded();
    await screenshot(visitor, "suggestion-8-station-page");
    expect(world.errors).toEqual([]);
  }, 180_000);
});
