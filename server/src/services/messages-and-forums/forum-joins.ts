/**
 * A forum's joins (§5e): who may take a ticket and on which item's speakers'
 * list. Online, only an invitee (the RSVP link's token); at the desk, anyone,
 * and an invitee is checked in by their invitation. One active ticket per
 * invitation. Run inside the join's transaction, for a whole run of joins.
 */
import { defaultAgendaItem } from "../../domain/agenda.ts";
import { AppError } from "../../protocol/errors.ts";
import type { Channel } from "../../protocol/model.ts";
import type { Invitation } from "../../generated/prisma/client.ts";
import type { Tx } from "../../store/prisma.ts";
import type { SessionRow } from "../../store/views.ts";
import { tokenHash } from "../privacy-and-accounts/secrets.ts";

export interface ForumJoinRequest {
  name?: string | undefined;
  invitationToken?: string | undefined;
  invitationId?: string | undefined;
  agendaItemId?: string | undefined;
}

export interface ForumJoinPlan {
  name: string;
  agendaItemId: string | null;
  invitation: Invitation | null;
}

const ACTIVE = ["WAITING", "CALLED", "SPEAKING"] as const;

const nameRequired = () => new AppError("BAD_REQUEST", "请填写姓名 / a name is required", { name: "required" });

/** Reads the run's invitations once; answers a planner that checks each join in order. */
export async function forumJoinPlanner(
  tx: Tx,
  session: SessionRow,
  channel: Channel,
  requests: readonly ForumJoinRequest[],
): Promise<(r: ForumJoinRequest) => ForumJoinPlan | AppError> {
  if (session.kind !== "FORUM") {
    return (r) => (r.name ? { name: r.name, agendaItemId: null, invitation: null } : nameRequired());
  }
  const hashes = requests.map((r) => (r.invitationToken ? tokenHash(r.invitationToken) : null)).filter((h): h is string => h !== null);
  const ids = requests.map((r) => r.invitationId).filter((x): x is string => !!x);
  const invitations = hashes.length || ids.length
    ? await tx.invitation.findMany({ where: { sessionId: session.id, OR: [{ tokenHash: { in: hashes } }, { id: { in: ids } }] } })
    : [];
  const heldBy = invitations.map((i) => i.ticketId).filter((x): x is string => !!x);
  const active = new Set(
    heldBy.length ? (await tx.ticket.findMany({ where: { id: { in: heldBy }, status: { in: [...ACTIVE] } }, select: { id: true } })).map((t) => t.id) : [],
  );
  const usedInRun = new Set<string>();

  return (r) => {
    let invitation: Invitation | null = null;
    if (channel === "ONLINE") {
      if (!r.invitationToken) return new AppError("FORBIDDEN", "座谈会需凭邀请参加 / invitation required");
      const hash = tokenHash(r.invitationToken);
      invitation = invitations.find((i) => i.tokenHash === hash) ?? null;
      if (!invitation) return new AppError("FORBIDDEN", "邀请无效 / invitation required");
    } else if (r.invitationId) {
      invitation = invitations.find((i) => i.id === r.invitationId) ?? null;
      if (!invitation) return new AppError("NOT_FOUND", "本座谈会没有这个邀请 / no such invitation for this forum");
    }
    if (invitation && ((invitation.ticketId && active.has(invitation.ticketId)) || usedInRun.has(invitation.id))) {
      return new AppError("CONFLICT", "该邀请已有排号 / this invitation already holds a ticket");
    }
    let agendaItemId: string | null;
    if (r.agendaItemId) {
      const item = session.agenda.find((a) => a.id === r.agendaItemId && !a.endedAt);
      if (!item) return new AppError("BAD_REQUEST", "没有这个可发言的议程 / no such open agenda item", { agendaItemId: "no such open agenda item" });
      agendaItemId = item.id;
    } else {
      agendaItemId = defaultAgendaItem(session.agenda, session.currentAgendaItemId)?.id ?? null;
    }
    const name = r.name ?? invitation?.name;
    if (!name) return nameRequired();
    if (invitation) usedInRun.add(invitation.id);
    return { name, agendaItemId, invitation };
  };
}

/**
 * The invitation now holds its ticket: an online join answers ONLINE for an
 * invitee who had not answered (or had declined); the desk's check-in, HALL.
 */
export async function linkInvitation(tx: Tx, invitation: Invitation, ticketId: string, channel: Channel, now: Date): Promise<void> {
  const rsvp = channel === "IN_PERSON" ? "HALL" : invitation.rsvp === "HALL" ? "HALL" : "ONLINE";
  await tx.invitation.update({ where: { id: invitation.id }, data: { ticketId, rsvp, respondedAt: invitation.respondedAt ?? now } });
}
