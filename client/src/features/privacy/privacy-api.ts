/** Personal data over HTTP (docs/ARCHITECTURE.md §6c, docs/PRIVACY.md): the notice, the audited reveal, the voter's own data, and the admin's views. */
import type { AuditAction } from "@protocol/privacy.ts";
import { call } from "../../api.ts";

export type { NoticeVersion } from "@protocol/privacy.ts";

/** The voter's token is the credential of their own data: sent as x-voter-token. */
const asVoter = (voterToken: string) => ({ "x-voter-token": voterToken });

export const privacyApi = {
  notice: () => call("GET /api/privacy-notice"),
  revealTicketPhone: (ticketId: string) => call("POST /api/tickets/:id/phone", { params: { id: ticketId } }),
  caseContact: (caseId: string) => call("GET /api/cases/:id/contact", { params: { id: caseId } }),
  myData: (voterToken: string) => call("GET /api/me/data", { headers: asVoter(voterToken) }),
  eraseMyData: (voterToken: string) => call("POST /api/me/erase", { headers: asVoter(voterToken) }),
  noticeVersions: () => call("GET /api/admin/privacy-notice"),
  publishNotice: (textZh: string, textEn: string) => call("POST /api/admin/privacy-notice", { body: { textZh, textEn } }),
  /** empty filters are left out of the query */
  audit: (q: { from?: string; to?: string; action?: AuditAction; result?: "ok" | "failed" }) => call("GET /api/audit", { query: q }),
  auditVerify: () => call("GET /api/audit/verify"),
  retention: () => call("GET /api/admin/retention"),
  runRetention: () => call("POST /api/admin/retention/run"),
};
