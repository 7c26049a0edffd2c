/** Venues, reception days and the session record (docs/ARCHITECTURE.md §6). */
import { Router } from "express";
import type { ServiceDeps } from "../../services/deps.ts";
import { updateSession } from "../../services/live-day/session-control.ts";
import { createSession, getSession, listSessions, sessionRecord } from "../../services/live-day/sessions.ts";
import { trackPage } from "../../services/records-and-cases/tracking.ts";
import { venueTree } from "../../services/live-day/venues.ts";
import { actorOf } from "./http-kit.ts";
import { mounter } from "./mount.ts";

export function sessionRoutes(deps: ServiceDeps): Router {
  const r = Router();
  const mount = mounter(r, deps, "/api");
  mount("GET /api/venues", () => venueTree(deps));
  mount("GET /api/sessions", async ({ query }) => ({ sessions: await listSessions(deps, query) }));
  mount("GET /api/sessions/:id", async ({ params }) => ({ session: await getSession(deps, params.id) }));
  mount("POST /api/sessions", async ({ caller, body }) => ({ session: await createSession(deps, caller, body) }));
  mount("PATCH /api/sessions/:id", ({ caller, params, body }) => updateSession(deps, caller, params.id, body));
  mount("GET /api/sessions/:id/record", async ({ params, req }) => sessionRecord(deps, await actorOf(deps, req), params.id));
  mount("GET /api/track/:code", ({ params }) => trackPage(deps, params.code));
  return r;
}
