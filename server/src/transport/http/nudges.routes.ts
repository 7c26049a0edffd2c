/** Activity nudges for the scoring page, and the admin's preview of a venue's weekly digest. */
import { Router } from "express";
import { previewDigest } from "../../notify/weekly-digest.ts";
import { nudgeReport } from "../../services/duty-and-scoring/activity-nudges.ts";
import type { ServiceDeps } from "../../services/deps.ts";
import { mounter } from "./mount.ts";

export function nudgeRoutes(deps: ServiceDeps): Router {
  const r = Router();
  const mount = mounter(r, deps, "/api");
  mount("GET /api/insights/nudges", ({ caller, query }) => nudgeReport(deps, caller, query));
  mount("GET /api/admin/digest", ({ caller, query }) => previewDigest(deps, caller, query.venueId));
  return r;
}
