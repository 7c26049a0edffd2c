/** Invitation rows → wire views (§5e): staff see the phone masked; the token's holder sees no phone. */
import type { AgendaItem, Invitation, ReceptionSession, Venue } from "../generated/prisma/client.ts";
import { maskPhone } from "../domain/privacy.ts";
import type { InvitationPublicView, InvitationView } from "../protocol/forums.ts";
import { toAgendaItemView } from "./views.ts";

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

export function toInvitationView(i: Invitation, ticketLabel: string | null): InvitationView {
  return {
    id: i.id,
    sessionId: i.sessionId,
    name: i.name,
    organization: i.organization,
    role: i.role,
    phone: maskPhone(i.phone),
    rsvp: i.rsvp,
    respondedAt: iso(i.respondedAt),
    ticketId: i.ticketId,
    ticketLabel,
    createdAt: i.createdAt.toISOString(),
  };
}

/** What the invitation's public view needs of the forum. */
export const INVITATION_SESSION_INCLUDE = {
  session: { include: { venue: { select: { name: true, town: true, address: true } }, agenda: { orderBy: { position: "asc" } } } },
} as const;

export type InvitationWithSession = Invitation & {
  session: ReceptionSession & { venue: Pick<Venue, "name" | "town" | "address">; agenda: AgendaItem[] };
};

export function toInvitationPublicView(i: InvitationWithSession, ticketLabel: string | null): InvitationPublicView {
  const s = i.session;
  return {
    name: i.name,
    organization: i.organization,
    role: i.role,
    rsvp: i.rsvp,
    respondedAt: iso(i.respondedAt),
    ticketLabel,
    session: {
      id: s.id,
      title: s.title,
      theme: s.theme,
      venueName: s.venue.name,
      town: s.venue.town,
      address: s.venue.address,
      startsAt: s.startsAt.toISOString(),
      endsAt: s.endsAt.toISOString(),
      status: s.status,
      agenda: s.agenda.map((a) => toAgendaItemView(a, s.currentAgendaItemId)),
    },
  };
}
