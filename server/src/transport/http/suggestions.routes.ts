/**
 * Deputies' suggestions and the departments that answer them
 * (docs/ARCHITECTURE.md §6e). Every route but a station's public page needs a
 * login, checked before the body is read; who may take which step is the
 * service's rule.
 */
import { Router } from "express";
import { createDepartment, listAdminDepartments, listDepartments, updateDepartment } from "../../services/suggestions/departments.ts";
import { deputiesToCoSign } from "../../services/suggestions/co-signers.ts";
import type { ServiceDeps } from "../../services/deps.ts";
import {
  answerSuggestion,
  assignSuggestion,
  classifyAnswer,
  countersignSuggestion,
  createSuggestion,
  evaluateSuggestion,
  returnSuggestion,
  submitSuggestion,
  updateSuggestion,
} from "../../services/suggestions/suggestion-steps.ts";
import { venueSuggestions } from "../../services/suggestions/suggestion-public.ts";
import { listSuggestions, suggestionDetail } from "../../services/suggestions/suggestions.ts";
import { mounter } from "./mount.ts";

/** Mounted under /api (the admin's department route under /api/admin, behind its gate). */
export function suggestionRoutes(deps: ServiceDeps): Router {
  const r = Router();
  const mount = mounter(r, deps, "/api");

  // Public: a station's page shows what became of its concerns (no login, no names).
  mount("GET /api/venues/:id/suggestions", ({ params }) => venueSuggestions(deps, params.id));

  mount("GET /api/departments", ({ caller }) => listDepartments(deps, caller));

  mount("GET /api/deputies", ({ caller }) => deputiesToCoSign(deps, caller));
  mount("GET /api/suggestions", ({ caller, query }) => listSuggestions(deps, caller, query));
  mount("POST /api/suggestions", ({ caller, body }) => createSuggestion(deps, caller, body));
  mount("GET /api/suggestions/:id", ({ caller, params }) => suggestionDetail(deps, caller, params.id));
  mount("PATCH /api/suggestions/:id", ({ caller, params, body }) => updateSuggestion(deps, caller, params.id, body));
  mount("POST /api/suggestions/:id/submit", ({ caller, params }) => submitSuggestion(deps, caller, params.id));
  mount("POST /api/suggestions/:id/assign", ({ caller, params, body }) => assignSuggestion(deps, caller, params.id, body));
  mount("POST /api/suggestions/:id/answer", ({ caller, params, body }) => answerSuggestion(deps, caller, params.id, body));
  mount("POST /api/suggestions/:id/return", ({ caller, params, body }) => returnSuggestion(deps, caller, params.id, body));
  mount("POST /api/suggestions/:id/countersign", ({ caller, params, body }) => countersignSuggestion(deps, caller, params.id, body));
  mount("POST /api/suggestions/:id/classify", ({ caller, params, body }) => classifyAnswer(deps, caller, params.id, body));
  mount("POST /api/suggestions/:id/evaluate", ({ caller, params, body }) => evaluateSuggestion(deps, caller, params.id, body));
  return r;
}

/** /api/admin/departments: mounted by the admin router, whose gate has checked the caller too. */
export function departmentAdminRoutes(deps: ServiceDeps): Router {
  const r = Router();
  const mount = mounter(r, deps, "/api/admin");
  mount("GET /api/admin/departments", ({ caller }) => listAdminDepartments(deps, caller));
  mount("POST /api/admin/departments", ({ caller, body }) => createDepartment(deps, caller, body));
  mount("PATCH /api/admin/departments/:id", ({ caller, params, body }) => updateDepartment(deps, caller, params.id, body));
  return r;
}
