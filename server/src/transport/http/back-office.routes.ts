/**
 * The back office's HTTP routes, mounted under /api: follow-up cases and the
 * voter's rating, record exports, search, the quantified score, and
 * administration. Answers carry personal data, so nothing here is cached.
 */
import { Router } from "express";
import type { ServiceDeps } from "../../services/deps.ts";
import { adminRoutes } from "./admin.routes.ts";
import { caseRoutes } from "./cases.routes.ts";
import { insightRoutes } from "./insights.routes.ts";
import { nudgeRoutes } from "./nudges.routes.ts";
import { recordRoutes } from "./records.routes.ts";
import { suggestionRoutes } from "./suggestions.routes.ts";

export function backOfficeRoutes(deps: ServiceDeps): Router {
  const r = Router();
  r.use((_req, res, next) => {
    res.setHeader("Cache-Control", "no-store");
    next();
  });
  r.use(caseRoutes(deps));
  r.use(recordRoutes(deps));
  r.use(insightRoutes(deps));
  r.use(nudgeRoutes(deps));
  r.use(suggestionRoutes(deps));
  r.use("/admin", adminRoutes(deps));
  return r;
}
