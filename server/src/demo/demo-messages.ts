/**
 * The demo's message box (全天候, docs/ARCHITECTURE.md §6d): voters' messages at several
 * stations over the last weeks, one in every case state — waiting, assigned,
 * being handled, resolved, closed with a rating, not accepted — and one
 * addressed to 沈晓鹃代表 from her public page. Written through the real
 * services (message-box, case-updates, case-feedback) on the seed's clock.
 */
import type { CasePatch } from "../protocol/back-office.ts";
import type { CaseStatus } from "../protocol/model.ts";
import { rateCase } from "../services/records-and-cases/case-feedback.ts";
import { updateCase } from "../services/records-and-cases/case-updates.ts";
import type { Actor, ServiceDeps } from "../services/deps.ts";
import { leaveMessage } from "../services/messages-and-forums/message-box.ts";

const DAY = 86_400_000;

interface DemoMessage {
  venueKey: string;
  /** username of the DEPUTY addressed from their page */
  deputy?: string;
  name: string;
  phone?: string;
  topic: string;
  text: string;
  isPublic: boolean;
  daysAgo: number;
  /** the state it has reached today, walked one step a day */
  status: CaseStatus;
  assignee?: string;
  resolution?: string;
  rejectReason?: string;
  satisfaction?: number;
  comment?: string;
}

export const DEMO_MESSAGES: readonly DemoMessage[] = [
  { venueKey: "sz-home", name: "钱先生", topic: "夜间渣土车噪音", text: "舜湖路一带每晚十一点后渣土车很多，噪音大，影响老人和孩子休息。", isPublic: true, daysAgo: 2, status: "OPEN" },
  { venueKey: "sz-home", name: "孙阿姨", phone: "13962511002", topic: "社区食堂", text: "希望社区开办老年助餐点，独居老人吃饭不方便。", isPublic: false, daysAgo: 9, status: "ASSIGNED", assignee: "盛泽镇民政办" },
  { venueKey: "sz-xiaojuan", deputy: "deputy.xiaojuan", name: "李女士", phone: "13962511003", topic: "纺织企业用工", text: "沈代表您好，我们厂招工难，想了解镇里有没有技能培训和用工对接的政策。", isPublic: false, daysAgo: 16, status: "IN_PROGRESS", assignee: "盛泽镇人社所" },
  { venueKey: "ll-sanhao", name: "张大伯", topic: "村道路灯", text: "三好村北段村道没有路灯，晚上骑车回家看不清。", isPublic: true, daysAgo: 25, status: "RESOLVED", assignee: "黎里镇城管办", resolution: "北段村道已加装路灯12盏，11月底通电。" },
  { venueKey: "ll-sanhao", name: "徐女士", phone: "13962511005", topic: "垃圾分类亭", text: "分类亭离住户太近，夏天有异味，能否挪远一点并增加清运次数。", isPublic: false, daysAgo: 40, status: "CLOSED", assignee: "黎里镇环卫所", resolution: "分类亭已迁移至村口空地，清运改为每日两次。", satisfaction: 5, comment: "办得很快，谢谢！" },
  { venueKey: "tl-home", name: "匿名群众", topic: "景区门票", text: "希望本地居民进古镇景区能凭身份证免费。", isPublic: true, daysAgo: 20, status: "REJECTED", rejectReason: "本地居民已可凭身份证免票入园，工作人员已电话说明。" },
  { venueKey: "tl-home", name: "沈先生", phone: "13962511007", topic: "公交班次", text: "同里到吴江城区的公交早高峰班次太少，能否加密。", isPublic: true, daysAgo: 30, status: "RESOLVED", assignee: "吴江区交通运输局", resolution: "早高峰7点至8点班次由每30分钟一班加密为每15分钟一班。", satisfaction: 4 },
];

/** The patches that walk a new case to `m.status`, one a day. */
function stepsTo(m: DemoMessage): CasePatch[] {
  if (m.status === "OPEN") return [];
  if (m.status === "REJECTED") return [{ status: "REJECTED", rejectReason: m.rejectReason! }];
  const steps: CasePatch[] = [{ status: "ASSIGNED", assignee: m.assignee! }];
  if (m.status === "ASSIGNED") return steps;
  steps.push({ status: "IN_PROGRESS", note: "已转交承办部门，正在现场核实。" });
  if (m.status === "IN_PROGRESS") return steps;
  steps.push({ status: "RESOLVED", resolution: m.resolution! });
  if (m.status === "CLOSED") steps.push({ status: "CLOSED" });
  return steps;
}

export async function writeDemoMessages(
  deps: ServiceDeps,
  setClock: (ms: number) => void,
  staffOfVenueKey: (key: string) => { actor: Actor; venueId: string },
  accounts: ReadonlyMap<string, Actor>,
  now: number,
): Promise<number> {
  for (const m of DEMO_MESSAGES) {
    const { actor, venueId } = staffOfVenueKey(m.venueKey);
    const opened = now - m.daysAgo * DAY;
    setClock(opened);
    const deputyId = m.deputy ? accounts.get(m.deputy)?.user?.id : undefined;
    const { trackingCode } = await leaveMessage(deps, venueId, {
      name: m.name,
      phone: m.phone,
      topic: m.topic,
      text: m.text,
      isPublic: m.isPublic,
      consentVersion: 1,
      deputyId,
    });
    const kase = await deps.db.case.findUniqueOrThrow({ where: { trackingCode }, select: { id: true } });
    const steps = stepsTo(m);
    for (const [i, patch] of steps.entries()) {
      // A rating comes after the resolution, so a closed case closes after it was rated.
      if (patch.status === "CLOSED" && m.satisfaction) {
        setClock(opened + (i + 0.5) * DAY);
        await rateCase(deps, trackingCode, { satisfaction: m.satisfaction, comment: m.comment ?? null });
      }
      setClock(opened + (i + 1) * DAY);
      await updateCase(deps, actor, kase.id, patch);
    }
    if (m.satisfaction && m.status === "RESOLVED") {
      setClock(opened + (steps.length + 1) * DAY);
      await rateCase(deps, trackingCode, { satisfaction: m.satisfaction, comment: m.comment ?? null });
    }
  }
  return DEMO_MESSAGES.length;
}
