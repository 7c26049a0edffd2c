/** The contract describing itself. */
import { entry, json } from "./route.ts";

export const systemRoutes = {
  "GET /api/openapi.json": entry({
    summary: "This document: the HTTP contract as OpenAPI 3.1, generated from the route table",
    tag: "system",
    access: "public",
    reply: json<{ openapi: string; info: { title: string; version: string }; paths?: object }>(),
  }),
} as const;
