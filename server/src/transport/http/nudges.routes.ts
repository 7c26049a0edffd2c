/** Activity nudges for the scoring page, and the admin's preview of a venue's weekly digest. */
import { Router } from "express";
import { digestPreviewQuerySchema, nudgeQuerySchema } from "../../protocol/nudges.ts";
import { previewDigest } from "../../notify/weekly-digest.ts";
import { nudgeReport } from "../../services/activity-nudges.ts";
import type { ServiceDeps } from "../../services/deps.ts";
import { parse, route } from "./http-kit.ts";
import { callerOf, roleGate } from "./role-gate.ts";

export function nudgeRoutes(deps: ServiceDeps): Router {
  const r = Router();

  r.get("/insights/nudges", roleGate(deps), route(async (req, res) => {
    const actor = await callerOf(deps, req, res);
    res.json(await nudgeReport(deps, actor, parse(nudgeQuerySchema, req.query)));
  }));

  r.get("/admin/digest", roleGate(deps, ["ADMIN"]), route(async (req, res) => {
    const actor = await callerOf(deps, req, res);
    res.json(await previewDigest(deps, actor, parse(digestPreviewQuerySchema, req.query).venueId));
  }));
  return r;
}
