/**
 * Livestream over HTTP (docs/ARCHITECTURE.md §5c): the staff's stream
 * settings, and the hooks nginx-rtmp calls with urlencoded form fields and
 * MEDIA_HOOK_SECRET as `?secret=` (nginx-rtmp cannot send headers).
 */
import { z } from "zod";
import type { StreamSettings } from "../model.ts";
import { idParam } from "./params.ts";
import { entry, json } from "./route.ts";

const tag = "livestream";
/** nginx-rtmp sends app, name, addr, clientid, call, type … ; only the stream name matters here. */
export const hookForm = z.object({ name: z.string().max(200) });
/** the query of the hook URL in media/nginx.conf */
const hookQuery = z.object({
  secret: z.string().optional().meta({ description: "MEDIA_HOOK_SECRET, when the server has one" }),
});
const done = json<{ ok: true }>();

const hook = <const S extends string>(summary: S) =>
  entry({ summary, tag, access: "public", query: hookQuery, body: hookForm, bodyType: "form", reply: done, refuses: ["FORBIDDEN"] });

export const mediaRoutes = {
  "GET /api/sessions/:id/stream": entry({
    summary: "A day's stream settings: the push address and key, the public name (the venue's staff; the service checks the login)",
    tag,
    access: "public",
    params: idParam,
    reply: json<StreamSettings>(),
    refuses: ["NOT_FOUND"],
  }),
  "POST /api/sessions/:id/stream/key": entry({
    summary: "A new stream key: the old one stops working (the venue's staff; the service checks the login)",
    tag,
    access: "public",
    params: idParam,
    reply: json<StreamSettings>(),
    refuses: ["NOT_FOUND"],
  }),
  "POST /api/media/on-publish": entry({
    summary:
      "nginx-rtmp: a publisher starts pushing with a stream key. With ?rename=1 the answer is 302 with the public name as Location, the name HLS is written under; else 200",
    tag,
    access: "public",
    query: hookQuery.extend({ rename: z.string().optional().meta({ description: "1: answer 302 to the public name (media/nginx.conf asks for it)" }) }),
    body: hookForm,
    bodyType: "form",
    reply: json<{ ok: true; name: string }>(),
    refuses: ["FORBIDDEN"],
  }),
  "POST /api/media/on-publish-done": hook("nginx-rtmp: the publisher stopped"),
  "POST /api/media/on-update": hook("nginx-rtmp: the publisher is still pushing (every few seconds)"),
  "POST /api/media/on-relay-publish": hook("nginx-rtmp, the hls application: the relay may push under this public name"),
} as const;
