/** zod schemas of every client→server payload, with the contract's limits. */
import { z } from "zod";
import { SESSION_STATUSES, SPEAKER_ROLES, TRANSCRIPT_KINDS, VISIBILITIES } from "./model.ts";
import { ILL_FORMED_MESSAGE, isWellFormed } from "./well-formed.ts";

export const LIMITS = {
  name: 50,
  phone: 30,
  topic: 100,
  question: 2000,
  transcriptText: 5000,
  summary: 2000,
  category: 50,
  reason: 200,
  requestId: 100,
  id: 64,
  agendaTitle: 100,
  agendaItems: 30,
  organization: 100,
  token: 200,
  bookingCode: 12,
  streamUrl: 500,
  theme: 200,
} as const;

/**
 * The one string every schema starts from: well-formed UTF-16 (no lone
 * surrogate), so ill-formed text is BAD_REQUEST on every route, never a
 * database error (protocol/well-formed.ts).
 */
export const str = () => z.string().refine(isWellFormed, ILL_FORMED_MESSAGE);

/** A row id as the client sends it. */
export const id = str().trim().min(1).max(LIMITS.id);
/** A date in any form `new Date()` reads (ISO 8601 from the client); an invalid one is BAD_REQUEST. */
export const isoDate = z.coerce.date().refine((d) => !Number.isNaN(d.getTime()), "invalid date");
/** An optional livestream address: empty clears it. */
export const streamUrl = str()
  .trim()
  .max(LIMITS.streamUrl)
  .refine((v) => v === "" || /^https?:\/\//.test(v), "http(s) URL")
  .optional()
  .nullable();
const requestId = str().trim().min(8).max(LIMITS.requestId).optional();
/**
 * The requestId of an HTTP create (a booking, a message; extension): a UUID the
 * client draws once per content it sends, so resending after a lost answer gets
 * the first answer and creates nothing. Lower-cased: one UUID in either case is
 * one request.
 */
export const uuidRequestId = z.uuid().transform((v) => v.toLowerCase());
const text = (max: number) => str().trim().min(1).max(max);
const optionalText = (max: number) =>
  str()
    .trim()
    .max(max)
    .optional()
    .nullable()
    .transform((v) => (v ? v : undefined));
/** An optional phone: digits and + - ( ) only; blank means none. */
export const phone = str()
  .trim()
  .max(LIMITS.phone)
  .regex(/^[0-9+\-() ]*$/, "digits only")
  .optional()
  .nullable()
  .transform((v) => (v ? v : undefined));

export const sessionWatchSchema = z.object({
  sessionId: id,
  sinceSeq: z.number().int().min(0).optional(),
  /** A public display (the hall screen) asks for the public projection whoever is logged in: staff may downgrade, nobody upgrades. */
  projection: z.enum(["public"]).optional(),
});
export const sessionUnwatchSchema = z.object({ sessionId: id });

/** The privacy notice version a voter saw (docs/ARCHITECTURE.md §6c): joins, desk registrations and bookings. */
const consentVersion = z.number().int().min(1).max(1_000_000).optional();

const voterFields = {
  sessionId: id,
  name: text(LIMITS.name),
  phone,
  topic: text(LIMITS.topic),
  question: optionalText(LIMITS.question),
  isPublic: z.boolean(),
  requestId,
  /** the privacy notice version the voter saw (docs/ARCHITECTURE.md §6c); the desk sends the one it showed */
  consentVersion,
};
const optionalId = id.optional().nullable().transform((v) => v ?? undefined);
export const queueJoinSchema = z.object({
  ...voterFields,
  /** optional only for a forum's invitee, whose invitation names them (§5e); otherwise BAD_REQUEST */
  name: text(LIMITS.name).optional(),
  /** §5e: in a forum, an online join needs the invitation's token (the RSVP link's) */
  invitationToken: str().min(16).max(LIMITS.token).optional().nullable().transform((v) => v ?? undefined),
  /** §5e: the forum's item to speak on (not DONE); default the current item, or item 1 before the start */
  agendaItemId: optionalId,
});
export const deskRegisterSchema = z.object({
  ...voterFields,
  name: text(LIMITS.name).optional(),
  isPublic: z.boolean().default(false),
  priority: optionalText(LIMITS.reason),
  /** §5e: the forum's item to speak on */
  agendaItemId: optionalId,
  /** §5e: checks an invitee in (rsvp → HALL, the invitation holds the ticket) */
  invitationId: optionalId,
});
export const voterTokenSchema = z.object({ voterToken: str().min(16).max(LIMITS.token) });

export const sessionRefSchema = z.object({ sessionId: id });
export const ticketRefSchema = z.object({ ticketId: id });
export const hallFinishSchema = z.object({
  ticketId: id,
  summary: optionalText(LIMITS.summary),
  followUp: z
    .object({ category: text(LIMITS.category), summary: text(LIMITS.summary) })
    .optional()
    .nullable()
    .transform((v) => v ?? undefined),
});
export const hallRequeueSchema = z.object({ ticketId: id, keepPlace: z.boolean().optional() });
export const hallPrioritizeSchema = z.object({ ticketId: id, reason: text(LIMITS.reason) });

export const sessionStatusSchema = z.enum(SESSION_STATUSES);
export const sessionUpdateSchema = z.object({
  sessionId: id,
  status: sessionStatusSchema.optional(),
  queueOpen: z.boolean().optional(),
  theme: str().trim().max(LIMITS.theme).optional(),
  streamUrl,
});

export const transcriptKindSchema = z.enum(TRANSCRIPT_KINDS);
export const speakerRoleSchema = z.enum(SPEAKER_ROLES);
export const visibilitySchema = z.enum(VISIBILITIES);
export const transcriptAppendSchema = z.object({
  sessionId: id,
  ticketId: id.optional().nullable().transform((v) => v ?? undefined),
  kind: transcriptKindSchema,
  speakerRole: speakerRoleSchema,
  speakerName: optionalText(LIMITS.name),
  text: text(LIMITS.transcriptText),
  visibility: visibilitySchema.default("PUBLIC"),
  requestId,
});
export const transcriptAmendSchema = z.object({ entryId: id, text: text(LIMITS.transcriptText) });

export type SessionWatchInput = z.input<typeof sessionWatchSchema>;
export type QueueJoinInput = z.input<typeof queueJoinSchema>;
export type DeskRegisterInput = z.input<typeof deskRegisterSchema>;
export type VoterTokenInput = z.input<typeof voterTokenSchema>;
export type SessionRefInput = z.input<typeof sessionRefSchema>;
export type TicketRefInput = z.input<typeof ticketRefSchema>;
export type HallFinishInput = z.input<typeof hallFinishSchema>;
export type HallRequeueInput = z.input<typeof hallRequeueSchema>;
export type HallPrioritizeInput = z.input<typeof hallPrioritizeSchema>;
export type SessionUpdateInput = z.input<typeof sessionUpdateSchema>;
export type TranscriptAppendInput = z.input<typeof transcriptAppendSchema>;
export type TranscriptAmendInput = z.input<typeof transcriptAmendSchema>;

// ── calls (§5b) ───────────────────────────────────────────────────────────────
export const CALL_LIMITS = { sdp: 32_000, candidate: 2_000 } as const;
export const callStartSchema = z.object({ ticketId: id });
export const callRefSchema = z.object({ callId: id });
export const callSignalSchema = z
  .object({
    callId: id,
    description: z
      .object({ type: z.enum(["offer", "answer", "pranswer", "rollback"]), sdp: z.string().max(CALL_LIMITS.sdp).optional() })
      .optional(),
    candidate: z
      .object({
        candidate: z.string().max(CALL_LIMITS.candidate),
        sdpMid: z.string().max(64).nullable().optional(),
        sdpMLineIndex: z.number().int().min(0).max(64).nullable().optional(),
        usernameFragment: z.string().max(256).nullable().optional(),
      })
      .nullable()
      .optional(),
  })
  .refine((v) => v.description !== undefined || v.candidate !== undefined, { message: "description or candidate", path: ["description"] });
export const callMuteSchema = z.object({ callId: id, muted: z.boolean() });
export const callRejoinSchema = z.object({ callId: id, voterToken: voterTokenSchema.shape.voterToken });

export type CallStartInput = z.input<typeof callStartSchema>;
export type CallRefInput = z.input<typeof callRefSchema>;
export type CallSignalInput = z.input<typeof callSignalSchema>;
export type CallMuteInput = z.input<typeof callMuteSchema>;
export type CallRejoinInput = z.input<typeof callRejoinSchema>;

/** zod issues → the contract's `details`: field path → message. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const details: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "_";
    details[key] ??= issue.message;
  }
  return details;
}

// ---- Bookings (预约) and support (附议), docs/ARCHITECTURE.md §6b -------------------------

/** A booking code as people type it: case and spaces do not matter. */
export const bookingCode = z
  .string()
  .trim()
  .max(LIMITS.bookingCode + 4)
  .transform((v) => v.replace(/[\s-]/g, "").toUpperCase())
  .pipe(z.string().regex(/^[A-Z0-9]{4,12}$/, "booking code"));

export const bookingCreateSchema = z.object({
  name: text(LIMITS.name),
  phone,
  topic: text(LIMITS.topic),
  question: optionalText(LIMITS.question),
  isPublic: z.boolean(),
  consentVersion,
  /** extension: see uuidRequestId; the same one again on the same day answers the first booking */
  requestId: uuidRequestId.optional(),
});
export const bookingCheckInSchema = z.object({ code: bookingCode, bookingToken: z.string().min(16).max(LIMITS.token) });
export const deskCheckInSchema = z.object({ sessionId: id, code: bookingCode });
/** extension: follow a booking's status page live (what GET /api/bookings/:code shows, no more) */
export const bookingWatchSchema = z.object({ code: bookingCode });
export const ticketSupportSchema = z.object({
  ticketId: id,
  /** the device's supporter token from an earlier answer; without one the server issues one */
  supporterToken: z.string().min(16).max(LIMITS.token).optional(),
});

// ---- Forums (座谈会), §5e ---------------------------------------------------

/** One agenda item as staff type it: a title and a time box (speakers get 3 minutes unless said). */
export const agendaItemInputSchema = z.object({
  title: text(LIMITS.agendaTitle),
  timeboxMin: z.number().int().min(1).max(600),
  speakerMin: z.number().int().min(1).max(60).optional(),
});
export const agendaSchema = z.array(agendaItemInputSchema).max(LIMITS.agendaItems);
export type AgendaItemInput = z.input<typeof agendaItemInputSchema>;

export type BookingCreateInput = z.input<typeof bookingCreateSchema>;
export type BookingCheckInInput = z.input<typeof bookingCheckInSchema>;
export type DeskCheckInInput = z.input<typeof deskCheckInSchema>;
export type BookingWatchInput = z.input<typeof bookingWatchSchema>;
export type TicketSupportInput = z.input<typeof ticketSupportSchema>;
