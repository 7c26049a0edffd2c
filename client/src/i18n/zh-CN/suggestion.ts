/** 代表建议与承办单位 (docs/ARCHITECTURE.md §6e): the office, deputies, departments, and the voter's tracking page. */
import { ANSWER_KIND_ZH, SUGGESTION_STATUS_ZH } from "@protocol/labels-zh.ts";

export const suggestion = {
  "suggestion.status.DRAFT": SUGGESTION_STATUS_ZH.DRAFT,
  "suggestion.status.SUBMITTED": SUGGESTION_STATUS_ZH.SUBMITTED,
  "suggestion.status.ASSIGNED": SUGGESTION_STATUS_ZH.ASSIGNED,
  "suggestion.status.COUNTERSIGNING": SUGGESTION_STATUS_ZH.COUNTERSIGNING,
  "suggestion.status.ANSWERED": SUGGESTION_STATUS_ZH.ANSWERED,
  "suggestion.status.EVALUATED": SUGGESTION_STATUS_ZH.EVALUATED,
  "suggestion.kind.A": ANSWER_KIND_ZH.A,
  "suggestion.kind.B": ANSWER_KIND_ZH.B,
  "suggestion.kind.C": ANSWER_KIND_ZH.C,
  "suggestion.track.title": "代表建议",
  "suggestion.track.intro": "您反映的问题已由人大代表写入代表建议，交政府部门办理。",
  "suggestion.track.number": "建议编号",
  "suggestion.track.status": "办理状态",
  "suggestion.track.department": "承办单位",
  "suggestion.track.answer": "部门答复",
  "suggestion.track.answerAt": "答复日期",
  "suggestion.track.waiting": "承办单位正在办理，答复后会显示在这里。",
  "suggestion.station.title": "代表建议：从这里出发",
  "suggestion.station.counts": "本站选民反映的问题，已形成代表建议 {total} 件，承办单位已答复 {answered} 件，其中按期答复 {onTime} 件。",
  "suggestion.station.kinds": "答复类别：A类（已解决或基本解决）{a} 件，B类（列入计划逐步解决）{b} 件，C类（留作参考）{c} 件。",
  "suggestion.station.satisfied": "代表已评价 {evaluated} 件，其中满意或基本满意 {satisfied} 件。",
} as const;
