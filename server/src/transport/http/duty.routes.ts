/** 履职 records (deputies' duty) and their per-deputy scoring, under /api/duty. */
import { Router } from "express";
import { z } from "zod";
import { toCsv } from "../../domain/csv.ts";
import { dutyActivitySchema, dutyQuerySchema, dutyWeightsSchema } from "../../protocol/duty.ts";
import type { ServiceDeps } from "../../services/deps.ts";
import { addDutyActivity, deputyRecord, dutyTable, dutyWeights, saveDutyWeights } from "../../services/duty-records.ts";
import { dutyFormula } from "../../domain/duty-score.ts";
import { actorOf, parse, route } from "./http-kit.ts";
import { BACK_OFFICE_ROLES, CLERK_ROLES, requireRole } from "../../services/auth.ts";

const nameParam = z.object({ name: z.string().trim().min(1).max(50) });

export function dutyRoutes(deps: ServiceDeps): Router {
  const r = Router();

  r.get("/duty", route(async (req, res) => {
    res.json(await dutyTable(deps, await actorOf(deps, req), parse(dutyQuerySchema, req.query)));
  }));

  r.get("/duty.csv", route(async (req, res) => {
    const table = await dutyTable(deps, await actorOf(deps, req), parse(dutyQuerySchema, req.query));
    const rows = [
      ["代表", "出席接待日", "接待人次", "意见建议", "办结", "平均满意度", "学习培训(小时)", "走访(小时)", "调研(小时)", "其他(小时)", "出席得分", "接待得分", "办结得分", "满意度得分", "活动得分", "积分"],
      ...table.rows.map((x) => [x.deputyName, x.attendance, x.turns, x.cases, x.casesResolved, x.satisfaction ?? "", x.hours.TRAINING, x.hours.VISIT, x.hours.SURVEY, x.hours.OTHER, x.parts.attendance, x.parts.turns, x.parts.casesResolved, x.parts.satisfaction, x.parts.activities, x.score]),
      [table.formula.zh],
    ];
    res.setHeader("content-type", "text/csv; charset=utf-8");
    res.setHeader("content-disposition", `attachment; filename*=UTF-8''${encodeURIComponent("代表履职积分.csv")}`);
    res.send(toCsv(rows));
  }));

  r.get("/duty/weights", route(async (req, res) => {
    requireRole(await actorOf(deps, req), BACK_OFFICE_ROLES);
    const weights = await dutyWeights(deps);
    res.json({ weights, formula: { zh: dutyFormula(weights, "zh"), en: dutyFormula(weights, "en") } });
  }));

  r.put("/duty/weights", route(async (req, res) => {
    const actor = await actorOf(deps, req);
    requireRole(actor, ["ADMIN"]); // the role before the body (401/403 before 400)
    res.json(await saveDutyWeights(deps, actor, parse(dutyWeightsSchema, req.body)));
  }));

  r.get("/duty/deputies/:name", route(async (req, res) => {
    res.json(await deputyRecord(deps, await actorOf(deps, req), parse(nameParam, req.params).name, parse(dutyQuerySchema, req.query)));
  }));

  r.post("/duty/activities", route(async (req, res) => {
    const actor = await actorOf(deps, req);
    requireRole(actor, CLERK_ROLES);
    res.status(201).json(await addDutyActivity(deps, actor, parse(dutyActivitySchema, req.body)));
  }));
  return r;
}
