/** The weights of the quantified score (量化积分): stored as one Setting, edited by an admin. */
import { departmentFormulaText } from "../../domain/department-on-time.ts";
import { DEFAULT_WEIGHTS, formulaText, type ScoringWeights } from "../../domain/scoring.ts";
import { weightsSchema, type ScoringWeightsView, type WeightsInput } from "../../protocol/back-office.ts";
import { BACK_OFFICE_ROLES, requireRole } from "../privacy-and-accounts/auth.ts";
import type { Actor, ServiceDeps } from "../deps.ts";

export const WEIGHTS_KEY = "scoring.weights";

/** The stored weights over the defaults; a damaged or older value falls back field by field. */
export async function currentWeights(deps: ServiceDeps): Promise<{ weights: ScoringWeights; updatedAt: Date | null; updatedBy: string | null }> {
  const row = await deps.db.setting.findUnique({ where: { key: WEIGHTS_KEY } });
  if (!row) return { weights: { ...DEFAULT_WEIGHTS }, updatedAt: null, updatedBy: null };
  let stored: unknown = {};
  try {
    stored = JSON.parse(row.value);
  } catch {
    stored = {};
  }
  const partial = weightsSchema.partial().strip().safeParse(stored);
  const weights = { ...DEFAULT_WEIGHTS, ...(partial.success ? stripUndefined(partial.data) : {}) };
  return { weights, updatedAt: row.updatedAt, updatedBy: row.updatedBy };
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

const view = (weights: ScoringWeights, updatedAt: Date | null, updatedBy: string | null): ScoringWeightsView => ({
  weights,
  defaults: { ...DEFAULT_WEIGHTS },
  formula: { zh: formulaText(weights, "zh"), en: formulaText(weights, "en") },
  departmentFormula: { zh: departmentFormulaText(weights.departmentOnTime, "zh"), en: departmentFormulaText(weights.departmentOnTime, "en") },
  updatedAt: updatedAt?.toISOString() ?? null,
  updatedBy,
});

export async function readWeights(deps: ServiceDeps, actor: Actor): Promise<ScoringWeightsView> {
  requireRole(actor, BACK_OFFICE_ROLES);
  const { weights, updatedAt, updatedBy } = await currentWeights(deps);
  return view(weights, updatedAt, updatedBy);
}

export async function saveWeights(deps: ServiceDeps, actor: Actor, weights: WeightsInput): Promise<ScoringWeightsView> {
  const admin = requireRole(actor, ["ADMIN"]);
  const row = await deps.db.setting.upsert({
    where: { key: WEIGHTS_KEY },
    create: { key: WEIGHTS_KEY, value: JSON.stringify(weights), updatedBy: admin.displayName },
    update: { value: JSON.stringify(weights), updatedBy: admin.displayName },
  });
  return view(weights, row.updatedAt, row.updatedBy);
}
