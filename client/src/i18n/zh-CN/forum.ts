/** 中文（默认）. 座谈会: the agenda, speakers' lists, RSVP page, invitations (voter, hall, screen, desk and back office). */
import { AGENDA_ITEM_STATUS_ZH, RSVP_STATUS_ZH } from "@protocol/labels-zh.ts";

export const forum = {
  "forum.kind": "座谈会",
  "forum.agenda": "议程",
  "forum.agendaPosition": "议程 {n}/{total}",
  "forum.item.status.PENDING": AGENDA_ITEM_STATUS_ZH.PENDING,
  "forum.item.status.CURRENT": AGENDA_ITEM_STATUS_ZH.CURRENT,
  "forum.item.status.DONE": AGENDA_ITEM_STATUS_ZH.DONE,
  "forum.item.timebox": "约 {n} 分钟",
  "forum.item.speakerMin": "每人 {n} 分钟",
  "forum.where.before": "座谈会尚未开始，将从第 1 项议程开始。",
  "forum.where.running": "正在进行第 {n} 项（共 {total} 项）：{title}",
  "forum.where.done": "议程已全部结束，感谢参与。",
  "forum.where.waiting": "本项议程有 {n} 人等候发言",

  "forum.join.title": "申请发言",
  "forum.join.intro": "您受邀参加本次座谈会。请选择要发言的议程，轮到您时本页会响铃提醒，主持人会与您电话连线。",
  "forum.join.item": "发言议程",
  "forum.join.itemCurrent": "{title}（进行中）",
  "forum.join.topic": "发言题目",
  "forum.join.topicHint": "一句话说明您要谈的内容",
  "forum.join.submit": "申请发言",
  "forum.join.byInvitation": "线上发言凭邀请链接参加。您可以继续观看直播和实时字幕；如受邀，请打开短信或通知中的邀请链接。",
  "forum.join.invitationRequired": "线上发言需要邀请。请打开您收到的邀请链接后再申请。",
  "forum.join.invitationUsed": "这份邀请已经申请过发言。",
  "forum.join.ended": "座谈会已结束，感谢您的关注。",
  "forum.join.agendaDone": "议程已全部结束，不再接受发言申请。",
  "forum.join.invitedAs": "受邀人：{name}",

  "forum.rsvp.title": "座谈会邀请",
  "forum.rsvp.greeting": "{name}，您好！诚邀您参加以下座谈会。",
  "forum.rsvp.question": "您是否参加？",
  "forum.rsvp.HALL": RSVP_STATUS_ZH.HALL,
  "forum.rsvp.ONLINE": RSVP_STATUS_ZH.ONLINE,
  "forum.rsvp.DECLINED": RSVP_STATUS_ZH.DECLINED,
  "forum.rsvp.answer.PENDING": RSVP_STATUS_ZH.PENDING,
  "forum.rsvp.answer.HALL": "您已答复：到场参加。请按时到会场签到。",
  "forum.rsvp.answer.ONLINE": "您已答复：线上参加。开会时请从下面的按钮进入，可以申请发言。",
  "forum.rsvp.answer.DECLINED": "您已答复：不能参加。如有变化，可以重新选择。",
  "forum.rsvp.change": "如有变化，可以随时改选。",
  "forum.rsvp.goOnline": "进入线上会场",
  "forum.rsvp.ticket": "您的发言号：{label}",
  "forum.rsvp.notFound": "没有找到这份邀请，请检查链接是否完整。",
  "forum.rsvp.ended": "座谈会已结束，不能再更改答复。",
  "forum.rsvp.saved": "已保存您的答复。",
  "forum.rsvp.address": "地址",

  "forum.hall.notStarted": "座谈会尚未开始。",

  "forum.timer.label": "发言倒计时",
  "forum.timer.left": "剩余 {time}",
  "forum.timer.over": "已超时 {time}",
  "forum.timer.called": "已叫号，等待开始发言",
  "forum.timer.of": "限时 {time}",

  "forum.screen.current": "当前议程",
  "forum.screen.speaker": "正在发言",




  "forum.session.deputies": "主持代表",
} as const;
