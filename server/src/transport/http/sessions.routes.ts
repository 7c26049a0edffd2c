/** Venues, reception days and the session record (docs/ARCHITECTURE.md §6). */
import { str } from "../../protocol/schemas.ts";
import { Router } from "express";
import { z } from "zod";
import { sessionCreateSchema, sessionPatchSchema, sessionQuerySchema } from "../../protocol/http-schemas.ts";
import type { ServiceDeps } from "../../services/deps.ts";
import { updateSession } from "../../services/session-control.ts";
import { createSession, getSession, listSessions, sessionRecord } from "../../services/sessions.ts";
import { trackPage } from "../../services/tracking.ts";
import { venueTree } from "../../services/venues.ts";
import { actorOf, parse, route } from "./http-kit.ts";
import { callerOf, roleGate } from "./role-gate.ts";

const idParam = z.object({ id: str().min(1).max(64) });
const codeParam = z.object({ code: str().min(4).max(32) });

export function sessionRoutes(deps: ServiceDeps): Router {
  const r = Router();

  r.get("/venues", route(async (_req, res) => {
    res.json(await venueTree(deps));
  }));

  r.get("/sessions", route(async (req, res) => {
    res.json({ sessions: await listSessions(deps, parse(sessionQuerySchema, req.query)) });
  }));

  r.get("/sessions/:id", route(async (req, res) => {
    res.json({ session: await getSession(deps, parse(idParam, req.params).id) });
  }));

  // Writes: the caller is known (401/403) before the body is read (400).
  const backOffice = roleGate(deps);

  r.post("/sessions", backOffice, route(async (req, res) => {
    const actor = await callerOf(deps, req, res);
    res.status(201).json({ session: await createSession(deps, actor, parse(sessionCreateSchema, req.body)) });
  }));

  r.patch("/sessions/:id", backOffice, route(async (req, res) => {
    const actor = await callerOf(deps, req, res);
    const { id } = parse(idParam, req.params);
    res.json(await updateSession(deps, actor, id, parse(sessionPatchSchema, req.body)));
  }));

  r.get("/sessions/:id/record", route(async (req, res) => {
    res.json(await sessionRecord(deps, await actorOf(deps, req), parse(idParam, req.params).id));
  }));

  r.get("/track/:code", route(async (req, res) => {
    res.json(await trackPage(deps, parse(codeParam, req.params).code));
  }));
  return r;
}
