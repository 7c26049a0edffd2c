/** 履职 records (deputies' duty) and their per-deputy scoring, under /api/duty. */
import { Router } from "express";
import { toCsv } from "../../domain/csv.ts";
import { dutyFormula } from "../../domain/duty-score.ts";
import { DUTY_KINDS } from "../../protocol/duty.ts";
import { DUTY_KIND_ZH } from "../../protocol/labels-zh.ts";
import type { ServiceDeps } from "../../services/deps.ts";
import { addDutyActivity, deputyRecord, dutyTable, dutyWeights, saveDutyWeights } from "../../services/duty-and-scoring/duty-records.ts";
import { actorOf } from "./http-kit.ts";
import { mounter } from "./mount.ts";

export function dutyRoutes(deps: ServiceDeps): Router {
  const r = Router();
  const mount = mounter(r, deps, "/api");

  mount("GET /api/duty", async ({ query, req }) => dutyTable(deps, await actorOf(deps, req), query));

  mount("GET /api/duty.csv", async ({ query, req }) => {
    const table = await dutyTable(deps, await actorOf(deps, req), query);
    const rows = [
      ["代表", "出席接待日", "接待人次", "意见建议", "办结", "平均满意度", ...DUTY_KINDS.map((k) => `${DUTY_KIND_ZH[k]}(小时)`), "出席得分", "接待得分", "办结得分", "满意度得分", "活动得分", "积分"],
      ...table.rows.map((x) => [x.deputyName, x.attendance, x.turns, x.cases, x.casesResolved, x.satisfaction ?? "", ...DUTY_KINDS.map((k) => x.hours[k]), x.parts.attendance, x.parts.turns, x.parts.casesResolved, x.parts.satisfaction, x.parts.activities, x.score]),
      [table.formula.zh],
    ];
    return { filename: "代表履职积分.csv", body: toCsv(rows) };
  });

  mount("GET /api/duty/weights", async () => {
    const weights = await dutyWeights(deps);
    return { weights, formula: { zh: dutyFormula(weights, "zh"), en: dutyFormula(weights, "en") } };
  });
  // The role before the body (401/403 before 400): the entry's access.
  mount("PUT /api/duty/weights", ({ caller, body }) => saveDutyWeights(deps, caller, body));

  mount("GET /api/duty/deputies/:name", async ({ params, query, req }) => deputyRecord(deps, await actorOf(deps, req), params.name, query));
  mount("POST /api/duty/activities", ({ caller, body }) => addDutyActivity(deps, caller, body));
  return r;
}
