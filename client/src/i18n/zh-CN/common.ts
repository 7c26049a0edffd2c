/** 中文（默认）. Words every page shares: app frame, navigation, errors, form fields, the enums' names, home and login. */
import { CASE_STATUS_ZH, CHANNEL_ZH, SESSION_STATUS_ZH, SPEAKER_ROLE_ZH, VENUE_KIND_ZH } from "@protocol/labels-zh.ts";

export const common = {
  "app.name": "同心",
  "app.tagline": "人大代表联络站 · 线上线下接待日",

  "list.separator": "、",

  "punct.colon": "：",
  "punct.paren": "（{text}）",

  "nav.home": "同心首页",
  "nav.label": "账户与语言",
  "nav.login": "工作人员登录",
  "nav.logout": "退出登录",
  "nav.skipToContent": "跳到主要内容",
  "nav.hall": "主持台",
  "nav.desk": "前台登记",
  "nav.screen": "大屏",

  "common.loading": "正在加载……",
  "common.name": "姓名",
  "common.all": "全部",
  "common.copy": "复制",
  "common.copied": "已复制",
  "common.copyFailed": "没能复制，请长按文字自行复制",

  "connection.offline": "网络连接已断开，正在重新连接……页面内容可能不是最新的。",

  "time.underAMinute": "不到 1 分钟",
  "time.minutes": "约 {n} 分钟",
  "time.hoursMinutes": "约 {h} 小时 {m} 分钟",
  "time.minutesRange": "约 {low}–{high} 分钟",
  "time.hoursRange": "约 {low}–{high} 小时",

  "error.BAD_REQUEST": "填写的内容有误，请检查标出的项目。",
  "error.UNAUTHENTICATED": "登录已失效，请重新登录。",
  "error.FORBIDDEN": "您没有权限进行这项操作。",
  "error.NOT_FOUND": "没有找到相关内容，可能已被删除或链接有误。",
  "error.CONFLICT": "当前状态下不能这样操作，页面已自动更新，请再看一下。",
  "error.RATE_LIMITED": "操作太频繁了，请稍等片刻再试。",
  "error.INTERNAL": "系统出了点问题，请稍后再试。",
  "error.TIMEOUT": "网络较慢，请求超时，请再试一次。",
  "error.OFFLINE": "网络已断开，请等连接恢复后再试。",
  "error.NETWORK": "网络错误，请检查网络后再试。",
  "error.PASSWORD_CHANGE_REQUIRED": "请先修改初始密码，再进行其他操作。",

  "field.required": "请填写此项",
  "field.requiredMark": "（必填）",
  "field.consentRequired": "请先勾选同意，才能排队",
  "field.name.invalid": "请填写姓名，不超过 50 个字",
  "field.phone.invalid": "手机号只能包含数字",
  "field.topic.invalid": "请填写反映的事项，不超过 100 个字",
  "field.question.invalid": "具体问题不超过 2000 个字",
  "field.priority.invalid": "优先原因不超过 200 个字",
  "field.summary.invalid": "摘要不超过 2000 个字",
  "field.category.invalid": "请填写类别，不超过 50 个字",
  "field.caseSummary.invalid": "请填写办理事项，不超过 2000 个字",
  "field.reason.invalid": "请填写原因，不超过 200 个字",
  "field.text.invalid": "请填写记录内容，不超过 5000 个字",
  "field.streamUrl.invalid": "直播地址不在允许的来源中：请用本站直播中继的地址，或请管理员把它的来源加入 MEDIA_ORIGINS",
  "field.username.invalid": "请填写用户名",
  "field.password.invalid": "请填写密码",
  "field.password.tooShort": "密码太短：至少 10 位。",
  "field.password.fewKinds": "密码须包含大写字母、小写字母、数字、符号中的至少三类。",
  "field.password.hasUsername": "密码不能包含用户名。",
  "field.password.common": "这个密码太常见，容易被猜到，请换一个。",
  "field.password.wrongCurrent": "当前密码不正确。",
  "field.password.unchanged": "新密码不能与当前密码相同。",

  "sessionStatus.SCHEDULED": SESSION_STATUS_ZH.SCHEDULED,
  "sessionStatus.OPEN": SESSION_STATUS_ZH.OPEN,
  "sessionStatus.LIVE": SESSION_STATUS_ZH.LIVE,
  "sessionStatus.PAUSED": SESSION_STATUS_ZH.PAUSED,
  "sessionStatus.ENDED": SESSION_STATUS_ZH.ENDED,


  "channel.ONLINE": CHANNEL_ZH.ONLINE,
  "channel.IN_PERSON": CHANNEL_ZH.IN_PERSON,

  "venueKind.HOME": VENUE_KIND_ZH.HOME,
  "venueKind.STATION": VENUE_KIND_ZH.STATION,
  "venueKind.STUDIO": VENUE_KIND_ZH.STUDIO,

  "speakerRole.VOTER": SPEAKER_ROLE_ZH.VOTER,
  "speakerRole.DEPUTY": SPEAKER_ROLE_ZH.DEPUTY,
  "speakerRole.STAFF": SPEAKER_ROLE_ZH.STAFF,
  "speakerRole.SYSTEM": SPEAKER_ROLE_ZH.SYSTEM,


  "caseStatus.OPEN": CASE_STATUS_ZH.OPEN,
  "caseStatus.ASSIGNED": CASE_STATUS_ZH.ASSIGNED,
  "caseStatus.IN_PROGRESS": CASE_STATUS_ZH.IN_PROGRESS,
  "caseStatus.RESOLVED": CASE_STATUS_ZH.RESOLVED,
  "caseStatus.CLOSED": CASE_STATUS_ZH.CLOSED,
  "caseStatus.REJECTED": CASE_STATUS_ZH.REJECTED,

  "case.category": "类别",
  "case.summary": "事项",
  "case.history": "办理经过",
  "case.stars": "{n} 星",

  "home.title": "代表接待日",
  "home.lead": "家门口的人大代表联络站：在线观看、在线排队，或到现场反映问题。",
  "home.liveNow": "{n} 场接待正在进行",
  "home.townFilter": "按镇筛选",
  "home.today": "今日接待",
  "home.upcoming": "近期安排",
  "home.stations": "联络站点",
  "home.noneToday": "今天没有安排接待。",
  "home.noneUpcoming": "近期暂无安排。",
  "home.enter": "进入接待日",
  "home.watchLive": "观看并排队",
  "home.live": "直播中",

  "login.title": "工作人员登录",
  "login.intro": "代表和工作人员登录后可使用主持台和前台登记；承办单位登录后进入承办工作台。",
  "login.username": "用户名",
  "login.password": "密码",
  "login.submit": "登录",
  "login.submitting": "正在登录……",
  "login.failed": "用户名或密码不正确。",
  "login.endedIdle": "您已较长时间没有操作，为了安全已自动退出登录。请重新登录。",

  "nav.password": "修改密码",


  "notFound.title": "页面不存在",
  "notFound.home": "返回首页",
  "pageFailed.network.title": "网络不稳，页面没有加载完",
  "pageFailed.network.body": "请检查手机网络后点“重新加载”。网络恢复后，本页会自动重新加载。",
  "pageFailed.error.title": "页面出错了",
  "pageFailed.error.body": "请点“重新加载”再试一次；如果仍然不行，请返回首页。",
  "pageFailed.reload": "重新加载",

  // Personal data (docs/PRIVACY.md): the notice, the masked phone
  "privacy.notice.summary": "个人信息告知：我们收集什么、为什么、谁能看到、保存多久",
  "privacy.notice.version": "第{n}版",
} as const;
