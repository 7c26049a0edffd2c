/** Activity nudges for the scoring page, and the admin's preview of a venue's weekly digest (docs/ARCHITECTURE.md, "Activity nudges and the weekly digest"). */
import { digestPreviewQuerySchema, nudgeQuerySchema, type DigestPreview, type NudgeReport } from "../nudges.ts";
import { entry, json } from "./route.ts";

const tag = "nudges";

export const nudgeRoutes = {
  "GET /api/insights/nudges": entry({
    summary: "需要关注: stations and groups without activity in a month, overdue cases, the coming week",
    tag,
    access: ["ADMIN", "STAFF", "DEPUTY"],
    query: nudgeQuerySchema,
    reply: json<NudgeReport>(),
  }),
  "GET /api/admin/digest": entry({
    summary: "The weekly digest a venue's staff would receive now, as a preview",
    tag,
    access: ["ADMIN"],
    query: digestPreviewQuerySchema,
    reply: json<DigestPreview>(),
    refuses: ["NOT_FOUND"],
  }),
} as const;
