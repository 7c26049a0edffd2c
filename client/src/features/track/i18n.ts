/** The tracking page's own words (中文 default, English); shared ones come from the app's i18n. */
import { useCallback } from "react";
import { usePreferences, type Lang } from "../../stores/preferences.ts";

const zh = {
  "trk.intro": "这里可以查看您在人大代表接待日反映的意见建议办到了哪一步。",
  "trk.status.now": "当前进度",
  "trk.step.received": "已受理",
  "trk.step.assigned": "已交办",
  "trk.step.working": "办理中",
  "trk.step.done": "已办结",
  "trk.rejected": "此事项不予受理",
  "trk.due": "预计 {date} 前答复",
  "trk.ev.created": "您的意见已登记",
  "trk.ev.status.OPEN": "重新受理",
  "trk.ev.status.ASSIGNED": "已交给承办单位",
  "trk.ev.status.IN_PROGRESS": "承办单位正在办理",
  "trk.ev.status.RESOLVED": "已办结",
  "trk.ev.status.CLOSED": "已归档",
  "trk.ev.status.REJECTED": "不予受理",
  "trk.ev.assigned": "承办单位",
  "trk.ev.due": "答复期限",
  "trk.ev.resolution": "办理结果已更新",
  "trk.ev.progress": "办理进展",
  "trk.ev.feedback": "您已评价",
  "trk.ev.other": "进展",
  "trk.rate.title": "请您评价办理结果",
  "trk.rate.legend": "满意度（1 星最差，5 星最好）",
  "trk.rate.star": "{n} 星",
  "trk.rate.label.1": "很不满意",
  "trk.rate.label.2": "不满意",
  "trk.rate.label.3": "一般",
  "trk.rate.label.4": "满意",
  "trk.rate.label.5": "很满意",
  "trk.rate.comment": "想说的话（可不填，不要填写姓名电话）",
  "trk.rate.submit": "提交评价",
  "trk.rate.pick": "请先选择星级",
  "trk.rate.thanks": "谢谢您的评价！",
  "trk.rate.yours": "您的评价",
  "trk.rate.already": "已经评价过了，每个事项只能评价一次。",
  "trk.rate.notYet": "办结后才能评价。",
  "trk.privacy": "本页不显示任何个人信息。请妥善保管查询码。",
} as const;

type TrkKey = keyof typeof zh;

const en: Record<TrkKey, string> = {
  "trk.intro": "See how far the concern you raised at the reception day has come.",
  "trk.status.now": "Where it stands",
  "trk.step.received": "Received",
  "trk.step.assigned": "Assigned",
  "trk.step.working": "In progress",
  "trk.step.done": "Resolved",
  "trk.rejected": "This concern was not accepted",
  "trk.due": "Answer expected by {date}",
  "trk.ev.created": "Your concern was recorded",
  "trk.ev.status.OPEN": "Reopened",
  "trk.ev.status.ASSIGNED": "Passed to the department responsible",
  "trk.ev.status.IN_PROGRESS": "The department is working on it",
  "trk.ev.status.RESOLVED": "Resolved",
  "trk.ev.status.CLOSED": "Closed",
  "trk.ev.status.REJECTED": "Not accepted",
  "trk.ev.assigned": "Department",
  "trk.ev.due": "Due date",
  "trk.ev.resolution": "The resolution was updated",
  "trk.ev.progress": "Progress",
  "trk.ev.feedback": "You rated it",
  "trk.ev.other": "Update",
  "trk.rate.title": "How was your concern handled?",
  "trk.rate.legend": "Satisfaction (1 star worst, 5 stars best)",
  "trk.rate.star": "{n} stars",
  "trk.rate.label.1": "Very unhappy",
  "trk.rate.label.2": "Unhappy",
  "trk.rate.label.3": "Neutral",
  "trk.rate.label.4": "Happy",
  "trk.rate.label.5": "Very happy",
  "trk.rate.comment": "Anything to add (optional; no names or phone numbers)",
  "trk.rate.submit": "Send rating",
  "trk.rate.pick": "Choose the stars first",
  "trk.rate.thanks": "Thank you for your rating!",
  "trk.rate.yours": "Your rating",
  "trk.rate.already": "Already rated; each case can be rated once.",
  "trk.rate.notYet": "You can rate once the case is resolved.",
  "trk.privacy": "This page shows no personal data. Keep your tracking code safe.",
};

const dictionaries: Record<Lang, Record<TrkKey, string>> = { "zh-CN": zh, en };

export function useTrackT() {
  const lang = usePreferences((s) => s.lang);
  return useCallback(
    (key: TrkKey, vars?: Record<string, string | number>) => {
      const template = dictionaries[lang][key] ?? zh[key] ?? key;
      return vars ? template.replace(/\{(\w+)\}/g, (m, n: string) => (n in vars ? String(vars[n]) : m)) : template;
    },
    [lang],
  );
}
export type { TrkKey };
