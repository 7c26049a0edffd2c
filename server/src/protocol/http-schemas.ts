/** zod schemas of the HTTP API's inputs (docs/ARCHITECTURE.md §6). */
import { z } from "zod";
import { LIMITS, sessionStatusSchema } from "./schemas.ts";

export const loginSchema = z.object({
  username: z.string().trim().min(1).max(LIMITS.name),
  password: z.string().min(1).max(200),
});

const isoDate = z.coerce.date().refine((d) => !Number.isNaN(d.getTime()), "invalid date");

export const sessionQuerySchema = z.object({
  venueId: z.string().max(LIMITS.id).optional(),
  town: z.string().max(LIMITS.name).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  status: sessionStatusSchema.optional(),
  theme: z.string().max(LIMITS.theme).optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
});

const sessionFields = {
  title: z.string().trim().min(1).max(100),
  theme: z.string().trim().max(LIMITS.theme).optional(),
  startsAt: isoDate,
  endsAt: isoDate,
  deputies: z.array(z.string().trim().min(1).max(LIMITS.name)).max(30).optional(),
  streamUrl: z
    .string()
    .trim()
    .max(LIMITS.streamUrl)
    .refine((v) => v === "" || /^https?:\/\//.test(v), "http(s) URL")
    .optional()
    .nullable(),
  slotMin: z.number().int().min(1).max(120).optional(),
  walkInHeadStartMin: z.number().int().min(0).max(120).optional(),
};

export const sessionCreateSchema = z.object({
  venueId: z.string().trim().min(1).max(LIMITS.id),
  ...sessionFields,
  status: z.enum(["SCHEDULED", "OPEN"]).optional(),
});

export const sessionPatchSchema = sessionCreateSchema
  .omit({ venueId: true, status: true })
  .partial()
  .extend({ status: sessionStatusSchema.optional(), queueOpen: z.boolean().optional() })
  .strict();
