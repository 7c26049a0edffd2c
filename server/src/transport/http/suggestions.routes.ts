/**
 * Deputies' suggestions and the departments that answer them
 * (docs/ARCHITECTURE.md §6e). Every route needs a login, checked before the
 * body is read; who may take which step is the service's rule.
 */
import { Router } from "express";
import { z } from "zod";
import type { Role } from "../../protocol/model.ts";
import { str } from "../../protocol/schemas.ts";
import {
  departmentCreateSchema,
  suggestionAnswerSchema,
  suggestionAssignSchema,
  suggestionClassifySchema,
  suggestionCreateSchema,
  suggestionEvaluateSchema,
  suggestionPatchSchema,
  suggestionQuerySchema,
  suggestionReturnSchema,
} from "../../protocol/suggestions.ts";
import { createDepartment, listDepartments } from "../../services/departments.ts";
import type { ServiceDeps } from "../../services/deps.ts";
import {
  answerSuggestion,
  assignSuggestion,
  classifyAnswer,
  createSuggestion,
  evaluateSuggestion,
  returnSuggestion,
  submitSuggestion,
  updateSuggestion,
} from "../../services/suggestion-steps.ts";
import { venueSuggestions } from "../../services/suggestion-public.ts";
import { listSuggestions, suggestionDetail } from "../../services/suggestions.ts";
import { parse, route } from "./http-kit.ts";
import { callerOf, roleGate } from "./role-gate.ts";

const idParam = z.object({ id: str().min(1).max(64) });
const EVERYONE: readonly Role[] = ["ADMIN", "STAFF", "DEPUTY", "DEPARTMENT"];

/** Mounted under /api (the admin's department route under /api/admin, behind its gate). */
export function suggestionRoutes(deps: ServiceDeps): Router {
  const r = Router();
  const loggedIn = roleGate(deps, EVERYONE);

  // Public: a station's page shows what became of its concerns (no login, no names).
  r.get("/venues/:id/suggestions", route(async (req, res) => {
    res.json(await venueSuggestions(deps, parse(idParam, req.params).id));
  }));

  r.get("/departments", loggedIn, route(async (req, res) => {
    res.json(await listDepartments(deps, await callerOf(deps, req, res)));
  }));

  r.get("/suggestions", loggedIn, route(async (req, res) => {
    const actor = await callerOf(deps, req, res);
    res.json(await listSuggestions(deps, actor, parse(suggestionQuerySchema, req.query)));
  }));
  r.post("/suggestions", roleGate(deps, ["DEPUTY"]), route(async (req, res) => {
    const actor = await callerOf(deps, req, res);
    res.status(201).json(await createSuggestion(deps, actor, parse(suggestionCreateSchema, req.body)));
  }));
  r.get("/suggestions/:id", loggedIn, route(async (req, res) => {
    const actor = await callerOf(deps, req, res);
    res.json(await suggestionDetail(deps, actor, parse(idParam, req.params).id));
  }));
  r.patch("/suggestions/:id", roleGate(deps, ["DEPUTY"]), route(async (req, res) => {
    const actor = await callerOf(deps, req, res);
    const { id } = parse(idParam, req.params);
    res.json(await updateSuggestion(deps, actor, id, parse(suggestionPatchSchema, req.body)));
  }));
  r.post("/suggestions/:id/submit", roleGate(deps, ["DEPUTY"]), route(async (req, res) => {
    const actor = await callerOf(deps, req, res);
    res.json(await submitSuggestion(deps, actor, parse(idParam, req.params).id));
  }));
  r.post("/suggestions/:id/assign", roleGate(deps, ["ADMIN", "STAFF"]), route(async (req, res) => {
    const actor = await callerOf(deps, req, res);
    const { id } = parse(idParam, req.params);
    res.json(await assignSuggestion(deps, actor, id, parse(suggestionAssignSchema, req.body)));
  }));
  r.post("/suggestions/:id/answer", roleGate(deps, ["DEPARTMENT"]), route(async (req, res) => {
    const actor = await callerOf(deps, req, res);
    const { id } = parse(idParam, req.params);
    res.json(await answerSuggestion(deps, actor, id, parse(suggestionAnswerSchema, req.body)));
  }));
  r.post("/suggestions/:id/return", roleGate(deps, ["DEPARTMENT"]), route(async (req, res) => {
    const actor = await callerOf(deps, req, res);
    const { id } = parse(idParam, req.params);
    res.json(await returnSuggestion(deps, actor, id, parse(suggestionReturnSchema, req.body)));
  }));
  r.post("/suggestions/:id/classify", roleGate(deps, ["ADMIN", "STAFF"]), route(async (req, res) => {
    const actor = await callerOf(deps, req, res);
    const { id } = parse(idParam, req.params);
    res.json(await classifyAnswer(deps, actor, id, parse(suggestionClassifySchema, req.body)));
  }));
  r.post("/suggestions/:id/evaluate", roleGate(deps, ["DEPUTY"]), route(async (req, res) => {
    const actor = await callerOf(deps, req, res);
    const { id } = parse(idParam, req.params);
    res.json(await evaluateSuggestion(deps, actor, id, parse(suggestionEvaluateSchema, req.body)));
  }));
  return r;
}

/** POST /api/admin/departments (the admin router's gate has checked the caller). */
export function departmentAdminRoutes(deps: ServiceDeps): Router {
  const r = Router();
  r.post("/departments", route(async (req, res) => {
    const actor = await callerOf(deps, req, res);
    res.status(201).json(await createDepartment(deps, actor, parse(departmentCreateSchema, req.body)));
  }));
  return r;
}
