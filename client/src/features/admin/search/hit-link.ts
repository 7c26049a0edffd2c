import type { SearchHit } from "@protocol/back-office.ts";

/** Where a search hit opens: a case or a message on its case's page, a ticket or transcript line in its session's record. Pure. */
export function hitLink(h: Pick<SearchHit, "kind" | "id" | "sessionId" | "caseId">): string {
  if ((h.kind === "case" || h.kind === "message") && h.caseId) return `/admin/cases/${h.caseId}`;
  if (h.sessionId) return `/admin/records/${h.sessionId}#${h.kind === "ticket" ? "ticket" : "entry"}-${h.id}`;
  return "/admin/search";
}
