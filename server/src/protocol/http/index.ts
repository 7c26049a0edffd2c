/**
 * The HTTP contract (docs/ARCHITECTURE.md §6): every endpoint the server
 * serves, one entry each, grouped by capability. The server mounts from it,
 * the client calls through it, and /api/openapi.json is generated from it.
 */
import { adminRoutes } from "./admin.ts";
import { authRoutes } from "./auth.ts";
import { bookingRoutes } from "./bookings.ts";
import { caseRoutes } from "./cases.ts";
import { dutyRoutes } from "./duty.ts";
import { forumRoutes } from "./forums.ts";
import { healthRoutes } from "./health.ts";
import { insightRoutes } from "./insights.ts";
import { mediaRoutes } from "./media.ts";
import { messageRoutes } from "./messages.ts";
import { nudgeRoutes } from "./nudges.ts";
import { privacyRoutes } from "./privacy.ts";
import { recordRoutes } from "./records.ts";
import type { RouteTable } from "./route.ts";
import { sessionRoutes } from "./sessions.ts";
import { suggestionRoutes } from "./suggestions.ts";
import { systemRoutes } from "./system.ts";

export const httpRoutes = {
  ...authRoutes,
  ...sessionRoutes,
  ...messageRoutes,
  ...caseRoutes,
  ...recordRoutes,
  ...insightRoutes,
  ...nudgeRoutes,
  ...adminRoutes,
  ...suggestionRoutes,
  ...bookingRoutes,
  ...forumRoutes,
  ...mediaRoutes,
  ...dutyRoutes,
  ...privacyRoutes,
  ...healthRoutes,
  ...systemRoutes,
} as const satisfies RouteTable;

export type HttpRoutes = typeof httpRoutes;
export type HttpRouteKey = keyof HttpRoutes;
