/**
 * 量化积分 — the quantified score of a venue or deputy group over a period.
 * Points add up the way the article's 考核实施办法 counts them: each
 * reception day, each voter heard and each concern settled earns points;
 * satisfaction above or below neutral adds or takes away; overdue cases and
 * long waits cost. Pure: the formula, its parts and its weights travel
 * together so every screen can show how a score was made.
 */

import type { MetricsView } from "../protocol/back-office.ts";

/** What a venue or group did in a period (see service-metrics.ts); the wire shape is the same. */
export type ServiceMetrics = MetricsView;

export interface ScoringWeights {
  /** points per reception day held */
  sessionHeld: number;
  /** points per voter heard (online or in person) */
  voterReceived: number;
  /** points per case resolved */
  caseResolved: number;
  /** extra points per case resolved by its due date */
  resolvedOnTime: number;
  /** points per star above 3 (taken away per star below), summed over ratings */
  satisfaction: number;
  /** points per overdue case (negative: a penalty) */
  caseOverdue: number;
  /** points per voter who waited longer than waitTargetMin (negative) */
  longWait: number;
  /** a wait longer than this many minutes counts as a long wait */
  waitTargetMin: number;
  /** a case without a due date is due this many days after it was opened */
  defaultDueDays: number;
  /**
   * departments (承办单位) are scored apart from venues: what a 100% rate of
   * suggestions answered on time is worth (domain/department-on-time.ts)
   */
  departmentOnTime: number;
}

export const DEFAULT_WEIGHTS: ScoringWeights = {
  sessionHeld: 10,
  voterReceived: 1,
  caseResolved: 3,
  resolvedOnTime: 2,
  satisfaction: 2,
  caseOverdue: -5,
  longWait: -1,
  waitTargetMin: 30,
  defaultDueDays: 30,
  departmentOnTime: 100,
};

export type ScorePartKey = "sessionHeld" | "voterReceived" | "caseResolved" | "resolvedOnTime" | "satisfaction" | "caseOverdue" | "longWait";

export const SCORE_PART_KEYS: readonly ScorePartKey[] = [
  "sessionHeld",
  "voterReceived",
  "caseResolved",
  "resolvedOnTime",
  "satisfaction",
  "caseOverdue",
  "longWait",
];

export interface ScorePart {
  key: ScorePartKey;
  /** the quantity counted (for satisfaction: Σ(rating − 3)) */
  value: number;
  weight: number;
  /** value × weight */
  points: number;
}

export interface Score {
  score: number;
  parts: ScorePart[];
}

const round1 = (n: number): number => Math.round(n * 10) / 10;

/** The quantity each part counts. */
export function partValue(key: ScorePartKey, m: ServiceMetrics): number {
  switch (key) {
    case "sessionHeld":
      return m.sessionsHeld;
    case "voterReceived":
      return m.votersOnline + m.votersInPerson;
    case "caseResolved":
      return m.casesResolved;
    case "resolvedOnTime":
      return m.casesResolvedOnTime;
    case "satisfaction":
      return m.avgSatisfaction == null ? 0 : round1(m.ratedCases * (m.avgSatisfaction - 3));
    case "caseOverdue":
      return m.casesOverdue;
    case "longWait":
      return m.longWaits;
    default: {
      const never: never = key;
      throw new Error(`unknown part ${String(never)}`);
    }
  }
}

/** score = Σ weight × value over the parts, to one decimal. */
export function scoreOf(m: ServiceMetrics, w: ScoringWeights): Score {
  const parts = SCORE_PART_KEYS.map((key) => {
    const value = partValue(key, m);
    const weight = w[key];
    return { key, value, weight, points: round1(value * weight) };
  });
  return { score: round1(parts.reduce((sum, p) => sum + p.points, 0)), parts };
}

const LABELS: Record<ScorePartKey, { zh: string; en: string }> = {
  sessionHeld: { zh: "接待日", en: "reception days" },
  voterReceived: { zh: "接待选民", en: "voters heard" },
  caseResolved: { zh: "办结", en: "cases resolved" },
  resolvedOnTime: { zh: "按期办结", en: "resolved on time" },
  satisfaction: { zh: "Σ(满意度−3)", en: "Σ(rating − 3)" },
  caseOverdue: { zh: "逾期未办结", en: "overdue cases" },
  longWait: { zh: "等候超{min}分钟", en: "waits over {min} min" },
};

/** "10×接待日 + 1×接待选民 … − 5×逾期未办结": the formula as shown beside the score. */
export function formulaText(w: ScoringWeights, lang: "zh" | "en"): string {
  const terms = SCORE_PART_KEYS.filter((k) => w[k] !== 0).map((k) => {
    const label = LABELS[k][lang].replace("{min}", String(w.waitTargetMin));
    return { sign: w[k] < 0 ? "−" : "+", text: `${Math.abs(w[k])}×${label}` };
  });
  if (terms.length === 0) return "0";
  return terms.map((t, i) => (i === 0 ? (t.sign === "−" ? `−${t.text}` : t.text) : `${t.sign} ${t.text}`)).join(" ");
}

export interface Ranked<T> {
  rank: number;
  item: T;
}

/** Highest score first; equal scores share a rank (1, 2, 2, 4). */
export function rankByScore<T extends { score: number }>(items: readonly T[]): Ranked<T>[] {
  const sorted = [...items].sort((a, b) => b.score - a.score);
  let rank = 0;
  return sorted.map((item, i) => {
    if (i === 0 || item.score !== sorted[i - 1]!.score) rank = i + 1;
    return { rank, item };
  });
}
