/** Search over the records and the quantified score (量化积分) with its weights. */
import { Router } from "express";
import type { ServiceDeps } from "../../services/deps.ts";
import { readWeights, saveWeights } from "../../services/duty-and-scoring/scoring-weights.ts";
import { search } from "../../services/records-and-cases/search.ts";
import { statsCsv, statsReport } from "../../services/records-and-cases/stats.ts";
import { mounter } from "./mount.ts";

export function insightRoutes(deps: ServiceDeps): Router {
  const r = Router();
  const mount = mounter(r, deps, "/api");
  mount("GET /api/search", ({ caller, query }) => search(deps, caller, query.q, query.limit));
  mount("GET /api/stats", ({ caller, query }) => statsReport(deps, caller, query));
  mount("GET /api/stats.csv", ({ caller, query }) => statsCsv(deps, caller, query));
  mount("GET /api/stats/weights", ({ caller }) => readWeights(deps, caller));
  mount("PUT /api/stats/weights", ({ caller, body }) => saveWeights(deps, caller, body));
  return r;
}
