/** Search over the records and the quantified score (量化积分) with its weights. */
import { Router } from "express";
import { searchQuerySchema, statsQuerySchema, weightsSchema } from "../../protocol/back-office.ts";
import type { ServiceDeps } from "../../services/deps.ts";
import { readWeights, saveWeights } from "../../services/scoring-weights.ts";
import { search } from "../../services/search.ts";
import { statsCsv, statsReport } from "../../services/stats.ts";
import { sendFile } from "./download.ts";
import { parse, route } from "./http-kit.ts";
import { callerOf, roleGate } from "./role-gate.ts";

export function insightRoutes(deps: ServiceDeps): Router {
  const r = Router();
  const staff = roleGate(deps);

  r.get("/search", staff, route(async (req, res) => {
    const actor = await callerOf(deps, req, res);
    const { q, limit } = parse(searchQuerySchema, req.query);
    res.json(await search(deps, actor, q, limit));
  }));

  r.get("/stats", staff, route(async (req, res) => {
    const actor = await callerOf(deps, req, res);
    res.json(await statsReport(deps, actor, parse(statsQuerySchema, req.query)));
  }));

  r.get("/stats.csv", staff, route(async (req, res) => {
    const actor = await callerOf(deps, req, res);
    const file = await statsCsv(deps, actor, parse(statsQuerySchema, req.query));
    sendFile(res, { type: "text/csv; charset=utf-8", filename: file.filename, body: file.body });
  }));

  r.get("/stats/weights", staff, route(async (req, res) => {
    res.json(await readWeights(deps, await callerOf(deps, req, res)));
  }));

  r.put("/stats/weights", roleGate(deps, ["ADMIN"]), route(async (req, res) => {
    const actor = await callerOf(deps, req, res);
    res.json(await saveWeights(deps, actor, parse(weightsSchema, req.body)));
  }));
  return r;
}
