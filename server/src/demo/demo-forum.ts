/**
 * The demo's forums (座谈会, §5e) at 盛泽镇人大代表之家 on its monthly theme
 * (停车难与交通秩序): one held last week, whose minutes read item by item, and
 * one next month with its agenda and invitations in every RSVP state. The
 * article: stations "召集部分选民召开座谈会". Written through the real
 * services (schedule, invitations, RSVP, joins, the chair's agenda moves,
 * turns, transcript), with the seed's clock moved through the afternoon.
 */
import type { AgendaItemInput } from "../protocol/schemas.ts";
import type { InviteeRole, RsvpStatus } from "../protocol/model.ts";
import type { Actor, ServiceDeps } from "../services/deps.ts";
import { agendaNext } from "../services/messages-and-forums/forum-agenda.ts";
import { answerInvitation, createInvitation } from "../services/messages-and-forums/forum-invitations.ts";
import { callNext, finishTurn, startTurn } from "../services/live-day/hall-turns.ts";
import { joinQueue, registerWalkIn } from "../services/live-day/queue-join.ts";
import { updateSession } from "../services/live-day/session-control.ts";
import { createSession } from "../services/live-day/sessions.ts";
import { appendTranscript } from "../services/live-day/transcript.ts";

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const THEME = "停车难与交通秩序";

export interface ForumSeedContext {
  /** moves the seed's clock (the services read it) */
  setClock(ms: number): void;
  staff: Actor;
  /** the deputy who chairs */
  chair: Actor;
  venueId: string;
  deputies: string[];
  /** the real now */
  now: number;
}

interface Invitee {
  name: string;
  organization?: string;
  role: InviteeRole;
  phone?: string;
  rsvp: RsvpStatus;
}

const UPCOMING_AGENDA: AgendaItemInput[] = [
  { title: "菜场和老街区周边停车难", timeboxMin: 30, speakerMin: 3 },
  { title: "电动自行车停放与充电安全", timeboxMin: 25, speakerMin: 3 },
  { title: "学校周边上下学交通秩序", timeboxMin: 20, speakerMin: 3 },
];

const UPCOMING_INVITEES: Invitee[] = [
  { name: "沈阿姨", organization: "舜湖社区", role: "VOTER", phone: "13962510001", rsvp: "HALL" },
  { name: "周师傅", organization: "东方菜场摊主", role: "VOTER", rsvp: "ONLINE" },
  { name: "吴老伯", organization: "目澜社区", role: "VOTER", phone: "13962510003", rsvp: "PENDING" },
  { name: "陆女士", organization: "盛泽实验小学家长", role: "VOTER", rsvp: "DECLINED" },
  { name: "钱队长", organization: "吴江公安盛泽交警中队", role: "DEPARTMENT", phone: "13962510005", rsvp: "HALL" },
  { name: "顾科长", organization: "盛泽镇综合执法局", role: "DEPARTMENT", rsvp: "PENDING" },
];

interface PastTurn {
  invitee: Invitee;
  /** 1-based agenda position */
  item: number;
  topic: string;
  question: string;
  answer: string;
  followUp?: { category: string; summary: string };
}

const PAST_AGENDA: AgendaItemInput[] = [
  { title: "菜场周边停车难", timeboxMin: 30, speakerMin: 3 },
  { title: "电动自行车停放与充电", timeboxMin: 25, speakerMin: 3 },
];

const PAST_TURNS: PastTurn[] = [
  {
    invitee: { name: "沈美华", organization: "舜湖社区", role: "VOTER", phone: "13962520001", rsvp: "HALL" },
    item: 1,
    topic: "早市占道停车",
    question: "东方菜场早市时段车辆占道停放，老人过马路不安全。",
    answer: "我们会同交警中队在早市时段增派人员疏导，并研究设置临时停车区。",
    followUp: { category: "交通出行", summary: "东方菜场早市时段设置临时停车区并加强疏导" },
  },
  {
    invitee: { name: "周建国", organization: "东方菜场摊主", role: "VOTER", rsvp: "ONLINE" },
    item: 1,
    topic: "摊主卸货车位",
    question: "凌晨卸货没有固定车位，常被贴罚单。",
    answer: "建议划定凌晨卸货专用时段车位，会后与市场管理方对接。",
  },
  {
    invitee: { name: "钱振华", organization: "吴江公安盛泽交警中队", role: "DEPARTMENT", rsvp: "HALL" },
    item: 1,
    topic: "交警中队的意见",
    question: "中队支持设置临时停车区，需要镇里协调场地。",
    answer: "镇人大将把场地协调列入本月督办事项。",
  },
  {
    invitee: { name: "吴秀英", organization: "目澜社区", role: "VOTER", phone: "13962520004", rsvp: "HALL" },
    item: 2,
    topic: "楼道充电隐患",
    question: "小区有人把电动车推进楼道充电，晚上很担心起火。",
    answer: "请社区排查楼道充电，同时在小区增设集中充电桩。",
    followUp: { category: "安全生产", summary: "目澜社区增设电动自行车集中充电桩并排查楼道充电" },
  },
  {
    invitee: { name: "陆志明", organization: "舜湖社区", role: "VOTER", rsvp: "ONLINE" },
    item: 2,
    topic: "非机动车停放",
    question: "商业街门口非机动车乱停，盲道都被占了。",
    answer: "综合执法局将在商业街施划非机动车停放区。",
  },
];

async function invite(deps: ServiceDeps, ctx: ForumSeedContext, sessionId: string, i: Invitee) {
  const created = await createInvitation(deps, ctx.staff, sessionId, { name: i.name, organization: i.organization ?? "", role: i.role, phone: i.phone });
  if (i.rsvp !== "PENDING") await answerInvitation(deps, created.token, i.rsvp);
  return created;
}

/** Next month: a scheduled forum with three items and invitations answered 到场, 线上, not yet, and 不能参加. */
async function writeUpcomingForum(deps: ServiceDeps, ctx: ForumSeedContext): Promise<string> {
  const local = new Date(ctx.now + 8 * 60 * MIN);
  const startsAt = Date.UTC(local.getUTCFullYear(), local.getUTCMonth() + 1, 20, 14, 0) - 8 * 60 * MIN;
  ctx.setClock(ctx.now - 2 * DAY);
  const s = await createSession(deps, ctx.staff, {
    venueId: ctx.venueId,
    title: "停车难与交通秩序专题座谈会",
    theme: THEME,
    startsAt: new Date(startsAt),
    endsAt: new Date(startsAt + 90 * MIN),
    deputies: ctx.deputies,
    kind: "FORUM",
    agenda: UPCOMING_AGENDA,
  });
  for (const [n, i] of UPCOMING_INVITEES.entries()) {
    ctx.setClock(ctx.now - 2 * DAY + (n + 1) * 3 * 60 * MIN);
    await invite(deps, ctx, s.id, i);
  }
  return s.id;
}

/** Last week: invitees RSVP, check in or join online, the chair moves item by item, the minutes follow the agenda. */
async function writePastForum(deps: ServiceDeps, ctx: ForumSeedContext): Promise<string> {
  const local = new Date(ctx.now - 7 * DAY + 8 * 60 * MIN);
  const startsAt = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate(), 14, 0) - 8 * 60 * MIN;
  let t = startsAt - 10 * DAY;
  const at = (ms: number) => {
    t = Math.max(t, ms);
    ctx.setClock(t);
  };
  at(t);
  const session = await createSession(deps, ctx.staff, {
    venueId: ctx.venueId,
    title: "停车难专题座谈会",
    theme: THEME,
    startsAt: new Date(startsAt),
    endsAt: new Date(startsAt + 90 * MIN),
    deputies: ctx.deputies,
    kind: "FORUM",
    agenda: PAST_AGENDA,
  });
  const invited = [];
  for (const turn of PAST_TURNS) {
    at(t + 2 * 60 * MIN);
    invited.push({ turn, ...(await invite(deps, ctx, session.id, turn.invitee)) });
  }
  // An invitee who could not come, so the list shows a refusal too.
  await invite(deps, ctx, session.id, { name: "费玉兰", organization: "南麻社区", role: "VOTER", rsvp: "DECLINED" });

  at(startsAt - 30 * MIN);
  await updateSession(deps, ctx.staff, session.id, { status: "OPEN" });
  const agenda = (await deps.db.agendaItem.findMany({ where: { sessionId: session.id }, orderBy: { position: "asc" } })).map((a) => a.id);
  const tickets = new Map<PastTurn, string>();
  for (const { turn, token, invitation } of invited) {
    at(t + 3 * MIN);
    const input = { sessionId: session.id, topic: turn.topic, question: turn.question, isPublic: true, agendaItemId: agenda[turn.item - 1], consentVersion: undefined };
    const joined = turn.invitee.rsvp === "ONLINE"
      ? await joinQueue(deps, { ...input, invitationToken: token })
      : await registerWalkIn(deps, ctx.staff, { ...input, invitationId: invitation.id });
    tickets.set(turn, joined.ticket.id);
  }

  at(startsAt);
  for (const position of PAST_AGENDA.map((_, i) => i + 1)) {
    await agendaNext(deps, ctx.chair, session.id);
    for (const turn of PAST_TURNS.filter((p) => p.item === position)) {
      at(t + MIN);
      const { ticket } = await callNext(deps, ctx.chair, session.id);
      at(t + MIN);
      await startTurn(deps, ctx.chair, ticket.id);
      at(t + 3 * MIN);
      await appendTranscript(deps, ctx.staff, { sessionId: session.id, ticketId: tickets.get(turn), kind: "ANSWER", speakerRole: "DEPUTY", speakerName: ctx.chair.user?.displayName ?? ctx.deputies[0], text: turn.answer, visibility: "PUBLIC" });
      at(t + MIN);
      await finishTurn(deps, ctx.chair, { ticketId: ticket.id, summary: turn.followUp ? "列入办理" : undefined, followUp: turn.followUp });
    }
    at(t + 2 * MIN);
    await appendTranscript(deps, ctx.staff, {
      sessionId: session.id,
      kind: "ANSWER",
      speakerRole: "DEPUTY",
      speakerName: ctx.chair.user?.displayName ?? ctx.deputies[0],
      text: position === 1 ? "小结：菜场周边停车问题由交警中队、市场管理方和社区共同推进，一个月后回访。" : "小结：电动自行车充电桩建设纳入民生实事项目建议。",
      visibility: "PUBLIC",
    });
  }
  at(t + MIN);
  await agendaNext(deps, ctx.chair, session.id);
  at(t + 5 * MIN);
  await updateSession(deps, ctx.staff, session.id, { status: "ENDED" });
  return session.id;
}

/** Both demo forums; answers their ids (the past one first). */
export async function writeDemoForums(deps: ServiceDeps, ctx: ForumSeedContext): Promise<string[]> {
  const past = await writePastForum(deps, ctx);
  const upcoming = await writeUpcomingForum(deps, ctx);
  return [past, upcoming];
}
