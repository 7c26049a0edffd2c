/**
 * The message box over HTTP (docs/ARCHITECTURE.md §6d): leave a message at a station (no
 * login, limited per address), the station's and a deputy's public page, the
 * public answer statistics, and the message's data rights by tracking code.
 */
import { Router } from "express";
import { AppError } from "../../protocol/errors.ts";
import { answerStats } from "../../services/messages-and-forums/answer-stats.ts";
import type { ServiceDeps } from "../../services/deps.ts";
import { answeredMessage, eraseMessage, leaveMessage, messageData } from "../../services/messages-and-forums/message-box.ts";
import { deputyPublic, venuePublic } from "../../services/messages-and-forums/public-pages.ts";
import { addressKey } from "../client-address.ts";
import { RateLimiter } from "../rate-limit.ts";
import { answerRetry, step } from "./http-kit.ts";
import { mounter } from "./mount.ts";

const HOUR_MS = 60 * 60 * 1000;

export function messageRoutes(deps: ServiceDeps): Router {
  const r = Router();
  const mount = mounter(r, deps, "/api");
  // Counted on the services' clock, so Retry-After agrees with the server's time (and tests can move it).
  const perIp = new RateLimiter(deps.config.messageLimitPerIpPerHour, HOUR_MS, "message-ip", deps.sharedWindows, () => deps.now().getTime());

  // A retry of a message gets its first answer, the tracking code, before the limit is counted.
  const retry = answerRetry((venueId, requestId) => answeredMessage(deps.db, venueId, requestId));
  const limited = step(async (req, res) => {
    const limit = await perIp.check(addressKey(req.ip));
    if (!limit.allowed) {
      res.setHeader("Retry-After", String(Math.max(1, Math.ceil(limit.retryAfterMs / 1000))));
      throw new AppError("RATE_LIMITED", "留言过于频繁，请稍后再试 / too many messages from this address, try again later");
    }
  });
  mount("POST /api/venues/:id/messages", ({ params, body }) => leaveMessage(deps, params.id, body), [retry, limited]);

  mount("GET /api/venues/:id", async ({ params }) => ({ venue: await venuePublic(deps, params.id) }));
  mount("GET /api/deputies/:id", async ({ params }) => ({ deputy: await deputyPublic(deps, params.id) }));

  mount("GET /api/answer-stats", ({ res }) => {
    res.setHeader("Cache-Control", "public, max-age=60");
    return answerStats(deps);
  });
  mount("GET /api/venues/:id/answer-stats", ({ params, res }) => {
    res.setHeader("Cache-Control", "public, max-age=60");
    return answerStats(deps, params.id);
  });

  // The tracking code is the message's only credential: it opens the voter's own data and erase.
  mount("GET /api/track/:trackingCode/data", ({ params, res }) => {
    res.setHeader("Cache-Control", "no-store");
    res.setHeader("Content-Disposition", 'attachment; filename="tongxin-my-message.json"');
    return messageData(deps, params.trackingCode);
  });
  mount("POST /api/track/:trackingCode/erase", ({ params, res }) => {
    res.setHeader("Cache-Control", "no-store");
    return eraseMessage(deps, params.trackingCode);
  });
  return r;
}
