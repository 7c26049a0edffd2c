/** 中文（默认）. The message box (全天候): station and deputy pages, the form, the poster, the public answer statistics, the staff's view. */
import { CASE_SOURCE_ZH } from "@protocol/labels-zh.ts";

export const message = {
  "message.form.title": "给联络站留言",
  "message.form.titleDeputy": "给{name}留言",
  "message.form.intro": "不在接待日也可以反映意见建议。提交后马上得到查询码，可随时查看办理进度。",
  "message.form.topicHint": "一句话说明是什么事，例如“小区路灯不亮”",
  "message.form.text": "具体情况",
  "message.form.isPublic": "可以公开引用我的留言",
  "message.form.isPublicHint": "勾选后，联络站可在会议纪要等公开场合引用事项内容（不会公开您的姓名和电话）。",
  "message.form.submit": "提交留言",
  "message.form.sending": "正在提交…",
  "message.form.rateLimited": "提交太频繁了，请稍后再试。",
  "message.form.consentRequired": "请先勾选同意，才能提交留言",

  "message.sent.title": "留言已收到",
  "message.sent.lead": "工作人员会尽快处理。请记下查询码：",
  "message.sent.keep": "凭查询码可以查看办理进度，办结后还可以评价。请截图或抄下来。",
  "message.sent.track": "查看办理进度",
  "message.sent.another": "再写一条留言",

  "message.venue.lead": "全天候留言：有意见建议，随时可以在这里告诉代表。",
  "message.venue.write": "我要留言",
  "message.venue.deputies": "本站代表",
  "message.venue.days": "近期接待日",
  "message.venue.noDays": "近期暂无安排的接待日。",
  "message.venue.notFound": "没有找到这个联络站。",
  "message.venue.home": "留言与答复",

  "message.deputy.kicker": "人大代表",
  "message.deputy.stations": "所在联络站",
  "message.deputy.via": "由哪个联络站办理",
  "message.deputy.viaPlaceholder": "请选择联络站",
  "message.deputy.viaRequired": "请选择由哪个联络站办理",
  "message.deputy.notFound": "没有找到这位代表。",
  "message.deputy.noStation": "这位代表暂未联系联络站。",

  "message.poster.link": "打印留言二维码海报",
  "message.poster.print": "打印海报",

  "message.stats.title": "近期答复情况",
  "message.stats.window": "近 {days} 天收到的意见建议",
  "message.stats.received": "收到",
  "message.stats.answeredWithin": "{days} 天内答复",
  "message.stats.pending": "办理中",
  "message.stats.satisfaction": "满意度",
  "message.stats.rated": "（{n} 人评价）",
  "message.stats.definition": "“答复”指办理结果或不予受理的说明已告知群众；从收到之日起 {days} 天内答复的计入“{days} 天内答复”。",
  "message.stats.line": "近期收到 {received} 件，{days} 天内答复 {within} 件",
  "message.stats.lineSatisfaction": "满意度 {mean}",
  "message.stats.none": "近期暂无意见建议",

  "message.staff.toDeputy": "留言给{name}",
  "message.staff.text": "留言内容",
  "message.staff.public": "可公开",
  "message.staff.private": "不公开",

  "caseSource.label": "来源",
  "caseSource.TURN": CASE_SOURCE_ZH.TURN,
  "caseSource.STAFF": CASE_SOURCE_ZH.STAFF,
  "caseSource.MESSAGE": CASE_SOURCE_ZH.MESSAGE,

  "message.me.eraseConfirm": "您留言中的姓名、电话和留言内容将被匿名化，无法恢复。事项标题和查询码仍然保留，办理进度照常可查。",

  "track.intro.message": "这里可以查看您给联络站的留言办到了哪一步。",
} as const;
