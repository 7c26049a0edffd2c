/** Forums (座谈会) (docs/ARCHITECTURE.md §5e): invitations and what each side sees of them. */
import type { AgendaItemView, InviteeRole, RsvpStatus, SessionStatus } from "./model.ts";

/** The staff's view of an invitation: the phone masked (138****5678). Never sent to viewers. */
export interface InvitationView {
  id: string;
  sessionId: string;
  name: string;
  organization: string;
  role: InviteeRole;
  phone: string | null;
  rsvp: RsvpStatus;
  respondedAt: string | null;
  ticketId: string | null;
  ticketLabel: string | null;
  createdAt: string;
}

/** POST /api/sessions/:id/invitations: the token is shown this once (only its hash is kept). */
export interface InvitationCreated {
  invitation: InvitationView;
  token: string;
  /** `/i/<token>`: the RSVP page */
  link: string;
}

/** GET /api/invitations/:token — what the invitation's holder sees (their own name; no phone). */
export interface InvitationPublicView {
  name: string;
  organization: string;
  role: InviteeRole;
  rsvp: RsvpStatus;
  respondedAt: string | null;
  ticketLabel: string | null;
  session: {
    id: string;
    title: string;
    theme: string;
    venueName: string;
    town: string;
    address: string;
    startsAt: string;
    endsAt: string;
    status: SessionStatus;
    agenda: AgendaItemView[];
  };
}
