/**
 * 履职积分 per deputy: the parts of the score from what was recorded, and the
 * admin's weights. Pure. Turns and cases of a day are credited to every deputy
 * on duty that day (they received the voters together).
 */
import { DUTY_KINDS, type DutyFacts, type DutyParts, type DutyWeights } from "../protocol/duty.ts";

export { DUTY_KINDS, type DutyFacts, type DutyParts, type DutyWeights };

export const DEFAULT_DUTY_WEIGHTS: DutyWeights = { attendance: 10, turn: 2, caseResolved: 5, satisfaction: 4, activityHour: 1 };

export const emptyFacts = (): DutyFacts => ({ attendance: 0, turns: 0, cases: 0, casesResolved: 0, satisfaction: null, hours: { TRAINING: 0, VISIT: 0, SURVEY: 0, OTHER: 0 } });

const round1 = (n: number) => Math.round(n * 10) / 10;

export function dutyScore(f: DutyFacts, w: DutyWeights): { parts: DutyParts; score: number } {
  const hours = DUTY_KINDS.reduce((sum, k) => sum + f.hours[k], 0);
  const parts: DutyParts = {
    attendance: round1(f.attendance * w.attendance),
    turns: round1(f.turns * w.turn),
    casesResolved: round1(f.casesResolved * w.caseResolved),
    satisfaction: round1((f.satisfaction ?? 0) * w.satisfaction),
    activities: round1(hours * w.activityHour),
  };
  return { parts, score: round1(parts.attendance + parts.turns + parts.casesResolved + parts.satisfaction + parts.activities) };
}

export function dutyFormula(w: DutyWeights, lang: "zh" | "en"): string {
  return lang === "zh"
    ? `积分 = 出席接待日×${w.attendance} + 接待人次×${w.turn} + 办结件数×${w.caseResolved} + 平均满意度×${w.satisfaction} + 履职活动小时×${w.activityHour}`
    : `score = days attended×${w.attendance} + turns×${w.turn} + cases resolved×${w.caseResolved} + mean satisfaction×${w.satisfaction} + activity hours×${w.activityHour}`;
}
