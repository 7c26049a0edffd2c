/**
 * The back office's HTTP calls (docs/ARCHITECTURE.md §6): same origin, the
 * staff cookie rides along, errors come back as the contract's codes.
 */
import type {
  AdminUserView,
  AdminVenueView,
  CaseDetail,
  CaseEventView,
  CaseListItem,
  ScoringWeightsView,
  SearchResult,
  StatsReport,
  WeightsInput,
} from "@protocol/back-office.ts";
import type { NudgeReport } from "@protocol/nudges.ts";
import type {
  AgendaItemView,
  CaseStatus,
  CaseView,
  DeputyGroupView,
  LiveEvent,
  Role,
  SessionKind,
  SessionStatus,
  SessionView,
  TicketView,
  TranscriptEntryView,
  VenueKind,
} from "@protocol/model.ts";
import type { AgendaItemInput } from "@protocol/schemas.ts";
import type { ListedSession } from "@protocol/sessions.ts";
import { request } from "../../api.ts";

/** `?a=1&b=2` from the defined, non-empty values. */
export function query(params: Record<string, string | number | boolean | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== "") q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : "";
}

const id = encodeURIComponent;

export interface SessionRecord {
  session: SessionView;
  tickets: TicketView[];
  transcript: TranscriptEntryView[];
  events: LiveEvent[];
  cases: CaseView[];
  /** 座谈会: the agenda as held (absent or empty for a reception) */
  agenda?: AgendaItemView[];
}

export interface AuditLine {
  seq: number;
  type: string;
  at: string;
  actorName: string | null;
  summary: string;
}

export interface SessionInput {
  venueId?: string;
  title?: string;
  theme?: string;
  startsAt?: string;
  endsAt?: string;
  deputies?: string[];
  streamUrl?: string | null;
  slotMin?: number;
  walkInHeadStartMin?: number;
  /** 预约 (docs/ARCHITECTURE.md §6b): 0 places = no bookings; the window's ends, null = the default */
  bookingCapacity?: number;
  bookingOpensAt?: string | null;
  bookingClosesAt?: string | null;
  status?: SessionStatus;
  /** 座谈会 (§5e): the kind and its agenda */
  kind?: SessionKind;
  agenda?: AgendaItemInput[];
}

export interface CaseFilter {
  /** "support": most 附议 first */
  sort?: "support";
  status?: string;
  /** TURN | STAFF | MESSAGE, or a comma list (docs/ARCHITECTURE.md §6d) */
  source?: string;
  venueId?: string;
  from?: string;
  to?: string;
  q?: string;
  overdue?: "1" | "0";
  limit?: number;
}

export interface CasePatchInput {
  status?: CaseStatus;
  assignee?: string | null;
  dueAt?: string | null;
  resolution?: string;
  rejectReason?: string;
  note?: string;
}

export const boApi = {
  sessions: (q: { venueId?: string; town?: string; from?: string; to?: string; status?: string; theme?: string; limit?: number }) =>
    request<{ sessions: ListedSession[] }>("GET", `/api/sessions${query(q)}`),
  createSession: (input: SessionInput) => request<{ session: SessionView }>("POST", "/api/sessions", input),
  updateSession: (sessionId: string, input: SessionInput) => request<{ session: SessionView }>("PATCH", `/api/sessions/${id(sessionId)}`, input),
  record: (sessionId: string) => request<SessionRecord>("GET", `/api/sessions/${id(sessionId)}/record`),
  audit: (sessionId: string) => request<{ events: AuditLine[] }>("GET", `/api/sessions/${id(sessionId)}/audit`),
  recordCsvUrl: (sessionId: string, part: "tickets" | "transcript" | "events" | "agenda") => `/api/sessions/${id(sessionId)}/record.csv${query({ part })}`,
  minutesUrl: (sessionId: string) => `/api/sessions/${id(sessionId)}/minutes`,

  cases: (f: CaseFilter) => request<{ cases: CaseListItem[]; total: number }>("GET", `/api/cases${query({ ...f })}`),
  case: (caseId: string) => request<CaseDetail>("GET", `/api/cases/${id(caseId)}`),
  patchCase: (caseId: string, patch: CasePatchInput) => request<CaseDetail>("PATCH", `/api/cases/${id(caseId)}`, patch),
  addNote: (caseId: string, text: string) => request<{ event: CaseEventView }>("POST", `/api/cases/${id(caseId)}/notes`, { text }),
  openCase: (input: { venueId: string; sessionId?: string | null; category: string; summary: string; assignee?: string | null; dueAt?: string | null }) =>
    request<CaseDetail>("POST", "/api/cases", input),

  search: (q: string, limit?: number) => request<SearchResult>("GET", `/api/search${query({ q, limit })}`),

  stats: (q: { from?: string; to?: string; groupBy: "venue" | "deputyGroup"; town?: string }) => request<StatsReport>("GET", `/api/stats${query(q)}`),
  statsCsvUrl: (q: { from?: string; to?: string; groupBy: "venue" | "deputyGroup"; town?: string }) => `/api/stats.csv${query(q)}`,
  weights: () => request<ScoringWeightsView>("GET", "/api/stats/weights"),
  /** 需要关注: no-activity flags of a China-time month ("YYYY-MM"; default this month), overdue cases, the coming week */
  nudges: (month?: string) => request<NudgeReport>("GET", `/api/insights/nudges${query({ month })}`),
  saveWeights: (w: WeightsInput) => request<ScoringWeightsView>("PUT", "/api/stats/weights", w),

  users: () => request<{ users: AdminUserView[] }>("GET", "/api/admin/users"),
  createUser: (input: { username: string; displayName: string; role: Role; password: string; venueIds: string[]; departmentId?: string }) =>
    request<{ user: AdminUserView }>("POST", "/api/admin/users", input),
  updateUser: (userId: string, patch: { displayName?: string; role?: Role; disabled?: boolean; venueIds?: string[]; departmentId?: string }) =>
    request<{ user: AdminUserView }>("PATCH", `/api/admin/users/${id(userId)}`, patch),
  resetPassword: (userId: string, password: string) => request<{ ok: true }>("POST", `/api/admin/users/${id(userId)}/password`, { password }),
  createVenue: (input: { name: string; kind: VenueKind; town: string; address?: string; parentId?: string | null; deputyGroupId?: string | null }) =>
    request<{ venue: AdminVenueView }>("POST", "/api/admin/venues", input),
  updateVenue: (venueId: string, patch: { name?: string; kind?: VenueKind; town?: string; address?: string; parentId?: string | null; deputyGroupId?: string | null }) =>
    request<{ venue: AdminVenueView }>("PATCH", `/api/admin/venues/${id(venueId)}`, patch),
  createGroup: (input: { name: string; town: string }) => request<{ deputyGroup: DeputyGroupView }>("POST", "/api/admin/deputy-groups", input),
  updateGroup: (groupId: string, patch: { name?: string; town?: string }) =>
    request<{ deputyGroup: DeputyGroupView }>("PATCH", `/api/admin/deputy-groups/${id(groupId)}`, patch),
};
