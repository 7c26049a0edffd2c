/**
 * Personal data over HTTP (docs/ARCHITECTURE.md §6c, docs/PRIVACY.md): the
 * privacy notice (public) and its versions (admin), the audit of who looked
 * (admin), the retention preview (admin), the audited "show phone" of staff
 * screens, and the voter's own data and erase (header x-voter-token).
 */
import type { TicketView } from "../model.ts";
import {
  auditQuerySchema,
  noticeCreateSchema,
  type AuditEntryView,
  type AuditVerifyView,
  type NoticeVersion,
  type PrivacyNoticeView,
  type RetentionOutcome,
  type RetentionPreview,
  type VoterDataExport,
} from "../privacy.ts";
import { idParam } from "./params.ts";
import { entry, json } from "./route.ts";

const tag = "privacy";
const BACK_OFFICE = ["ADMIN", "STAFF", "DEPUTY"] as const;
const ADMIN = ["ADMIN"] as const;

export const privacyRoutes = {
  "GET /api/privacy-notice": entry({
    summary: "The current privacy notice, in both languages",
    tag,
    access: "public",
    reply: json<{ notice: PrivacyNoticeView }>(),
    refuses: ["NOT_FOUND"],
  }),
  "GET /api/admin/privacy-notice": entry({
    summary: "The notice's versions as written, newest first",
    tag,
    access: ADMIN,
    reply: json<{ versions: NoticeVersion[] }>(),
  }),
  "POST /api/admin/privacy-notice": entry({
    summary: "Publish a new version of the notice (earlier ones stay: tickets point at them)",
    tag,
    access: ADMIN,
    body: noticeCreateSchema,
    status: 201,
    reply: json<{ notice: PrivacyNoticeView }>(),
  }),
  "GET /api/audit/verify": entry({ summary: "The audit chain recomputed: intact, or where it broke", tag, access: ADMIN, reply: json<AuditVerifyView>() }),
  "GET /api/audit": entry({
    summary: "Who looked at or changed what, filtered by dates, action or result",
    tag,
    access: ADMIN,
    query: auditQuerySchema,
    reply: json<{ entries: AuditEntryView[] }>(),
  }),
  "GET /api/admin/retention": entry({ summary: "What the retention run would erase now", tag, access: ADMIN, reply: json<RetentionPreview>() }),
  "POST /api/admin/retention/run": entry({ summary: "Run the retention now", tag, access: ADMIN, reply: json<RetentionOutcome>() }),
  "POST /api/tickets/:id/phone": entry({
    summary: "Show a ticket's full phone (audited)",
    tag,
    access: BACK_OFFICE,
    params: idParam,
    reply: json<{ phone: string | null }>(),
    refuses: ["NOT_FOUND"],
  }),
  "GET /api/cases/:id/contact": entry({
    summary: "Show a case's contact name and phone (audited)",
    tag,
    access: BACK_OFFICE,
    params: idParam,
    reply: json<{ name: string | null; phone: string | null }>(),
    refuses: ["NOT_FOUND"],
  }),
  "GET /api/me/data": entry({
    summary: "The voter's own data, as a download (header x-voter-token: the ticket's voter token)",
    tag,
    access: "public",
    reply: json<VoterDataExport>(),
    refuses: ["NOT_FOUND"],
  }),
  "POST /api/me/erase": entry({
    summary: "Erase the voter's personal data (header x-voter-token)",
    tag,
    access: "public",
    reply: json<{ ticket: TicketView }>(),
    refuses: ["NOT_FOUND"],
  }),
} as const;
