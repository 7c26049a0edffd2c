/**
 * The message box (全天候, docs/ARCHITECTURE.md §6d) and the public answer statistics: a
 * voter leaves a concern at a station (or for a deputy) any day and follows
 * it by its tracking code; the station's recent answering is public.
 * zod of the inputs and the views the server answers with.
 */
import { z } from "zod";
import type { CaseStatus, VenueKind } from "./model.ts";
import { id, LIMITS, phone, str, uuidRequestId } from "./schemas.ts";

export const MESSAGE_LIMITS = { text: 2000 } as const;

const text = (max: number) => str().trim().min(1).max(max);

/** POST /api/venues/:id/messages. `deputyId` (extension): the deputy addressed from their public page (/d/:id); `requestId` (extension): see uuidRequestId. */
export const messageCreateSchema = z
  .object({
    name: text(LIMITS.name),
    phone,
    topic: text(LIMITS.topic),
    text: text(MESSAGE_LIMITS.text),
    isPublic: z.boolean(),
    consentVersion: z.number().int().min(1).max(1_000_000).optional(),
    deputyId: id.optional(),
    requestId: uuidRequestId.optional(),
  })
  .strict();
export type MessageCreateInput = z.input<typeof messageCreateSchema>;
export type MessageCreate = z.output<typeof messageCreateSchema>;

/** The voter's message on the staff case page: phone masked (the full one only through the audited contact reveal). */
export interface MessageStaffView {
  name: string;
  phone: string | null;
  topic: string;
  text: string;
  isPublic: boolean;
  deputyId: string | null;
  deputyName: string | null;
  consentVersion: number | null;
  anonymized: boolean;
  createdAt: string;
}

/** GET /api/track/:code/data — what is stored about a message, for the code's holder (their own data, in full). */
export interface MessageDataExport {
  exportedAt: string;
  message: {
    name: string;
    phone: string | null;
    topic: string;
    text: string;
    isPublic: boolean;
    deputyName: string | null;
    consent: { version: number | null; at: string | null };
    createdAt: string;
    anonymizedAt: string | null;
  };
}

// ---- public pages -------------------------------------------------------------

export interface DeputyRef {
  id: string;
  name: string;
}

/** GET /api/venues/:id — a station's public page: no personal data beyond deputies' names. */
export interface VenuePublicView {
  id: string;
  name: string;
  kind: VenueKind;
  town: string;
  address: string;
  deputyGroupName: string | null;
  /** active DEPUTY accounts of this venue, each with a public page */
  deputies: DeputyRef[];
}

/** GET /api/deputies/:id — an active deputy's public page. */
export interface DeputyPublicView {
  id: string;
  name: string;
  groups: string[];
  venues: { id: string; name: string; town: string; address: string }[];
}

// ---- answer statistics (the public side of 量化积分) ---------------------------

/**
 * One venue over the window. A case is *answered* when its history first
 * reaches RESOLVED, CLOSED or REJECTED (each carries a reply to the voter:
 * the resolution or the reason); *within N days* when that was at most
 * `answerWithinDays` after it was opened. Only cases opened in the window count.
 */
/** The public answer numbers of one station (or of all), over the window. */
export interface AnswerNumbers {
  /** cases opened in the window (every source) */
  received: number;
  /** of them, left in the message box */
  messages: number;
  answered: number;
  answeredWithin: number;
  /** still OPEN/ASSIGNED/IN_PROGRESS */
  pending: number;
  /** mean of the voters' 1–5 ratings on these cases, null when none rated */
  satisfaction: number | null;
  rated: number;
}

export interface AnswerStatsRow extends AnswerNumbers {
  venueId: string;
  venueName: string;
  town: string;
}

export interface AnswerStatsView {
  windowDays: number;
  answerWithinDays: number;
  from: string;
  to: string;
  venues: AnswerStatsRow[];
}

export const ANSWERED_STATUSES = ["RESOLVED", "CLOSED", "REJECTED"] as const satisfies readonly CaseStatus[];
