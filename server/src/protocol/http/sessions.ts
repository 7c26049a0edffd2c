/** Venues, reception days, the staff's record of one, and a case's tracking page (docs/ARCHITECTURE.md §6). */
import { z } from "zod";
import { sessionCreateSchema, sessionPatchSchema, sessionQuerySchema } from "../http-schemas.ts";
import type { DeputyGroupView, SessionView, TrackSuggestionView, TrackView, VenueNode } from "../model.ts";
import { str } from "../schemas.ts";
import type { ListedSession, SessionRecord } from "../sessions.ts";
import { idParam } from "./params.ts";
import { entry, json } from "./route.ts";

const tag = "reception days";
const BACK_OFFICE = ["ADMIN", "STAFF", "DEPUTY"] as const;

export const sessionRoutes = {
  "GET /api/venues": entry({
    summary: "The venue tree (家 → 站 → 室) and the deputy groups",
    tag,
    access: "public",
    reply: json<{ venues: VenueNode[]; deputyGroups: DeputyGroupView[] }>(),
  }),
  "GET /api/sessions": entry({
    summary: "Reception days, filtered by venue, town, dates, status or theme",
    tag,
    access: "public",
    query: sessionQuerySchema,
    reply: json<{ sessions: ListedSession[] }>(),
  }),
  "GET /api/sessions/:id": entry({
    summary: "One reception day, with its bookable places left",
    tag,
    access: "public",
    params: idParam,
    reply: json<{ session: SessionView & { placesLeft: number } }>(),
    refuses: ["NOT_FOUND"],
  }),
  "POST /api/sessions": entry({
    summary: "Schedule a reception day (or open one at once)",
    tag,
    access: BACK_OFFICE,
    body: sessionCreateSchema,
    status: 201,
    reply: json<{ session: SessionView }>(),
    refuses: ["NOT_FOUND"],
  }),
  "PATCH /api/sessions/:id": entry({
    summary: "Change a day: its details, its status, whether the queue is open",
    tag,
    access: BACK_OFFICE,
    params: idParam,
    body: sessionPatchSchema,
    reply: json<{ session: SessionView }>(),
    refuses: ["NOT_FOUND", "CONFLICT"],
  }),
  "GET /api/sessions/:id/record": entry({
    summary: "The day's full record: tickets, transcript, events, cases, bookings, agenda (staff projection for staff)",
    tag,
    access: "public",
    params: idParam,
    reply: json<SessionRecord>(),
    refuses: ["NOT_FOUND"],
  }),
  "GET /api/track/:code": entry({
    summary: "A case's public tracking page by its code, and the suggestion it became",
    tag: "cases",
    access: "public",
    params: z.object({ code: str().min(4).max(32) }),
    reply: json<{ case: TrackView; suggestion: TrackSuggestionView | null }>(),
    refuses: ["NOT_FOUND"],
  }),
} as const;
