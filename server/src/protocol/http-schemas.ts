/** zod schemas of the HTTP API's inputs (docs/ARCHITECTURE.md §6). */
import { z } from "zod";
import { INVITEE_ROLES, SESSION_KINDS } from "./model.ts";
import type { SessionStatus } from "./model.ts";
import { agendaSchema, id, isoDate, LIMITS, phone, str, sessionStatusSchema, streamUrl } from "./schemas.ts";

export const loginSchema = z.object({
  username: str().trim().min(1).max(LIMITS.name),
  password: str().min(1).max(200),
});

/** extension (docs/SECURITY.md): the account's own new password; the policy checks `next` */
export const passwordChangeSchema = z
  .object({
    current: str().min(1).max(200),
    next: str().min(1).max(200),
  })
  .strict();

export const sessionQuerySchema = z.object({
  venueId: str().max(LIMITS.id).optional(),
  town: str().max(LIMITS.name).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  status: sessionStatusSchema.optional(),
  theme: str().max(LIMITS.theme).optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
});

const sessionFields = {
  title: str().trim().min(1).max(100),
  theme: str().trim().max(LIMITS.theme).optional(),
  startsAt: isoDate,
  endsAt: isoDate,
  deputies: z.array(str().trim().min(1).max(LIMITS.name)).max(30).optional(),
  streamUrl,
  slotMin: z.number().int().min(1).max(120).optional(),
  walkInHeadStartMin: z.number().int().min(0).max(120).optional(),
  // 预约 (docs/ARCHITECTURE.md §6b): 0 places = the day takes no bookings
  bookingCapacity: z.number().int().min(0).max(1000).optional(),
  bookingOpensAt: isoDate.optional().nullable(),
  bookingClosesAt: isoDate.optional().nullable(),
  // 座谈会 (§5e): a forum and its agenda; an agenda can no longer change once an item started
  kind: z.enum(SESSION_KINDS).optional(),
  agenda: agendaSchema.optional(),
};

/** A reception day is scheduled ahead, or opened at once; it goes live from the console. */
export const INITIAL_SESSION_STATUSES = ["SCHEDULED", "OPEN"] as const satisfies readonly SessionStatus[];
export type InitialSessionStatus = (typeof INITIAL_SESSION_STATUSES)[number];

export const sessionCreateSchema = z.object({
  venueId: id,
  ...sessionFields,
  status: z.enum(INITIAL_SESSION_STATUSES).optional(),
});

export const sessionPatchSchema = sessionCreateSchema
  .omit({ venueId: true, status: true })
  .partial()
  .extend({ status: sessionStatusSchema.optional(), queueOpen: z.boolean().optional() })
  .strict();

// ---- Forums (座谈会), §5e ---------------------------------------------------

/** PUT /api/sessions/:id/agenda: the whole agenda, in order. */
export const agendaPutSchema = z.object({ items: agendaSchema }).strict();

/** POST /api/sessions/:id/invitations */
export const invitationCreateSchema = z
  .object({
    name: str().trim().min(1).max(LIMITS.name),
    organization: str().trim().max(LIMITS.organization).optional(),
    role: z.enum(INVITEE_ROLES),
    phone,
  })
  .strict();
export type InvitationCreateInput = z.output<typeof invitationCreateSchema>;

/** POST /api/invitations/:token/rsvp: PENDING is not an answer. */
export const rsvpSchema = z.object({ response: z.enum(["HALL", "ONLINE", "DECLINED"]) }).strict();
export type RsvpResponse = z.output<typeof rsvpSchema>["response"];

/** An invitation token in a path: what /i/<token> carries. */
export const invitationTokenSchema = str().min(16).max(LIMITS.token);
