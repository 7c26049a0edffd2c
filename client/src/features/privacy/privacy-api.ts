/** Personal data over HTTP (docs/ARCHITECTURE.md §6c, docs/PRIVACY.md): the notice, the audited reveal, the voter's own data, and the admin's views. */
import type { AuditAction, AuditEntryView, AuditVerifyView, PrivacyNoticeView, RetentionOutcome, RetentionPreview, VoterDataExport } from "@protocol/privacy.ts";
import type { TicketView } from "@protocol/model.ts";
import { request } from "../../api.ts";

const id = encodeURIComponent;
const asVoter = (voterToken: string) => ({ "x-voter-token": voterToken });

export interface NoticeVersion {
  version: number;
  textZh: string;
  textEn: string;
  createdAt: string;
  createdBy: string | null;
}

export const privacyApi = {
  notice: () => request<{ notice: PrivacyNoticeView }>("GET", "/api/privacy-notice"),
  revealTicketPhone: (ticketId: string) => request<{ phone: string | null }>("POST", `/api/tickets/${id(ticketId)}/phone`, {}),
  caseContact: (caseId: string) => request<{ name: string | null; phone: string | null }>("GET", `/api/cases/${id(caseId)}/contact`),
  myData: (voterToken: string) => request<VoterDataExport>("GET", "/api/me/data", undefined, asVoter(voterToken)),
  eraseMyData: (voterToken: string) => request<{ ticket: TicketView }>("POST", "/api/me/erase", {}, asVoter(voterToken)),
  noticeVersions: () => request<{ versions: NoticeVersion[] }>("GET", "/api/admin/privacy-notice"),
  publishNotice: (textZh: string, textEn: string) => request<{ notice: PrivacyNoticeView }>("POST", "/api/admin/privacy-notice", { textZh, textEn }),
  audit: (q: { from?: string; to?: string; action?: AuditAction; result?: "ok" | "failed" }) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(q)) if (v) params.set(k, v);
    return request<{ entries: AuditEntryView[] }>("GET", `/api/audit?${params}`);
  },
  auditVerify: () => request<AuditVerifyView>("GET", "/api/audit/verify"),
  retention: () => request<RetentionPreview>("GET", "/api/admin/retention"),
  runRetention: () => request<RetentionOutcome>("POST", "/api/admin/retention/run", {}),
};
