/** The message box (docs/ARCHITECTURE.md §6d): leave a message, public pages and answer statistics, a message's data rights. */
import { z } from "zod";
import { messageCreateSchema } from "../messages.ts";
import type { AnswerStatsView, DeputyPublicView, MessageDataExport, VenuePublicView } from "../messages.ts";
import { str } from "../schemas.ts";
import { idParam } from "./params.ts";
import { entry, json } from "./route.ts";

const tag = "message box";
const codeParam = z.object({ trackingCode: str().trim().min(4).max(32) });

export const messageRoutes = {
  "POST /api/venues/:id/messages": entry({
    summary: "Leave a message at a station (no login; limited per address; a repeated requestId gets the first answer)",
    tag,
    access: "public",
    params: idParam,
    body: messageCreateSchema,
    status: 201,
    reply: json<{ trackingCode: string }>(),
    refuses: ["NOT_FOUND", "RATE_LIMITED"],
  }),
  "GET /api/venues/:id": entry({
    summary: "A station's public page",
    tag,
    access: "public",
    params: idParam,
    reply: json<{ venue: VenuePublicView }>(),
    refuses: ["NOT_FOUND"],
  }),
  "GET /api/deputies/:id": entry({
    summary: "A deputy's public page",
    tag,
    access: "public",
    params: idParam,
    reply: json<{ deputy: DeputyPublicView }>(),
    refuses: ["NOT_FOUND"],
  }),
  "GET /api/answer-stats": entry({ summary: "How messages were answered, everywhere", tag, access: "public", reply: json<AnswerStatsView>() }),
  "GET /api/venues/:id/answer-stats": entry({
    summary: "How messages were answered at one station",
    tag,
    access: "public",
    params: idParam,
    reply: json<AnswerStatsView>(),
  }),
  "GET /api/track/:trackingCode/data": entry({
    summary: "A message's own data, as a download (the tracking code is its credential)",
    tag,
    access: "public",
    params: codeParam,
    reply: json<MessageDataExport>(),
    refuses: ["NOT_FOUND"],
  }),
  "POST /api/track/:trackingCode/erase": entry({
    summary: "Erase a message's personal data",
    tag,
    access: "public",
    params: codeParam,
    reply: json<MessageDataExport>(),
    refuses: ["NOT_FOUND"],
  }),
} as const;
