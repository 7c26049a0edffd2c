/**
 * A forum's invitations (§5e): staff invite named participants; each gets a
 * one-time link `/i/<token>` (only the token's hash is stored) on which they
 * answer 到场 / 线上 / 不能参加. The link's token is also what lets them join
 * the forum online (services/messages-and-forums/forum-joins.ts).
 */
import { AppError } from "../../protocol/errors.ts";
import type { InvitationCreateInput, RsvpResponse } from "../../protocol/http-schemas.ts";
import type { InvitationCreated, InvitationPublicView, InvitationView } from "../../protocol/forums.ts";
import type { Db } from "../../store/prisma.ts";
import { findSessionOrThrow } from "../../store/lookups.ts";
import { INVITATION_SESSION_INCLUDE, toInvitationPublicView, toInvitationView, type InvitationWithSession } from "../../store/invitation-views.ts";
import { CLERK_ROLES, requireVenueRole } from "../privacy-and-accounts/auth.ts";
import type { Actor, ServiceDeps } from "../deps.ts";
import { newToken, tokenHash } from "../privacy-and-accounts/secrets.ts";

const NO_SUCH = () => new AppError("NOT_FOUND", "没有这个邀请 / no such invitation");

async function labelsOf(db: Db, ticketIds: readonly (string | null)[]): Promise<Map<string, string>> {
  const ids = ticketIds.filter((x): x is string => !!x);
  if (!ids.length) return new Map();
  const rows = await db.ticket.findMany({ where: { id: { in: ids } }, select: { id: true, label: true } });
  return new Map(rows.map((t) => [t.id, t.label]));
}

/** POST /api/sessions/:id/invitations (staff of the venue): the token is in this answer only. */
export async function createInvitation(deps: ServiceDeps, actor: Actor, sessionId: string, input: InvitationCreateInput): Promise<InvitationCreated> {
  const session = await findSessionOrThrow(deps.db, sessionId);
  requireVenueRole(actor, session.venueId, CLERK_ROLES);
  if (session.kind !== "FORUM") throw new AppError("BAD_REQUEST", "只有座谈会可以邀请 / only a forum takes invitations", { kind: "not a forum" });
  if (session.status === "ENDED") throw new AppError("CONFLICT", "座谈会已结束 / the forum has ended");
  const token = newToken();
  const row = await deps.db.invitation.create({
    data: {
      sessionId,
      name: input.name,
      organization: input.organization ?? "",
      role: input.role,
      phone: input.phone ?? null,
      tokenHash: tokenHash(token),
      createdAt: deps.now(),
    },
  });
  return { invitation: toInvitationView(row, null), token, link: `/i/${token}` };
}

/** GET /api/sessions/:id/invitations (staff and deputies of the venue): phones masked. */
export async function listInvitations(deps: ServiceDeps, actor: Actor, sessionId: string): Promise<{ invitations: InvitationView[] }> {
  const session = await findSessionOrThrow(deps.db, sessionId);
  requireVenueRole(actor, session.venueId);
  const rows = await deps.db.invitation.findMany({ where: { sessionId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  const labels = await labelsOf(deps.db, rows.map((r) => r.ticketId));
  return { invitations: rows.map((r) => toInvitationView(r, r.ticketId ? (labels.get(r.ticketId) ?? null) : null)) };
}

/** DELETE /api/invitations/:id (staff of the venue): only while the invitation holds no ticket. */
export async function deleteInvitation(deps: ServiceDeps, actor: Actor, id: string): Promise<void> {
  const row = await deps.db.invitation.findUnique({ where: { id }, include: { session: { select: { venueId: true } } } });
  if (!row) throw NO_SUCH();
  requireVenueRole(actor, row.session.venueId, CLERK_ROLES);
  if (row.ticketId) throw new AppError("CONFLICT", "该邀请已有排号，不能删除 / this invitation holds a ticket");
  const { count } = await deps.db.invitation.deleteMany({ where: { id, ticketId: null } });
  if (!count) throw new AppError("CONFLICT", "该邀请已有排号，不能删除 / this invitation holds a ticket");
}

/**
 * POST /api/invitations/:id/link (staff of the venue): a new link for an
 * invitation whose token was shown once and lost; the old link stops working.
 */
export async function reissueInvitationLink(deps: ServiceDeps, actor: Actor, id: string): Promise<InvitationCreated> {
  const row = await deps.db.invitation.findUnique({ where: { id }, include: { session: { select: { venueId: true, status: true } } } });
  if (!row) throw NO_SUCH();
  requireVenueRole(actor, row.session.venueId, CLERK_ROLES);
  if (row.session.status === "ENDED") throw new AppError("CONFLICT", "座谈会已结束 / the forum has ended");
  const token = newToken();
  const updated = await deps.db.invitation.update({ where: { id }, data: { tokenHash: tokenHash(token) } });
  const labels = await labelsOf(deps.db, [updated.ticketId]);
  return { invitation: toInvitationView(updated, updated.ticketId ? (labels.get(updated.ticketId) ?? null) : null), token, link: `/i/${token}` };
}

async function byToken(deps: ServiceDeps, token: string): Promise<InvitationWithSession> {
  const row = await deps.db.invitation.findUnique({ where: { tokenHash: tokenHash(token) }, include: INVITATION_SESSION_INCLUDE });
  if (!row) throw NO_SUCH();
  return row;
}

async function publicView(deps: ServiceDeps, row: InvitationWithSession): Promise<InvitationPublicView> {
  const labels = await labelsOf(deps.db, [row.ticketId]);
  return toInvitationPublicView(row, row.ticketId ? (labels.get(row.ticketId) ?? null) : null);
}

/** GET /api/invitations/:token (public: the token is the credential). */
export async function invitationByToken(deps: ServiceDeps, token: string): Promise<InvitationPublicView> {
  return publicView(deps, await byToken(deps, token));
}

/** POST /api/invitations/:token/rsvp: an invitee may change their mind until the forum ends. */
export async function answerInvitation(deps: ServiceDeps, token: string, response: RsvpResponse): Promise<InvitationPublicView> {
  const row = await byToken(deps, token);
  const now = deps.now();
  if (row.session.status === "ENDED" || row.session.endsAt <= now) throw new AppError("CONFLICT", "座谈会已结束 / the forum has ended");
  const updated = await deps.db.invitation.update({ where: { id: row.id }, data: { rsvp: response, respondedAt: now }, include: INVITATION_SESSION_INCLUDE });
  return publicView(deps, updated);
}
