/** zod schemas of the HTTP API's inputs (docs/ARCHITECTURE.md §6). */
import { z } from "zod";
import type { SessionStatus } from "./model.ts";
import { id, isoDate, LIMITS, str, sessionStatusSchema, streamUrl } from "./schemas.ts";

export const loginSchema = z.object({
  username: str().trim().min(1).max(LIMITS.name),
  password: str().min(1).max(200),
});

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
  // 预约 (DESIGN §6b): 0 places = the day takes no bookings
  bookingCapacity: z.number().int().min(0).max(1000).optional(),
  bookingOpensAt: isoDate.optional().nullable(),
  bookingClosesAt: isoDate.optional().nullable(),
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
