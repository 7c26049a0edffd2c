/** 座谈会 over HTTP (§5e): the agenda, the invitations, and the invitee's RSVP by link. */
import { Router } from "express";
import { z } from "zod";
import { AppError } from "../../protocol/errors.ts";
import { agendaPutSchema, invitationCreateSchema, invitationTokenSchema, rsvpSchema } from "../../protocol/http-schemas.ts";
import { str } from "../../protocol/schemas.ts";
import type { ServiceDeps } from "../../services/deps.ts";
import { setAgenda } from "../../services/forum-agenda.ts";
import { answerInvitation, createInvitation, deleteInvitation, invitationByToken, listInvitations, reissueInvitationLink } from "../../services/forum-invitations.ts";
import { addressKey } from "../client-address.ts";
import { RateLimiter } from "../rate-limit.ts";
import { actorOf, parse, route } from "./http-kit.ts";
import { callerOf, roleGate } from "./role-gate.ts";

const idParam = z.object({ id: str().min(1).max(64) });
const tokenParam = z.object({ token: invitationTokenSchema });

export function forumRoutes(deps: ServiceDeps): Router {
  const r = Router();
  // The token routes need no login: bound what one address can try.
  const perIp = new RateLimiter(deps.config.joinLimitPerIpPerMin * 4, 60_000, "invitation-ip", deps.sharedWindows);
  const limited = async (ip: string | undefined) => {
    if (!(await perIp.take(addressKey(ip)))) throw new AppError("RATE_LIMITED", "操作过于频繁，请稍后再试 / too many requests, try again shortly");
  };
  // Invitations carry names and phones: never cached.
  const noStore = (res: import("express").Response) => res.setHeader("Cache-Control", "no-store");

  r.put("/sessions/:id/agenda", roleGate(deps), route(async (req, res) => {
    const actor = await callerOf(deps, req, res);
    const { id } = parse(idParam, req.params);
    res.json(await setAgenda(deps, actor, id, parse(agendaPutSchema, req.body).items));
  }));

  r.post("/sessions/:id/invitations", roleGate(deps), route(async (req, res) => {
    noStore(res);
    const actor = await callerOf(deps, req, res);
    const { id } = parse(idParam, req.params);
    res.status(201).json(await createInvitation(deps, actor, id, parse(invitationCreateSchema, req.body)));
  }));

  r.get("/sessions/:id/invitations", route(async (req, res) => {
    noStore(res);
    res.json(await listInvitations(deps, await actorOf(deps, req), parse(idParam, req.params).id));
  }));

  r.delete("/invitations/:id", route(async (req, res) => {
    await deleteInvitation(deps, await actorOf(deps, req), parse(idParam, req.params).id);
    res.status(204).end();
  }));

  r.post("/invitations/:id/link", route(async (req, res) => {
    noStore(res);
    res.json(await reissueInvitationLink(deps, await actorOf(deps, req), parse(idParam, req.params).id));
  }));

  r.get("/invitations/:token", route(async (req, res) => {
    noStore(res);
    await limited(req.ip);
    res.json(await invitationByToken(deps, parse(tokenParam, req.params).token));
  }));

  r.post("/invitations/:token/rsvp", route(async (req, res) => {
    noStore(res);
    await limited(req.ip);
    const { token } = parse(tokenParam, req.params);
    res.json(await answerInvitation(deps, token, parse(rsvpSchema, req.body).response));
  }));
  return r;
}
