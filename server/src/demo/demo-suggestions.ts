/**
 * The demo's deputies' suggestions (代表建议, docs/ARCHITECTURE.md §6e): each
 * town's deputy gathers two related concerns from the year's cases into one
 * suggestion, and the office and 吴江区 departments take it on — one in every
 * state and colour: a draft, one waiting to be assigned, three being handled
 * (green, yellow, red), one answered by its lead department and waiting for
 * its helper departments' countersign (会签, one of two signed), one answered
 * and waiting for the deputy, one closed
 * satisfied, one closed after a second handling. Written through the real
 * services on the seed's clock, after the cases exist.
 */
import type { AnswerKind, EvaluationResult } from "../protocol/suggestions.ts";
import type { Actor, AuthUser, ServiceDeps } from "../services/deps.ts";
import { answerSuggestion, assignSuggestion, countersignSuggestion, createSuggestion, evaluateSuggestion, submitSuggestion } from "../services/suggestions/suggestion-steps.ts";
import { DEPARTMENTS, TOWN_STAFF, type Town } from "./demo-data.ts";

const DAY = 86_400_000;

interface DemoSuggestion {
  town: Town;
  deputy: string;
  /** the concerns it draws on: cases of these categories (two of them) */
  category: string;
  title: string;
  body: string;
  department: string;
  /** days ago it was drafted; each later step a few days on */
  daysAgo: number;
  /** how far it has come today */
  reach: "DRAFT" | "SUBMITTED" | "ASSIGNED" | "COUNTERSIGNING" | "ANSWERED" | "EVALUATED";
  /** 协办: helper departments, which countersign the answer (会签) */
  helpers?: string[];
  /** the helpers that have countersigned (agreed) so far */
  countersignedBy?: string[];
  /** days from today to the deadline (negative: overdue) */
  dueInDays?: number;
  answer?: { kind: AnswerKind; text: string };
  evaluation?: EvaluationResult;
  /** a first answer the deputy was not satisfied with (重新办理) */
  firstAnswer?: { kind: AnswerKind; text: string; comment: string };
}

export const DEMO_SUGGESTIONS: readonly DemoSuggestion[] = [
  {
    town: "盛泽镇",
    deputy: "deputy.xiaojuan",
    category: "城市建设",
    title: "关于加快老旧小区加装电梯和配套改造的建议",
    body: "接待日上多位居民反映，镇区老旧小区没有电梯，老人上下楼困难，加装电梯意见难统一、审批流程长。建议区住建局简化加装电梯审批，统筹补贴资金，并把加装电梯与老旧小区改造一并规划实施。",
    department: "区住建局",
    daysAgo: 150,
    reach: "EVALUATED",
    dueInDays: -60,
    answer: { kind: "A", text: "经研究，我局已将盛泽镇两处老旧小区纳入今年改造计划，加装电梯8部已全部投入使用，并出台加装电梯审批“一窗受理”办法，审批时限由60个工作日压缩至20个工作日。" },
    evaluation: "SATISFIED",
  },
  {
    town: "黎里镇",
    deputy: "deputy.lili",
    category: "交通出行",
    title: "关于优化黎里镇公交线路和站点设置的建议",
    body: "选民反映黎里镇部分村与镇区之间公交班次少、末班车早，学生和老人出行不便。建议区交通运输局优化线路、增加高峰班次，并在人口集中的村增设站点。",
    department: "区交通运输局",
    daysAgo: 75,
    reach: "ANSWERED",
    dueInDays: 5,
    answer: { kind: "B", text: "我局已将黎里镇镇村公交线路优化列入明年公交线网调整计划，届时将增加早晚高峰班次并延长末班车时间；增设站点需结合道路条件逐步实施。" },
  },
  {
    town: "盛泽镇",
    deputy: "deputy.xiaojuan",
    category: "城市管理",
    title: "关于规范住宅小区停车管理、增加公共停车位的建议",
    body: "多位选民反映小区内车位紧张、占用消防通道现象突出。建议挖潜建设公共停车场，推行错时共享停车，并加强小区停车秩序管理。",
    department: "区住建局",
    daysAgo: 30,
    reach: "ASSIGNED",
    dueInDays: 60,
  },
  {
    town: "黎里镇",
    deputy: "deputy.lili",
    category: "城市建设",
    title: "关于古镇区雨污分流和老街路面修缮的建议",
    body: "古镇老街路面破损，雨天积水，部分区域雨污合流、气味明显。建议结合古镇保护统筹实施雨污分流和路面修缮。",
    department: "区住建局",
    daysAgo: 80,
    reach: "ASSIGNED",
    dueInDays: 10,
  },
  {
    town: "盛泽镇",
    deputy: "deputy.xiaojuan",
    category: "生态环境",
    title: "关于加强河道保洁和水环境治理的建议",
    body: "选民反映部分河道漂浮物多、水质变差。建议区水务局落实河道长效保洁，排查沿河排口，定期公布水质。",
    department: "区水务局",
    daysAgo: 110,
    reach: "ASSIGNED",
    dueInDays: -8,
  },
  {
    town: "黎里镇",
    deputy: "deputy.lili",
    category: "民生服务",
    title: "关于扩大农村老年助餐服务覆盖面的建议",
    body: "独居和高龄老人用餐不便，现有助餐点少、距离远。建议区民政局在行政村增设助餐点，推行送餐上门并给予补贴。",
    department: "区民政局",
    daysAgo: 120,
    reach: "EVALUATED",
    dueInDays: -20,
    firstAnswer: { kind: "C", text: "受场地和经费限制，暂无法在各村增设助餐点，留作今后工作参考。", comment: "答复过于笼统，请结合村里闲置用房再研究" },
    answer: { kind: "B", text: "经重新研究，我局已会同黎里镇利用村闲置用房，明年上半年新增助餐点5个，并对80岁以上老人给予每餐3元补贴。" },
    evaluation: "BASICALLY_SATISFIED",
  },
  {
    town: "盛泽镇",
    deputy: "deputy.xiaojuan",
    category: "交通出行",
    title: "关于改善盛泽镇区排水防涝和积水路段通行的建议",
    body: "选民反映镇区几处低洼路段一下大雨就积水，车辆熄火、行人绕行。建议区住建局牵头改造排水管网，区水务局统筹河道排涝，区交通运输局完善积水路段的警示和绕行引导。",
    department: "区住建局",
    helpers: ["区交通运输局", "区水务局"],
    countersignedBy: ["区交通运输局"],
    daysAgo: 50,
    reach: "COUNTERSIGNING",
    dueInDays: 25,
    answer: {
      kind: "B",
      text: "我局已会同相关部门对镇区积水路段逐一排查，明年汛期前完成两处低洼路段排水管网改造；其余路段列入城市排水防涝三年计划逐步实施，汛期增派人员和抽排设备值守。",
    },
  },
  {
    town: "盛泽镇",
    deputy: "deputy.xiaojuan",
    category: "民生服务",
    title: "关于完善社区养老服务设施的建议",
    body: "选民反映社区日间照料中心活动空间小、服务项目少。建议增加设施投入，引入专业养老服务机构。",
    department: "区民政局",
    daysAgo: 6,
    reach: "SUBMITTED",
  },
  {
    town: "黎里镇",
    deputy: "deputy.lili",
    category: "交通出行",
    title: "关于在学校周边增设交通安全设施的建议",
    body: "家长反映学校门口上下学时段车流混乱。建议增设减速带、护栏和临时停车区。",
    department: "区交通运输局",
    daysAgo: 2,
    reach: "DRAFT",
  },
];

export interface SuggestionSeedContext {
  actors: Map<string, Actor & { user: AuthUser }>;
  departmentIds: Map<string, string>;
  venueIdsOf: (town: Town) => string[];
  /** the demo's "today", epoch ms */
  now: number;
}

const ORDER = ["DRAFT", "SUBMITTED", "ASSIGNED", "COUNTERSIGNING", "ANSWERED", "EVALUATED"] as const;

export async function writeDemoSuggestions(deps: ServiceDeps, setClock: (ms: number) => void, ctx: SuggestionSeedContext): Promise<number> {
  const taken = new Set<string>();
  let written = 0;
  for (const d of DEMO_SUGGESTIONS) {
    const deputy = ctx.actors.get(d.deputy)!;
    const staff = ctx.actors.get(TOWN_STAFF[d.town])!;
    const departmentId = ctx.departmentIds.get(d.department)!;
    const accountOf = (name: string) => ctx.actors.get(DEPARTMENTS.find((x) => x.name === name)!.username)!;
    const answerer = accountOf(d.department);
    // Two concerns of the suggestion's category heard in the town, or, short of them, any two of the town's.
    const pick = (category: string | undefined) =>
      deps.db.case.findMany({
        where: { venueId: { in: ctx.venueIdsOf(d.town) }, category, id: { notIn: [...taken] } },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        take: 2,
        select: { id: true },
      });
    let cases = await pick(d.category);
    if (cases.length < 2) cases = [...cases, ...(await pick(undefined)).filter((c) => !cases.some((x) => x.id === c.id))].slice(0, 2);
    for (const c of cases) taken.add(c.id);
    const reached = (s: (typeof ORDER)[number]) => ORDER.indexOf(d.reach) >= ORDER.indexOf(s);

    let at = ctx.now - d.daysAgo * DAY;
    setClock(at);
    const { suggestion } = await createSuggestion(deps, deputy, {
      title: d.title,
      body: d.body,
      category: d.category,
      caseIds: cases.map((c) => c.id),
      coSignerIds: [],
    });
    written++;
    if (!reached("SUBMITTED")) continue;
    setClock((at += DAY));
    await submitSuggestion(deps, deputy, suggestion.id);
    if (!reached("ASSIGNED")) continue;
    setClock((at += 2 * DAY));
    const dueAt = new Date(ctx.now + (d.dueInDays ?? 60) * DAY);
    // A deadline already past today was set in the future when it was assigned: handling took longer.
    const assignDue = d.firstAnswer ? new Date(at + 40 * DAY) : dueAt;
    const coDepartmentIds = (d.helpers ?? []).map((name) => ctx.departmentIds.get(name)!);
    await assignSuggestion(deps, staff, suggestion.id, { leadDepartmentId: departmentId, coDepartmentIds, dueAt: assignDue });
    if (d.firstAnswer) {
      setClock((at += 30 * DAY));
      await answerSuggestion(deps, answerer, suggestion.id, { kind: d.firstAnswer.kind, text: d.firstAnswer.text });
      setClock((at += 3 * DAY));
      await evaluateSuggestion(deps, deputy, suggestion.id, { result: "UNSATISFIED", comment: d.firstAnswer.comment });
    }
    if (!reached("COUNTERSIGNING") || !d.answer) continue;
    setClock((at += 25 * DAY));
    await answerSuggestion(deps, answerer, suggestion.id, d.answer);
    for (const helper of d.countersignedBy ?? []) {
      setClock((at += DAY));
      await countersignSuggestion(deps, accountOf(helper), suggestion.id, { agree: true });
    }
    if (!reached("ANSWERED")) continue;
    if (!reached("EVALUATED") || !d.evaluation) continue;
    setClock((at += 2 * DAY));
    await evaluateSuggestion(deps, deputy, suggestion.id, { result: d.evaluation });
  }
  return written;
}
