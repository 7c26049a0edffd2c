/** 座谈会 over HTTP (docs/ARCHITECTURE.md §5e): the agenda, the invitations, and the invitee's RSVP by link. */
import { Router, type Response } from "express";
import { AppError } from "../../protocol/errors.ts";
import type { ServiceDeps } from "../../services/deps.ts";
import { setAgenda } from "../../services/messages-and-forums/forum-agenda.ts";
import { answerInvitation, createInvitation, deleteInvitation, invitationByToken, listInvitations, reissueInvitationLink } from "../../services/messages-and-forums/forum-invitations.ts";
import { addressKey } from "../client-address.ts";
import { RateLimiter } from "../rate-limit.ts";
import { actorOf, step } from "./http-kit.ts";
import { mounter } from "./mount.ts";

export function forumRoutes(deps: ServiceDeps): Router {
  const r = Router();
  const mount = mounter(r, deps, "/api");
  // The token routes need no login: bound what one address can try.
  const perIp = new RateLimiter(deps.config.joinLimitPerIpPerMin * 4, 60_000, "invitation-ip", deps.sharedWindows);
  // Invitations carry names and phones: never cached.
  const noStore = (res: Response) => res.setHeader("Cache-Control", "no-store");
  // Counted before the token is even read, as a guess at a token is what the limit is for.
  const limited = step(async (req, res) => {
    noStore(res);
    if (!(await perIp.take(addressKey(req.ip)))) throw new AppError("RATE_LIMITED", "操作过于频繁，请稍后再试 / too many requests, try again shortly");
  });

  mount("PUT /api/sessions/:id/agenda", ({ caller, params, body }) => setAgenda(deps, caller, params.id, body.items));

  mount("POST /api/sessions/:id/invitations", ({ caller, params, body, res }) => {
    noStore(res);
    return createInvitation(deps, caller, params.id, body);
  });
  mount("GET /api/sessions/:id/invitations", async ({ params, req, res }) => {
    noStore(res);
    return listInvitations(deps, await actorOf(deps, req), params.id);
  });
  mount("DELETE /api/invitations/:id", async ({ params, req }) => deleteInvitation(deps, await actorOf(deps, req), params.id));
  mount("POST /api/invitations/:id/link", async ({ params, req, res }) => {
    noStore(res);
    return reissueInvitationLink(deps, await actorOf(deps, req), params.id);
  });

  mount("GET /api/invitations/:token", ({ params }) => invitationByToken(deps, params.token), [limited]);
  mount("POST /api/invitations/:token/rsvp", ({ params, body }) => answerInvitation(deps, params.token, body.response), [limited]);
  return r;
}
