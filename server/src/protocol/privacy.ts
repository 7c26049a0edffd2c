/**
 * Personal data over HTTP (docs/ARCHITECTURE.md §6c, docs/PRIVACY.md): the privacy notice,
 * the access audit, the retention preview and the voter's own data. zod
 * schemas of the inputs and the views the server answers with.
 */
import { z } from "zod";
import type { CaseStatus, TicketView, TrackView, TranscriptEntryView } from "./model.ts";
import { isoDate } from "./schemas.ts";

/**
 * Every action the audit records (docs/ARCHITECTURE.md §6f), `<what>.<verb>`: personal data
 * looked at or exported, every staff/deputy/department/admin write (HTTP and
 * socket: transport/audit-hooks.ts names each), a failed login and a refusal.
 * A closed list: a new write route or event needs its name here.
 */
export const AUDIT_ACTIONS = [
  "pii.reveal",
  "record.export",
  "auth.fail",
  "auth.password",
  "access.denied",
  "session.create",
  "session.update",
  "session.agenda",
  "session.agendaNext",
  "stream.key",
  "invitation.create",
  "invitation.delete",
  "invitation.link",
  "ticket.register",
  "ticket.callNext",
  "ticket.call",
  "ticket.start",
  "ticket.finish",
  "ticket.noShow",
  "ticket.requeue",
  "ticket.prioritize",
  "booking.checkIn",
  "transcript.append",
  "transcript.amend",
  "call.start",
  "call.end",
  "case.create",
  "case.update",
  "case.note",
  "user.create",
  "user.update",
  "user.password",
  "venue.create",
  "venue.update",
  "group.create",
  "group.update",
  "duty.weights",
  "duty.activity",
  "stats.weights",
  "notice.publish",
  "retention.run",
  "backup.create",
  "department.create",
  "department.update",
  "suggestion.create",
  "suggestion.update",
  "suggestion.submit",
  "suggestion.assign",
  "suggestion.answer",
  "suggestion.evaluate",
  "suggestion.return",
  "suggestion.classify",
  "suggestion.countersign",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const NOTICE_LIMIT = 5000;

export interface PrivacyNoticeView {
  version: number;
  /** the notice in each language, with the station's retention filled in */
  text: { "zh-CN": string; en: string };
  createdAt: string;
  retentionDays: number;
}

/** One version of the notice as the admin wrote it ({retentionDays} left in), for editing. */
export interface NoticeVersion {
  version: number;
  textZh: string;
  textEn: string;
  createdAt: string;
  createdBy: string | null;
}

export const noticeCreateSchema = z.object({
  textZh: z.string().trim().min(1).max(NOTICE_LIMIT),
  textEn: z.string().trim().min(1).max(NOTICE_LIMIT),
});
export type NoticeCreateInput = z.input<typeof noticeCreateSchema>;

export const auditQuerySchema = z.object({
  from: isoDate.optional(),
  to: isoDate.optional(),
  action: z.enum(AUDIT_ACTIONS).optional(),
  /** extension: "ok" (done) or "failed" (anything refused or failed) */
  result: z.enum(["ok", "failed"]).optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
});

/** GET /api/audit/verify: the whole chain recomputed (docs/ARCHITECTURE.md §6f). */
export interface AuditVerifyView {
  ok: boolean;
  /** the entries checked (from the anchor on) */
  entries: number;
  /** the seq (place in the chain, from 1) of the first entry that does not verify, or of the first one missing */
  firstBrokenAt?: number;
  /** extension: when that entry was written and what it records, when it is still there */
  broken?: { at: string; action: string };
}

export interface AuditEntryView {
  at: string;
  username: string;
  action: AuditAction | string;
  target: string;
  /** extension: "ok", or the error code answered (FORBIDDEN, CONFLICT, UNAUTHENTICATED…) */
  result: string;
  /** extension: the entry's place in the chain */
  seq: number | null;
  /**
   * extension: what `target` names, resolved for the admin's page (no raw ids
   * there): the day, the ticket's label, the case's tracking code, what an
   * export took. A part whose record is gone is left out.
   */
  about: AuditSubject;
}

export interface AuditSubject {
  session?: { id: string; title: string; startsAt: string; venueName: string };
  ticket?: { id: string; label: string };
  case?: { id: string; trackingCode: string };
  /** the staff account written to (its display name), a station, a booking code */
  user?: { id: string; displayName: string };
  venue?: { id: string; name: string };
  /** a refusal (access.denied): the action tried, or the route opened ("GET /api/audit") */
  tried?: string;
  route?: string;
  export?: { kind: "csv" | "minutes"; part?: string; phones?: string };
}

/** `?phones=full` on an export: admins only, audited. */
export const exportPhonesSchema = z.object({ phones: z.enum(["masked", "full"]).default("masked") });
export type PhoneDetail = z.output<typeof exportPhonesSchema>["phones"];

export interface RetentionPreview {
  retentionDays: number;
  /** null when retention is off (RETENTION_DAYS=0) */
  cutoff: string | null;
  /** tickets whose name, phone and question the next run anonymizes */
  tickets: number;
  /** closed cases without a ticket whose voter comment the next run clears */
  caseComments: number;
  /** message-box messages (docs/ARCHITECTURE.md §6d) whose name, phone and text the next run anonymizes */
  messages: number;
  lastRunAt: string | null;
  nextRunAt: string | null;
}

export interface RetentionOutcome {
  tickets: number;
  caseComments: number;
  /** bookings that never became a ticket (cancelled, no-show) */
  bookings: number;
  /** message-box messages whose case closed or was rejected before the cutoff */
  messages: number;
  /** a forum's invitations (§5e), RETENTION_DAYS after the forum ended */
  invitations: number;
  batches: number;
}

/** GET /api/me/data: everything stored about the holder of a voter token. */
export interface VoterDataExport {
  exportedAt: string;
  tickets: Array<{
    ticket: TicketView;
    session: { id: string; title: string; venueName: string; startsAt: string; status: string };
    consent: { version: number | null; at: string | null };
    anonymizedAt: string | null;
    transcript: TranscriptEntryView[];
    case: (TrackView & { status: CaseStatus }) | null;
    /** §5e: the forum invitation the ticket came from (the voter sees their own phone, as on the ticket) */
    invitation?: { name: string; organization: string; role: string; rsvp: string; phone: string | null; respondedAt: string | null } | null;
  }>;
}
