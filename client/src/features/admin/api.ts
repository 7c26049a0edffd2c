/**
 * The back office's HTTP calls (docs/ARCHITECTURE.md §6), each one route of
 * the contract (server/src/protocol/http/): same origin, the staff cookie
 * rides along, answers typed as the server's handlers return them, errors as
 * the contract's codes.
 */
import type { HttpRouteKey, HttpRoutes } from "@protocol/http/index.ts";
import type { InputOf } from "@protocol/http/route.ts";
import { call, routeUrl } from "../../api.ts";

type In<K extends HttpRouteKey> = InputOf<HttpRoutes[K]>;
type Body<K extends HttpRouteKey> = NonNullable<In<K>["body"]>;
type Query<K extends HttpRouteKey> = NonNullable<In<K>["query"]>;

/** A reception day's details as the schedule form changes them (PATCH); a new day adds its venue. */
export type SessionInput = Body<"PATCH /api/sessions/:id">;
export type CaseFilter = Query<"GET /api/cases">;
export type CasePatchInput = Body<"PATCH /api/cases/:id">;
export type StatsFilter = Query<"GET /api/stats">;

export const boApi = {
  sessions: (q: Query<"GET /api/sessions">) => call("GET /api/sessions", { query: q }),
  createSession: (input: Body<"POST /api/sessions">) => call("POST /api/sessions", { body: input }),
  updateSession: (sessionId: string, input: SessionInput) => call("PATCH /api/sessions/:id", { params: { id: sessionId }, body: input }),
  record: (sessionId: string) => call("GET /api/sessions/:id/record", { params: { id: sessionId } }),
  audit: (sessionId: string) => call("GET /api/sessions/:id/audit", { params: { id: sessionId } }),
  recordCsvUrl: (sessionId: string, part: "tickets" | "transcript" | "events" | "agenda") =>
    routeUrl("GET /api/sessions/:id/record.csv", { params: { id: sessionId }, query: { part } }),
  minutesUrl: (sessionId: string) => routeUrl("GET /api/sessions/:id/minutes", { params: { id: sessionId } }),

  cases: (f: CaseFilter) => call("GET /api/cases", { query: f }),
  case: (caseId: string) => call("GET /api/cases/:id", { params: { id: caseId } }),
  patchCase: (caseId: string, patch: CasePatchInput) => call("PATCH /api/cases/:id", { params: { id: caseId }, body: patch }),
  addNote: (caseId: string, text: string) => call("POST /api/cases/:id/notes", { params: { id: caseId }, body: { text } }),
  openCase: (input: Body<"POST /api/cases">) => call("POST /api/cases", { body: input }),

  search: (q: string, limit?: number) => call("GET /api/search", { query: { q, limit } }),

  stats: (q: StatsFilter) => call("GET /api/stats", { query: q }),
  statsCsvUrl: (q: StatsFilter) => routeUrl("GET /api/stats.csv", { query: q }),
  weights: () => call("GET /api/stats/weights"),
  /** 需要关注: no-activity flags of a China-time month ("YYYY-MM"; default this month), overdue cases, the coming week */
  nudges: (month?: string) => call("GET /api/insights/nudges", { query: { month } }),
  saveWeights: (w: Body<"PUT /api/stats/weights">) => call("PUT /api/stats/weights", { body: w }),

  users: () => call("GET /api/admin/users"),
  createUser: (input: Body<"POST /api/admin/users">) => call("POST /api/admin/users", { body: input }),
  updateUser: (userId: string, patch: Body<"PATCH /api/admin/users/:id">) => call("PATCH /api/admin/users/:id", { params: { id: userId }, body: patch }),
  resetPassword: (userId: string, password: string) => call("POST /api/admin/users/:id/password", { params: { id: userId }, body: { password } }),
  createVenue: (input: Body<"POST /api/admin/venues">) => call("POST /api/admin/venues", { body: input }),
  updateVenue: (venueId: string, patch: Body<"PATCH /api/admin/venues/:id">) => call("PATCH /api/admin/venues/:id", { params: { id: venueId }, body: patch }),
  createGroup: (input: Body<"POST /api/admin/deputy-groups">) => call("POST /api/admin/deputy-groups", { body: input }),
  updateGroup: (groupId: string, patch: Body<"PATCH /api/admin/deputy-groups/:id">) =>
    call("PATCH /api/admin/deputy-groups/:id", { params: { id: groupId }, body: patch }),
};
