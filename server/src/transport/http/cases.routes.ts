/** Follow-up cases (意见建议办理) for staff, and the voter's rating on /track/:code. */
import { Router } from "express";
import { rateCase } from "../../services/records-and-cases/case-feedback.ts";
import { addCaseNote, openCase, updateCase } from "../../services/records-and-cases/case-updates.ts";
import { caseDetail, listCases } from "../../services/records-and-cases/cases.ts";
import type { ServiceDeps } from "../../services/deps.ts";
import { mounter } from "./mount.ts";

export function caseRoutes(deps: ServiceDeps): Router {
  const r = Router();
  const mount = mounter(r, deps, "/api");
  mount("GET /api/cases", ({ caller, query }) => listCases(deps, caller, query));
  mount("POST /api/cases", ({ caller, body }) => openCase(deps, caller, body));
  mount("GET /api/cases/:id", ({ caller, params }) => caseDetail(deps, caller, params.id));
  mount("PATCH /api/cases/:id", ({ caller, params, body }) => updateCase(deps, caller, params.id, body));
  mount("POST /api/cases/:id/notes", ({ caller, params, body }) => addCaseNote(deps, caller, params.id, body.text));
  mount("POST /api/track/:trackingCode/feedback", async ({ params, body }) => ({ case: await rateCase(deps, params.trackingCode, body) }));
  return r;
}
