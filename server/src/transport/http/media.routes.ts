/**
 * Livestream over HTTP (docs/ARCHITECTURE.md §5c): the staff's stream
 * settings, and the hooks nginx-rtmp calls with urlencoded form fields.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import express, { Router } from "express";
import { AppError } from "../../protocol/errors.ts";
import type { ServiceDeps } from "../../services/deps.ts";
import { publisherStarted, publisherStillPushing, publisherStopped, relayPushAllowed } from "../../services/calls-and-stream/stream-hooks.ts";
import { regenerateStreamKey, streamSettings } from "../../services/calls-and-stream/stream-settings.ts";
import { actorOf, step } from "./http-kit.ts";
import { mounter } from "./mount.ts";

const digest = (s: string) => createHash("sha256").update(s).digest();

export function mediaRoutes(deps: ServiceDeps): Router {
  const r = Router();
  const mount = mounter(r, deps, "/api");
  const form = express.urlencoded({ extended: false, limit: "8kb" });
  /** nginx passes MEDIA_HOOK_SECRET as `?secret=` in the hook URL (nginx-rtmp cannot send headers); checked before the form is read. */
  const hookSecret = step(async (req) => {
    const expected = deps.config.mediaHookSecret;
    if (expected === null) return;
    const given = typeof req.query.secret === "string" ? req.query.secret : "";
    if (!timingSafeEqual(digest(given), digest(expected))) throw new AppError("FORBIDDEN", "媒体回调密钥错误 / wrong hook secret");
  });
  const hook = [form, hookSecret];

  mount("GET /api/sessions/:id/stream", async ({ params, req }) => streamSettings(deps, await actorOf(deps, req), params.id));
  mount("POST /api/sessions/:id/stream/key", async ({ params, req }) => regenerateStreamKey(deps, await actorOf(deps, req), params.id));

  mount("POST /api/media/on-publish", async ({ body, query, res }) => {
    const { publicName } = await publisherStarted(deps, body.name);
    // nginx-rtmp takes a 3xx Location that is not an rtmp:// URL as the stream's
    // new name, so HLS is written under the public name, never the key. The
    // shipped media/nginx.conf asks for that with ?rename=1; anyone else gets 200
    // (mount sends nothing more once the redirect is sent).
    if (query.rename === "1") res.status(302).location(publicName).end();
    return { ok: true, name: publicName };
  }, hook);

  mount("POST /api/media/on-publish-done", async ({ body }) => {
    await publisherStopped(deps, body.name);
    return { ok: true };
  }, hook);

  mount("POST /api/media/on-update", async ({ body }) => {
    await publisherStillPushing(deps, body.name);
    return { ok: true };
  }, hook);

  // The hls application's on_publish: `name` is the public name the relay pushes under.
  mount("POST /api/media/on-relay-publish", async ({ body }) => {
    await relayPushAllowed(deps, body.name);
    return { ok: true };
  }, hook);
  return r;
}
