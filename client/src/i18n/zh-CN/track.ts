/** 中文（默认）. The voter's follow-up tracking page (/track/:code). */
export const track = {
  "track.title": "办理进度查询",

  "track.code": "查询码",

  "track.resolution": "办理结果",

  "track.rejectReason": "不予受理原因",

  "track.notFound": "没有找到这个查询码，请核对后再试。",

  "track.intro": "这里可以查看您在人大代表接待日反映的意见建议办到了哪一步。",

  "track.status.now": "当前进度",

  "track.rejected": "此事项不予受理",

  "track.due": "预计 {date} 前答复",

  "track.ev.created": "您的意见已登记",
  "track.ev.status.OPEN": "重新受理",
  "track.ev.status.ASSIGNED": "已交给承办单位",
  "track.ev.status.IN_PROGRESS": "承办单位正在办理",
  "track.ev.status.RESOLVED": "已办结",
  "track.ev.status.CLOSED": "已归档",
  "track.ev.status.REJECTED": "不予受理",
  "track.ev.assigned": "承办单位",
  "track.ev.due": "答复期限",
  "track.ev.resolution": "办理结果已更新",
  "track.ev.progress": "办理进展",
  "track.ev.feedback": "您已评价",
  "track.ev.other": "进展",

  "track.rate.title": "请您评价办理结果",
  "track.rate.legend": "满意度（1 星最差，5 星最好）",
  "track.rate.label.1": "很不满意",
  "track.rate.label.2": "不满意",
  "track.rate.label.3": "一般",
  "track.rate.label.4": "满意",
  "track.rate.label.5": "很满意",
  "track.rate.comment": "想说的话（可不填，不要填写姓名电话）",
  "track.rate.submit": "提交评价",
  "track.rate.pick": "请先选择星级",
  "track.rate.thanks": "谢谢您的评价！",
  "track.rate.yours": "您的评价",
  "track.rate.already": "已经评价过了，每个事项只能评价一次。",
  "track.rate.notYet": "办结后才能评价。",

  "track.privacy": "本页不显示任何个人信息。请妥善保管查询码。",

  "track.lookup.title": "查询办理进度",
  "track.lookup.intro": "接待后需要跟进的事项会有一个 8 位查询码（在排号页面和接待记录里）。输入查询码，查看办到了哪一步。",
  "track.lookup.label": "查询码",
  "track.lookup.hint": "8 位字母和数字，例如 ABCD2345，不区分大小写",
  "track.lookup.submit": "查询",
  "track.lookup.empty": "请输入查询码",
  "track.lookup.invalid": "查询码是 8 位字母和数字，请核对后再输入",
} as const;
