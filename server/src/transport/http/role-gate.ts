/** Middleware: the caller must be logged in with one of `roles` before a body or query is even read (401/403 before 400). */
import type { Request, RequestHandler, Response } from "express";
import type { Role } from "../../protocol/model.ts";
import { BACK_OFFICE_ROLES, requireRole } from "../../services/auth.ts";
import type { Actor, ServiceDeps } from "../../services/deps.ts";
import { actorOf } from "./http-kit.ts";

export function roleGate(deps: ServiceDeps, roles: readonly Role[] = BACK_OFFICE_ROLES): RequestHandler {
  return (req, res, next) => {
    actorOf(deps, req)
      .then((actor) => {
        requireRole(actor, roles);
        res.locals.actor = actor;
      })
      .then(() => next(), next);
  };
}

/** The caller the gate let through (looked up once per request), or a fresh lookup. */
export async function callerOf(deps: ServiceDeps, req: Request, res: Response): Promise<Actor> {
  return (res.locals.actor as Actor | undefined) ?? actorOf(deps, req);
}
