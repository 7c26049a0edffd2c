/** 座谈会 over HTTP (docs/ARCHITECTURE.md §5e): the agenda, the invitations, and the invitee's RSVP by link. */
import { z } from "zod";
import { agendaPutSchema, invitationCreateSchema, invitationTokenSchema, rsvpSchema } from "../http-schemas.ts";
import type { InvitationCreated, InvitationPublicView, InvitationView } from "../forums.ts";
import type { SessionView } from "../model.ts";
import { idParam } from "./params.ts";
import { empty, entry, json } from "./route.ts";

const tag = "forums";
const BACK_OFFICE = ["ADMIN", "STAFF", "DEPUTY"] as const;
const tokenParam = z.object({ token: invitationTokenSchema });

export const forumRoutes = {
  "PUT /api/sessions/:id/agenda": entry({
    summary: "Set a forum's agenda",
    tag,
    access: BACK_OFFICE,
    params: idParam,
    body: agendaPutSchema,
    reply: json<{ session: SessionView }>(),
    refuses: ["NOT_FOUND", "CONFLICT"],
  }),
  "POST /api/sessions/:id/invitations": entry({
    summary: "Invite someone to a forum; answers the invitation link once",
    tag,
    access: BACK_OFFICE,
    params: idParam,
    body: invitationCreateSchema,
    status: 201,
    reply: json<InvitationCreated>(),
    refuses: ["NOT_FOUND", "CONFLICT"],
  }),
  "GET /api/sessions/:id/invitations": entry({
    summary: "A forum's invitations and their answers (the venue's staff; the service checks the login)",
    tag,
    access: "public",
    params: idParam,
    reply: json<{ invitations: InvitationView[] }>(),
    refuses: ["NOT_FOUND"],
  }),
  "DELETE /api/invitations/:id": entry({
    summary: "Withdraw an invitation (the venue's staff; the service checks the login)",
    tag,
    access: "public",
    params: idParam,
    status: 204,
    reply: empty(),
    refuses: ["NOT_FOUND", "CONFLICT"],
  }),
  "POST /api/invitations/:id/link": entry({
    summary: "A new link for a lost one: the old token stops working (the venue's staff; the service checks the login)",
    tag,
    access: "public",
    params: idParam,
    reply: json<InvitationCreated>(),
    refuses: ["NOT_FOUND", "CONFLICT"],
  }),
  "GET /api/invitations/:token": entry({
    summary: "The invitee's page, by the token of their link (no login; limited per address)",
    tag,
    access: "public",
    params: tokenParam,
    reply: json<InvitationPublicView>(),
    refuses: ["NOT_FOUND", "RATE_LIMITED"],
  }),
  "POST /api/invitations/:token/rsvp": entry({
    summary: "The invitee's answer: in the hall, online, or declined (no login; limited per address)",
    tag,
    access: "public",
    params: tokenParam,
    body: rsvpSchema,
    reply: json<InvitationPublicView>(),
    refuses: ["NOT_FOUND", "CONFLICT", "RATE_LIMITED"],
  }),
} as const;
