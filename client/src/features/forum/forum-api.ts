/**
 * The forum's HTTP calls (docs/ARCHITECTURE.md §6): the invitation holder's
 * page (public, by token) and the staff's agenda and invitation lists.
 */
import type { InvitationCreated, InvitationPublicView, InvitationView, InviteeRole, SessionView } from "@protocol/model.ts";
import type { RsvpResponse } from "@protocol/http-schemas.ts";
import type { AgendaItemInput } from "@protocol/schemas.ts";
import { request } from "../../api.ts";

export type { AgendaItemInput };

const id = encodeURIComponent;

export type RsvpAnswer = RsvpResponse;

export interface InvitationInput {
  name: string;
  organization?: string;
  role: InviteeRole;
  phone?: string;
}

export const forumApi = {
  invitation: (token: string) => request<InvitationPublicView>("GET", `/api/invitations/${id(token)}`),
  rsvp: (token: string, response: RsvpAnswer) => request<InvitationPublicView>("POST", `/api/invitations/${id(token)}/rsvp`, { response }),

  putAgenda: (sessionId: string, items: AgendaItemInput[]) => request<{ session: SessionView }>("PUT", `/api/sessions/${id(sessionId)}/agenda`, { items }),
  invitations: (sessionId: string) => request<{ invitations: InvitationView[] }>("GET", `/api/sessions/${id(sessionId)}/invitations`),
  invite: (sessionId: string, input: InvitationInput) =>
    request<InvitationCreated>("POST", `/api/sessions/${id(sessionId)}/invitations`, input),
  /** a new link for a lost one: the old token stops working */
  reissueLink: (invitationId: string) => request<InvitationCreated>("POST", `/api/invitations/${id(invitationId)}/link`, {}),
  removeInvitation: (invitationId: string) => request<unknown>("DELETE", `/api/invitations/${id(invitationId)}`),
};

const inviteKey = (sessionId: string) => `tongxin.invite.${sessionId}`;

/** The invitation token of a forum on this phone (from ?invite=), kept like the voter token so a reload still has it. */
export function readInviteToken(sessionId: string): string | null {
  try {
    return localStorage.getItem(inviteKey(sessionId));
  } catch {
    return null;
  }
}

export function storeInviteToken(sessionId: string, token: string): void {
  try {
    localStorage.setItem(inviteKey(sessionId), token);
  } catch {
    // private mode: the link in the address bar is the only copy
  }
}
