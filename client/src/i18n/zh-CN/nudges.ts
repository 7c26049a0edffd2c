/** 中文（默认）. 需要关注: activity nudges on the scoring page (back office). */
export const nudges = {
  "nudges.title": "需要关注",
  "nudges.intro": "本月没有接待日、座谈会或履职活动的联络站和代表小组，逾期未办结的意见建议，以及未来一周要办的事。每周一早上工作人员还会收到一份摘要。",
  "nudges.monthOf": "{year}年{month}月",
  "nudges.allClear": "本月各联络站和代表小组都有活动，没有逾期的意见建议，未来一周也没有待办事项。",
  "nudges.inactiveStations": "本月没有活动的联络站（{count}）",
  "nudges.inactiveGroups": "本月没有活动的代表小组（{count}）",
  "nudges.noActivity": "没有接待日、座谈会或履职活动",
  "nudges.overdue": "逾期未办结（{count} 件）",
  "nudges.oldest": "最早应于 {date} 办结",
  "nudges.venueOverdue": "{count} 件，最早应于 {date} 办结",
  "nudges.viewOverdue": "查看逾期件",
  "nudges.comingWeek": "未来一周",
  "nudges.dueSoon": "{venue}：{count} 件意见建议将于 7 天内到期",
  "nudges.noDeputies": "尚未安排值班代表",
  "nudges.bookings": "已预约 {n} 人",
  "nudges.viewSchedule": "去排班",
} as const;
