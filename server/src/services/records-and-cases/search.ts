/**
 * One search box over transcripts, tickets, cases and message-box messages
 * (GET /api/search), within the venues the caller may read. The bigram index
 * and the triggers that fill it live in the migrations
 * 20261126094500_back_office and 20261201140000_message_search; the query
 * plan is domain/search-query.ts.
 */
import { redactNumbers } from "../../domain/privacy.ts";
import { planPostgresSearch, planSearch, snippetOf } from "../../domain/search-query.ts";
import type { SearchHit, SearchKind, SearchResult } from "../../protocol/back-office.ts";
import type { CaseStatus } from "../../protocol/model.ts";
import { isPostgresUrl } from "../../store/prisma.ts";
import { BACK_OFFICE_ROLES, requireRole } from "../privacy-and-accounts/auth.ts";
import type { Actor, ServiceDeps } from "../deps.ts";
import { readableVenues } from "../privacy-and-accounts/venue-scope.ts";

interface DocRow {
  kind: SearchKind;
  refId: string;
  sessionId: string | null;
  venueId: string;
  at: Date | string;
  body: string;
}

const iso = (d: Date | string): string => (d instanceof Date ? d.toISOString() : new Date(d).toISOString());

/** Matching SearchDoc rows, newest first, at most `limit`. */
export async function findDocs(deps: Pick<ServiceDeps, "db" | "config">, q: string, venueIds: string[] | null, limit: number): Promise<{ rows: DocRow[]; terms: string[] }> {
  if (isPostgresUrl(deps.config.databaseUrl)) return findDocsPostgres(deps, q, venueIds, limit);
  const plan = planSearch(q);
  const where: string[] = [];
  const params: unknown[] = [];
  if (plan.match) {
    where.push(`search_bigram MATCH ?`);
    params.push(plan.match);
  }
  for (const like of plan.likes) {
    where.push(`d.body LIKE ? ESCAPE '\\'`);
    params.push(like);
  }
  if (venueIds) {
    where.push(`d.venueId IN (${venueIds.map(() => "?").join(",")})`);
    params.push(...venueIds);
  }
  const columns = `d.kind AS kind, d.refId AS refId, d.sessionId AS sessionId, d.venueId AS venueId, d.at AS at, d.body AS body`;
  // Driven by the index when there is a MATCH (FTS5 yields rowids in descending order cheaply).
  const sql = plan.match
    ? `SELECT ${columns} FROM search_bigram f JOIN SearchDoc d ON d.id = f.rowid WHERE ${where.join(" AND ")} ORDER BY f.rowid DESC LIMIT ?`
    : `SELECT ${columns} FROM SearchDoc d WHERE ${where.join(" AND ")} ORDER BY d.id DESC LIMIT ?`;
  params.push(limit);
  const rows = await deps.db.$queryRawUnsafe<DocRow[]>(sql, ...params);
  return { rows, terms: plan.terms };
}

/** PostgreSQL: SearchDoc.grams (GIN) narrows, ILIKE confirms (migration 20261126094500_back_office_search). */
async function findDocsPostgres(deps: Pick<ServiceDeps, "db">, q: string, venueIds: string[] | null, limit: number): Promise<{ rows: DocRow[]; terms: string[] }> {
  const plan = planPostgresSearch(q);
  const params: unknown[] = [plan.grams, plan.likes];
  let scope = "";
  if (venueIds) {
    params.push(venueIds);
    scope = `AND d."venueId" = ANY($3::text[])`;
  }
  params.push(limit);
  const rows = await deps.db.$queryRawUnsafe<DocRow[]>(
    `SELECT d."kind" AS "kind", d."refId" AS "refId", d."sessionId" AS "sessionId", d."venueId" AS "venueId", d."at" AS "at", d."body" AS "body"
       FROM "SearchDoc" d
      WHERE d."grams" @> $1::text[] AND d."body" ILIKE ALL($2::text[]) ${scope}
      ORDER BY d."id" DESC LIMIT $${params.length}`,
    ...params,
  );
  return { rows, terms: plan.terms };
}

export async function search(deps: ServiceDeps, actor: Actor, q: string, limit = 50): Promise<SearchResult> {
  const started = performance.now();
  const user = requireRole(actor, BACK_OFFICE_ROLES);
  const scope = readableVenues(user);
  if (scope && scope.length === 0) return { q, terms: [], results: [], truncated: false, tookMs: 0 };
  const { rows, terms } = await findDocs(deps, q, scope, limit + 1);
  const truncated = rows.length > limit;
  const hits = rows.slice(0, limit);

  const ids = (kind: SearchKind) => hits.filter((h) => h.kind === kind).map((h) => h.refId);
  const sessionIds = [...new Set(hits.map((h) => h.sessionId).filter((s): s is string => !!s))];
  const venueIds = [...new Set(hits.map((h) => h.venueId))];
  const [sessions, venues, entries, tickets, cases, messages] = await Promise.all([
    deps.db.receptionSession.findMany({ where: { id: { in: sessionIds } }, select: { id: true, title: true, startsAt: true } }),
    deps.db.venue.findMany({ where: { id: { in: venueIds } }, select: { id: true, name: true } }),
    deps.db.transcriptEntry.findMany({ where: { id: { in: ids("transcript") } }, select: { id: true, ticket: { select: { label: true } } } }),
    deps.db.ticket.findMany({ where: { id: { in: ids("ticket") } }, select: { id: true, label: true, case: { select: { id: true, trackingCode: true, status: true } } } }),
    deps.db.case.findMany({ where: { id: { in: ids("case") } }, select: { id: true, trackingCode: true, status: true, ticket: { select: { label: true } } } }),
    deps.db.voterMessage.findMany({ where: { id: { in: ids("message") } }, select: { id: true, case: { select: { id: true, trackingCode: true, status: true } } } }),
  ]);
  const sessionById = new Map(sessions.map((s) => [s.id, s]));
  const venueName = new Map(venues.map((v) => [v.id, v.name]));
  const labelOfEntry = new Map(entries.map((e) => [e.id, e.ticket?.label ?? null]));
  const ticketById = new Map(tickets.map((t) => [t.id, t]));
  const caseById = new Map(cases.map((c) => [c.id, c]));
  const caseOfMessage = new Map(messages.map((m) => [m.id, m.case]));

  const results = hits.map((h): SearchHit => {
    const session = h.sessionId ? sessionById.get(h.sessionId) : undefined;
    let ticketLabel: string | null = null;
    let kase: { id: string; trackingCode: string; status: CaseStatus } | null = null;
    if (h.kind === "transcript") ticketLabel = labelOfEntry.get(h.refId) ?? null;
    if (h.kind === "ticket") {
      const t = ticketById.get(h.refId);
      ticketLabel = t?.label ?? null;
      kase = t?.case ?? null;
    }
    if (h.kind === "case") {
      const c = caseById.get(h.refId);
      kase = c ? { id: c.id, trackingCode: c.trackingCode, status: c.status } : null;
      ticketLabel = c?.ticket?.label ?? null;
    }
    if (h.kind === "message") kase = caseOfMessage.get(h.refId) ?? null;
    return {
      kind: h.kind,
      id: h.refId,
      sessionId: h.sessionId,
      sessionTitle: session?.title ?? null,
      sessionStartsAt: session?.startsAt.toISOString() ?? null,
      venueId: h.venueId,
      venueName: venueName.get(h.venueId) ?? "",
      at: iso(h.at),
      // Voters write their number into the message too: a hit shows no phone-shaped number (the case page has the message).
      snippet: snippetOf(h.kind === "message" ? redactNumbers(h.body) : h.body, terms),
      ticketLabel,
      caseId: kase?.id ?? null,
      trackingCode: kase?.trackingCode ?? null,
      caseStatus: kase?.status ?? null,
    };
  });
  return { q, terms, results, truncated, tookMs: Math.round((performance.now() - started) * 10) / 10 };
}
