/**
 * Where the audit of writes and refusals is taken (docs/ARCHITECTURE.md §6f):
 * once for every HTTP route and once for every
 * socket event, after the service has answered (so a write is recorded after
 * it committed) and before the answer leaves, with its result. Only ids go
 * into an entry (`session:<id>`, `ticket:<id>`…), never a body or a payload.
 * Voters' own actions (joining, booking, a message) are not staff writes and
 * are not recorded; a refusal (403) answered to any logged-in caller is.
 * An account still on its initial password is not refused access but asked to
 * change it first (PASSWORD_CHANGE_REQUIRED, docs/SECURITY.md): its page loads
 * are not recorded, and a write it tried is recorded as that write with the
 * code as result, never as access.denied.
 */
import type { Request, RequestHandler, Response } from "express";
import type { Logger } from "../logger.ts";
import type { ErrorCode } from "../protocol/errors.ts";
import type { ClientEvent } from "../protocol/events.ts";
import type { AuditAction } from "../protocol/privacy.ts";
import { appendAudit } from "../services/privacy-and-accounts/audit.ts";
import { authenticate } from "../services/privacy-and-accounts/auth.ts";
import type { Actor, AuthUser, ServiceDeps } from "../services/deps.ts";
import { tokenOf } from "./http/http-kit.ts";

/** What kind of record a write's `:id` (or the created record's id) names, as the target's prefix. */
type Subject = "session" | "case" | "user" | "venue" | "group" | "invitation" | "activity" | "department" | "suggestion";

interface WriteSpec {
  action: AuditAction;
  subject?: Subject;
}

/**
 * Every write route (method and path as the route declares it) → what the
 * audit calls it, or null when it is not a staff write: a voter's, a
 * media server's, or one the service audits itself (a phone shown).
 * server/test/audit.test.ts checks every write route is listed here.
 */
export const HTTP_WRITES: Readonly<Record<string, WriteSpec | null>> = {
  "POST /sessions": { action: "session.create", subject: "session" },
  "PATCH /sessions/:id": { action: "session.update", subject: "session" },
  "PUT /sessions/:id/agenda": { action: "session.agenda", subject: "session" },
  "POST /sessions/:id/stream/key": { action: "stream.key", subject: "session" },
  "POST /sessions/:id/invitations": { action: "invitation.create", subject: "session" },
  "DELETE /invitations/:id": { action: "invitation.delete", subject: "invitation" },
  "POST /invitations/:id/link": { action: "invitation.link", subject: "invitation" },
  "POST /cases": { action: "case.create", subject: "case" },
  "PATCH /cases/:id": { action: "case.update", subject: "case" },
  "POST /cases/:id/notes": { action: "case.note", subject: "case" },
  "POST /users": { action: "user.create", subject: "user" },
  "PATCH /users/:id": { action: "user.update", subject: "user" },
  "POST /users/:id/password": { action: "user.password", subject: "user" },
  "POST /venues": { action: "venue.create", subject: "venue" },
  "PATCH /venues/:id": { action: "venue.update", subject: "venue" },
  "POST /deputy-groups": { action: "group.create", subject: "group" },
  "PATCH /deputy-groups/:id": { action: "group.update", subject: "group" },
  "POST /backups": { action: "backup.create" },
  "POST /departments": { action: "department.create", subject: "department" },
  "PATCH /departments/:id": { action: "department.update", subject: "department" },
  "POST /suggestions": { action: "suggestion.create", subject: "suggestion" },
  "PATCH /suggestions/:id": { action: "suggestion.update", subject: "suggestion" },
  "POST /suggestions/:id/submit": { action: "suggestion.submit", subject: "suggestion" },
  "POST /suggestions/:id/assign": { action: "suggestion.assign", subject: "suggestion" },
  "POST /suggestions/:id/answer": { action: "suggestion.answer", subject: "suggestion" },
  "POST /suggestions/:id/evaluate": { action: "suggestion.evaluate", subject: "suggestion" },
  "POST /suggestions/:id/return": { action: "suggestion.return", subject: "suggestion" },
  "POST /suggestions/:id/classify": { action: "suggestion.classify", subject: "suggestion" },
  "POST /suggestions/:id/countersign": { action: "suggestion.countersign", subject: "suggestion" },
  "PUT /duty/weights": { action: "duty.weights" },
  "POST /duty/activities": { action: "duty.activity", subject: "activity" },
  "PUT /stats/weights": { action: "stats.weights" },
  "POST /admin/privacy-notice": { action: "notice.publish" },
  "POST /admin/retention/run": { action: "retention.run" },
  // audited by the service itself (pii.reveal)
  "POST /tickets/:id/phone": null,
  // the account's own new password (no target: the entry's account is the subject)
  "POST /password": { action: "auth.password" },
  // the login's own (auth.fail is recorded by auth.routes.ts)
  "POST /login": null,
  "POST /logout": null,
  // the media server's hooks
  "POST /media/on-publish": null,
  "POST /media/on-publish-done": null,
  "POST /media/on-update": null,
  "POST /media/on-relay-publish": null,
  // voters' and invitees' own
  "POST /venues/:id/messages": null,
  "POST /track/:trackingCode/erase": null,
  "POST /track/:trackingCode/feedback": null,
  "POST /invitations/:token/rsvp": null,
  "POST /sessions/:id/bookings": null,
  "POST /bookings/:code/cancel": null,
  "POST /me/erase": null,
};

/**
 * The staff events of the live protocol → what the audit calls them; the
 * target is read from the payload's ids (and the answer's ticket).
 */
export const SOCKET_WRITES: Readonly<Partial<Record<ClientEvent, AuditAction>>> = {
  "desk:register": "ticket.register",
  "desk:checkIn": "booking.checkIn",
  "hall:callNext": "ticket.callNext",
  "hall:call": "ticket.call",
  "hall:start": "ticket.start",
  "hall:finish": "ticket.finish",
  "hall:noShow": "ticket.noShow",
  "hall:requeue": "ticket.requeue",
  "hall:prioritize": "ticket.prioritize",
  "hall:agendaNext": "session.agendaNext",
  "session:update": "session.update",
  "transcript:append": "transcript.append",
  "transcript:amend": "transcript.amend",
  "call:start": "call.start",
  "call:end": "call.end",
};

const ID = /^[A-Za-z0-9_-]{1,64}$/;
const idOf = (v: unknown): string | undefined => (typeof v === "string" && ID.test(v) ? v : undefined);

/** "ticket:<id> session:<id>" from the ids in an input and an answer (nothing else is read). */
function idsTarget(input: unknown, answer: unknown): string {
  const i = (input ?? {}) as Record<string, unknown>;
  const a = (answer ?? {}) as Record<string, unknown>;
  const ticket = a.ticket as Record<string, unknown> | undefined;
  const parts: string[] = [];
  const ticketId = idOf(i.ticketId) ?? idOf(ticket?.id);
  const sessionId = idOf(i.sessionId) ?? idOf(ticket?.sessionId);
  if (ticketId) parts.push(`ticket:${ticketId}`);
  if (sessionId) parts.push(`session:${sessionId}`);
  const callId = idOf(i.callId);
  if (callId) parts.push(`call:${callId}`);
  const entryId = idOf(i.entryId);
  if (entryId) parts.push(`transcript:${entryId}`);
  return parts.join(" ");
}

const resultOf = (code: ErrorCode | undefined): string => code ?? "ok";

/**
 * Express middleware, mounted before the routes: holds a response's last
 * write (`res.end`) until its entry is appended, for a listed write by a
 * logged-in caller and for every 403 answered to one.
 */
export function auditHttp(deps: ServiceDeps, log: Logger): RequestHandler {
  return (req, res, next) => {
    const end = res.end.bind(res) as (...args: unknown[]) => Response;
    res.end = ((...args: unknown[]) => {
      const entry = entryOf(req, res, args[0]);
      if (!entry) return end(...args);
      void callerOf(deps, req, res)
        .then((user) => (user ? appendAudit(deps.db, { at: deps.now(), userId: user.id, username: user.username, ...entry }) : undefined))
        .catch((e: unknown) => log.error("audit append failed", { where: "http", error: (e as Error)?.name ?? typeof e }))
        .finally(() => end(...args));
      return res;
    }) as Response["end"];
    next();
  };
}

function entryOf(req: Request, res: Response, chunk: unknown): { action: AuditAction; target: string; result: string } | null {
  // A router-wide gate (/api/admin) refuses before any route matched: the write is found by its path.
  const routePath = (req.route as { path?: unknown } | undefined)?.path;
  const pattern = typeof routePath === "string" ? routePath : res.statusCode === 403 ? writeRouteOf(req.method, req.originalUrl) : undefined;
  const spec = pattern !== undefined ? HTTP_WRITES[`${req.method} ${pattern}`] : undefined;
  // By the time an error is answered Express has left the route (req.params, req.baseUrl reset):
  // the route's parameters are read back from the path it matched.
  const route = pattern !== undefined ? matchTail(pattern, req.originalUrl) : null;
  const body = res.statusCode === 204 ? undefined : jsonOf(chunk);
  const code = res.statusCode >= 400 ? ((body as { error?: { code?: ErrorCode } } | undefined)?.error?.code ?? "INTERNAL") : undefined;
  if (code === "PASSWORD_CHANGE_REQUIRED") {
    return spec ? { action: spec.action, target: subjectTarget(spec, route?.params ?? {}, undefined).trim(), result: code } : null;
  }
  if (res.statusCode === 403) {
    // What was tried: the action and its record, or the route as declared (no ids from the path).
    const tried = spec ? `try=${spec.action}${subjectTarget(spec, route?.params ?? {}, undefined)}` : `route=${req.method}:${route && pattern ? route.base + pattern : pathOf(req.originalUrl)}`;
    return { action: "access.denied", target: tried, result: "FORBIDDEN" };
  }
  if (!spec) return null;
  return { action: spec.action, target: subjectTarget(spec, route?.params ?? {}, code ? undefined : body).trim(), result: resultOf(code) };
}

const pathOf = (url: string) => url.split("?")[0]!;

/** The listed write route whose declared path ends `url`'s path (the longest, if several). */
function writeRouteOf(method: string, url: string): string | undefined {
  let best: string | undefined;
  for (const key of Object.keys(HTTP_WRITES)) {
    const [m, pattern] = key.split(" ") as [string, string];
    if (m === method && matchTail(pattern, url) && (!best || pattern.length > best.length)) best = pattern;
  }
  return best;
}

/** `/sessions/:id` against `/api/sessions/abc?x=1` → base `/api`, params `{id: "abc"}`. */
function matchTail(pattern: string, url: string): { base: string; params: Record<string, string> } | null {
  const want = pattern.split("/").filter(Boolean);
  const have = pathOf(url).split("/").filter(Boolean);
  if (have.length < want.length) return null;
  const tail = have.slice(have.length - want.length);
  const params: Record<string, string> = {};
  for (const [i, w] of want.entries()) {
    if (w.startsWith(":")) params[w.slice(1)] = safeDecode(tail[i]!);
    else if (w !== tail[i]) return null;
  }
  return { base: `/${have.slice(0, have.length - want.length).join("/")}`.replace(/\/$/, ""), params };
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return "";
  }
}

/** " session:<id>" from the route's `:id`, or from the created record in the answer. */
function subjectTarget(spec: WriteSpec, params: Record<string, string>, body: unknown): string {
  if (!spec.subject) return "";
  const b = (body ?? {}) as Record<string, unknown>;
  const created = (b[spec.subject] ?? b) as Record<string, unknown>;
  const id = idOf(params.id) ?? idOf(created?.id);
  return id ? ` ${spec.subject}:${id}` : "";
}

function jsonOf(chunk: unknown): unknown {
  if (chunk === undefined || chunk === null) return undefined;
  try {
    return JSON.parse(typeof chunk === "string" ? chunk : Buffer.isBuffer(chunk) ? chunk.toString("utf8") : "");
  } catch {
    return undefined;
  }
}

async function callerOf(deps: ServiceDeps, req: Request, res: Response): Promise<AuthUser | null> {
  const gated = res.locals.actor as Actor | undefined;
  return gated?.user ?? authenticate(deps, tokenOf(req));
}

export type SocketAudit = (event: ClientEvent, input: unknown, outcome: { ok: true; data: unknown } | { ok: false; code: ErrorCode }) => Promise<void>;

/**
 * The socket's side: `lastUser` is who the connection's last staff event
 * was checked as (each handler authenticates; no extra read here).
 */
export function auditSocket(deps: ServiceDeps, log: Logger, lastUser: () => AuthUser | null): SocketAudit {
  return async (event, input, outcome) => {
    const user = lastUser();
    if (!user) return;
    const refused = !outcome.ok && outcome.code === "FORBIDDEN";
    const action = refused ? "access.denied" : SOCKET_WRITES[event];
    if (!action) return;
    const ids = idsTarget(input, outcome.ok ? outcome.data : undefined);
    const target = refused ? `try=${SOCKET_WRITES[event] ?? event} ${ids}`.trim() : ids;
    try {
      await appendAudit(deps.db, { at: deps.now(), userId: user.id, username: user.username, action, target, result: outcome.ok ? "ok" : outcome.code });
    } catch (e) {
      log.error("audit append failed", { where: event, error: (e as Error)?.name ?? typeof e });
    }
  };
}
