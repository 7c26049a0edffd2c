/** The back office's HTTP routes (cases, exports, search, stats, admin) are mounted here under /api. */
import { Router } from "express";
import type { ServiceDeps } from "../../services/deps.ts";

export function backOfficeRoutes(_deps: ServiceDeps): Router {
  return Router();
}
