/**
 * The message box over HTTP (docs/ARCHITECTURE.md §6d): leave a message at a station (no
 * login, limited per address), the station's and a deputy's public page, the
 * public answer statistics, and the message's data rights by tracking code.
 */
import { Router } from "express";
import { z } from "zod";
import { AppError } from "../../protocol/errors.ts";
import { messageCreateSchema } from "../../protocol/messages.ts";
import { str } from "../../protocol/schemas.ts";
import { answerStats } from "../../services/answer-stats.ts";
import type { ServiceDeps } from "../../services/deps.ts";
import { answeredMessage, eraseMessage, leaveMessage, messageData } from "../../services/message-box.ts";
import { deputyPublic, venuePublic } from "../../services/public-pages.ts";
import { addressKey } from "../client-address.ts";
import { RateLimiter } from "../rate-limit.ts";
import { parse, retryRequestId, route } from "./http-kit.ts";

const idParam = z.object({ id: str().min(1).max(64) });
const codeParam = z.object({ trackingCode: str().trim().min(4).max(32) });
const HOUR_MS = 60 * 60 * 1000;

export function messageRoutes(deps: ServiceDeps): Router {
  const r = Router();
  // Counted on the services' clock, so Retry-After agrees with the server's time (and tests can move it).
  const perIp = new RateLimiter(deps.config.messageLimitPerIpPerHour, HOUR_MS, "message-ip", deps.sharedWindows, () => deps.now().getTime());

  r.post("/venues/:id/messages", route(async (req, res) => {
    // A retry (a requestId already answered at this venue) gets the first answer before the limit is
    // counted: it creates nothing, and a voter behind a busy address still learns their code.
    const requestId = retryRequestId(req.body);
    const retried = requestId && typeof req.params.id === "string" ? await answeredMessage(deps.db, req.params.id, requestId) : null;
    if (retried) return void res.status(201).json(retried);
    const limit = await perIp.check(addressKey(req.ip));
    if (!limit.allowed) {
      res.setHeader("Retry-After", String(Math.max(1, Math.ceil(limit.retryAfterMs / 1000))));
      throw new AppError("RATE_LIMITED", "留言过于频繁，请稍后再试 / too many messages from this address, try again later");
    }
    const { id } = parse(idParam, req.params);
    res.status(201).json(await leaveMessage(deps, id, parse(messageCreateSchema, req.body)));
  }));

  r.get("/venues/:id", route(async (req, res) => {
    res.json({ venue: await venuePublic(deps, parse(idParam, req.params).id) });
  }));
  r.get("/deputies/:id", route(async (req, res) => {
    res.json({ deputy: await deputyPublic(deps, parse(idParam, req.params).id) });
  }));

  r.get("/answer-stats", route(async (_req, res) => {
    res.setHeader("Cache-Control", "public, max-age=60");
    res.json(await answerStats(deps));
  }));
  r.get("/venues/:id/answer-stats", route(async (req, res) => {
    res.setHeader("Cache-Control", "public, max-age=60");
    res.json(await answerStats(deps, parse(idParam, req.params).id));
  }));

  // The tracking code is the message's only credential: it opens the voter's own data and erase.
  r.get("/track/:trackingCode/data", route(async (req, res) => {
    res.setHeader("Cache-Control", "no-store");
    res.setHeader("Content-Disposition", 'attachment; filename="tongxin-my-message.json"');
    res.json(await messageData(deps, parse(codeParam, req.params).trackingCode));
  }));
  r.post("/track/:trackingCode/erase", route(async (req, res) => {
    res.setHeader("Cache-Control", "no-store");
    res.json(await eraseMessage(deps, parse(codeParam, req.params).trackingCode));
  }));
  return r;
}
