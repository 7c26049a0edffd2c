/** Follow-up cases (意见建议办理) for staff, and the voter's rating on /track/:code. */
import { str } from "../../protocol/schemas.ts";
import { Router } from "express";
import { z } from "zod";
import { caseCreateSchema, caseNoteSchema, casePatchSchema, caseQuerySchema, feedbackSchema } from "../../protocol/back-office.ts";
import { rateCase } from "../../services/case-feedback.ts";
import { addCaseNote, openCase, updateCase } from "../../services/case-updates.ts";
import { caseDetail, listCases } from "../../services/cases.ts";
import type { ServiceDeps } from "../../services/deps.ts";
import { parse, route } from "./http-kit.ts";
import { callerOf, roleGate } from "./role-gate.ts";

const idParam = z.object({ id: str().min(1).max(64) });
const codeParam = z.object({ trackingCode: str().trim().min(4).max(32) });

export function caseRoutes(deps: ServiceDeps): Router {
  const r = Router();
  const staff = roleGate(deps);

  r.get("/cases", staff, route(async (req, res) => {
    const actor = await callerOf(deps, req, res);
    res.json(await listCases(deps, actor, parse(caseQuerySchema, req.query)));
  }));

  r.post("/cases", staff, route(async (req, res) => {
    const actor = await callerOf(deps, req, res);
    res.status(201).json(await openCase(deps, actor, parse(caseCreateSchema, req.body)));
  }));

  r.get("/cases/:id", staff, route(async (req, res) => {
    const actor = await callerOf(deps, req, res);
    res.json(await caseDetail(deps, actor, parse(idParam, req.params).id));
  }));

  r.patch("/cases/:id", staff, route(async (req, res) => {
    const actor = await callerOf(deps, req, res);
    const { id } = parse(idParam, req.params);
    res.json(await updateCase(deps, actor, id, parse(casePatchSchema, req.body)));
  }));

  r.post("/cases/:id/notes", staff, route(async (req, res) => {
    const actor = await callerOf(deps, req, res);
    const { id } = parse(idParam, req.params);
    res.status(201).json(await addCaseNote(deps, actor, id, parse(caseNoteSchema, req.body).text));
  }));

  r.post("/track/:trackingCode/feedback", route(async (req, res) => {
    const { trackingCode } = parse(codeParam, req.params);
    res.json({ case: await rateCase(deps, trackingCode, parse(feedbackSchema, req.body)) });
  }));
  return r;
}
