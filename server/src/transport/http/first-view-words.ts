/**
 * The Chinese words of the voter page's first view (first-view.ts), under
 * the client dictionary's own keys: the stand-in reads exactly like the page
 * that replaces it, and a client test (first-view-words.test.ts) fails when
 * the dictionary changes a word and this copy does not. No imports: the
 * client's test loads this file as it is.
 */
export const FIRST_VIEW_WORDS = {
  "app.name": "同心",
  "nav.home": "同心首页",
  "list.separator": "、",
  "common.loading": "正在加载……",
  "common.name": "姓名",
  "field.requiredMark": "（必填）",
  "session.venue": "地点",
  "session.time": "时间",
  "session.theme": "本期主题",
  "session.deputies": "接待代表",
  "forum.session.deputies": "主持代表",
  "join.title": "我要排队",
  "join.intro": "填写以下内容即可在线排队。轮到您时，本页会响铃提醒。",
  "join.phone": "手机号（选填）",
  "join.phoneHint": "仅用于回访办理结果，不会公开。",
  "join.topic": "反映的事项",
  "join.topicHint": "一句话说明，例如：小区加装电梯",
  "join.question": "具体问题（选填）",
  "join.isPublic": "允许公开显示我反映的事项",
  "join.isPublicHint": "不勾选时，其他人只能看到您的排号和姓氏。",
  "join.consent": "我同意将以上个人信息用于本次接待和后续办理，不作其他用途。",
  "join.closed": "排队暂未开放，请稍后再来看看。",
  "join.ended": "本次接待已结束，感谢您的关注。",
  "forum.join.ended": "座谈会已结束，感谢您的关注。",
  "privacy.join.wantsReply": "需要回访/答复",
  "privacy.join.wantsReplyHint": "勾选后填写手机号，我们只用它回复您；不需要回访可以不留电话。",
  "ticket.resuming": "正在找回您的排号……",
} as const;

/** Said only by the stand-in: its button waits for the page, which joins over the live connection. */
export const FIRST_VIEW_CONNECTING = "正在连接，请稍候……";
