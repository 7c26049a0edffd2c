/** Middleware: the caller must be allowed by a route's access before a body or query is even read (401/403 before 400). */
import type { RequestHandler } from "express";
import type { Access } from "../../protocol/http/route.ts";
import { requireLogin, requireRole } from "../../services/privacy-and-accounts/auth.ts";
import type { ServiceDeps } from "../../services/deps.ts";
import { actorOf } from "./http-kit.ts";

/** null for a public route; otherwise the check, which leaves the caller in `res.locals.actor`. */
export function accessGate(deps: ServiceDeps, access: Access): RequestHandler | null {
  if (access === "public") return null;
  return (req, res, next) => {
    actorOf(deps, req)
      .then((actor) => {
        if (access === "login") requireLogin(actor);
        else requireRole(actor, access);
        res.locals.actor = actor;
      })
      .then(() => next(), next);
  };
}
