/**
 * Livestream over HTTP (docs/ARCHITECTURE.md §5c): the staff's stream
 * settings, and the hooks nginx-rtmp calls with urlencoded form fields.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import express, { Router, type Request } from "express";
import { z } from "zod";
import { AppError } from "../../protocol/errors.ts";
import type { ServiceDeps } from "../../services/deps.ts";
import { publisherStarted, publisherStillPushing, publisherStopped, relayPushAllowed } from "../../services/stream-hooks.ts";
import { regenerateStreamKey, streamSettings } from "../../services/stream-settings.ts";
import { actorOf, parse, route } from "./http-kit.ts";

const idParam = z.object({ id: z.string().min(1).max(64) });
/** nginx-rtmp sends app, name, addr, clientid, call, type … ; only the stream name matters here. */
const hookForm = z.object({ name: z.string().max(200) });

const digest = (s: string) => createHash("sha256").update(s).digest();

/** nginx passes MEDIA_HOOK_SECRET as `?secret=` in the hook URL (nginx-rtmp cannot send headers). */
function checkHookSecret(deps: ServiceDeps, req: Request): void {
  const expected = deps.config.mediaHookSecret;
  if (expected === null) return;
  const given = typeof req.query.secret === "string" ? req.query.secret : "";
  if (!timingSafeEqual(digest(given), digest(expected))) throw new AppError("FORBIDDEN", "媒体回调密钥错误 / wrong hook secret");
}

function streamKeyOf(deps: ServiceDeps, req: Request): string {
  checkHookSecret(deps, req);
  return parse(hookForm, req.body ?? {}).name;
}

export function mediaRoutes(deps: ServiceDeps): Router {
  const r = Router();
  const form = express.urlencoded({ extended: false, limit: "8kb" });

  r.get("/sessions/:id/stream", route(async (req, res) => {
    res.json(await streamSettings(deps, await actorOf(deps, req), parse(idParam, req.params).id));
  }));

  r.post("/sessions/:id/stream/key", route(async (req, res) => {
    res.json(await regenerateStreamKey(deps, await actorOf(deps, req), parse(idParam, req.params).id));
  }));

  r.post("/media/on-publish", form, route(async (req, res) => {
    const { publicName } = await publisherStarted(deps, streamKeyOf(deps, req));
    // nginx-rtmp takes a 3xx Location that is not an rtmp:// URL as the stream's
    // new name, so HLS is written under the public name, never the key. The
    // shipped media/nginx.conf asks for that with ?rename=1; anyone else gets 200.
    if (req.query.rename === "1") {
      res.status(302).location(publicName).end();
      return;
    }
    res.json({ ok: true, name: publicName });
  }));

  r.post("/media/on-publish-done", form, route(async (req, res) => {
    await publisherStopped(deps, streamKeyOf(deps, req));
    res.json({ ok: true });
  }));

  r.post("/media/on-update", form, route(async (req, res) => {
    await publisherStillPushing(deps, streamKeyOf(deps, req));
    res.json({ ok: true });
  }));

  // The hls application's on_publish: `name` is the public name the relay pushes under.
  r.post("/media/on-relay-publish", form, route(async (req, res) => {
    await relayPushAllowed(deps, streamKeyOf(deps, req));
    res.json({ ok: true });
  }));
  return r;
}
