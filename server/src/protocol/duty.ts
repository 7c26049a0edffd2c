/** 履职 records over HTTP: zod of the inputs and the views (docs/ARCHITECTURE.md, "Deputies' duty records"). */
import { z } from "zod";
import { id, isoDate, LIMITS } from "./schemas.ts";

export const DUTY_KINDS = ["TRAINING", "VISIT", "SURVEY", "OTHER"] as const;
export type DutyKind = (typeof DUTY_KINDS)[number];

export interface DutyFacts {
  /** reception days attended (ENDED days the deputy was on duty) */
  attendance: number;
  /** turns finished on those days */
  turns: number;
  /** follow-up cases born on those days, and how many are resolved or closed */
  cases: number;
  casesResolved: number;
  /** voters' mean satisfaction (1–5) of those cases, null when nobody rated */
  satisfaction: number | null;
  /** hours of recorded duty activities, by kind */
  hours: Record<DutyKind, number>;
}

export interface DutyWeights {
  attendance: number;
  turn: number;
  caseResolved: number;
  /** per point of mean satisfaction */
  satisfaction: number;
  /** per hour of training, visits, surveys… */
  activityHour: number;
}

/** The weights and the formula they make, in both languages. */
export interface DutyWeightsView {
  weights: DutyWeights;
  formula: { zh: string; en: string };
}

export interface DutyParts {
  attendance: number;
  turns: number;
  casesResolved: number;
  satisfaction: number;
  activities: number;
}

export const dutyQuerySchema = z.object({
  from: isoDate.optional(),
  to: isoDate.optional(),
  venueId: z.string().max(LIMITS.id).optional(),
});

export const dutyActivitySchema = z.object({
  deputyName: z.string().trim().min(1).max(LIMITS.name),
  venueId: id,
  kind: z.enum(DUTY_KINDS),
  title: z.string().trim().min(1).max(100),
  date: isoDate,
  hours: z.number().min(0.25).max(24),
  note: z.string().trim().max(500).optional(),
});

const weight = z.number().min(0).max(1000);
export const dutyWeightsSchema = z.object({ attendance: weight, turn: weight, caseResolved: weight, satisfaction: weight, activityHour: weight }).strict();

export interface DutyRow extends DutyFacts {
  deputyName: string;
  parts: DutyParts;
  score: number;
  /** extension (§6e): deputies' suggestions submitted in the range, led and co-signed; not (yet) in the score */
  suggestions?: { led: number; coSigned: number };
}

export interface DutyTable {
  rows: DutyRow[];
  weights: DutyWeights;
  formula: { zh: string; en: string };
}

export interface DutyActivityView {
  id: string;
  deputyName: string;
  venueId: string;
  venueName: string;
  kind: (typeof DUTY_KINDS)[number];
  title: string;
  date: string;
  hours: number;
  note: string | null;
}

export interface DeputyRecord {
  row: DutyRow;
  days: { sessionId: string; title: string; venueName: string; startsAt: string; turns: number; cases: number }[];
  activities: DutyActivityView[];
  formula: { zh: string; en: string };
}
