/**
 * The forum's HTTP calls (docs/ARCHITECTURE.md §6): the invitation holder's
 * page (public, by token) and the staff's agenda and invitation lists.
 */
import type { RsvpResponse } from "@protocol/http-schemas.ts";
import type { AgendaItemInput } from "@protocol/schemas.ts";
import { call, type CallInput } from "../../api.ts";

export type { AgendaItemInput };

export type RsvpAnswer = RsvpResponse;

export type InvitationInput = CallInput<"POST /api/sessions/:id/invitations">["body"];

export const forumApi = {
  invitation: (token: string) => call("GET /api/invitations/:token", { params: { token } }),
  rsvp: (token: string, response: RsvpAnswer) => call("POST /api/invitations/:token/rsvp", { params: { token }, body: { response } }),

  putAgenda: (sessionId: string, items: AgendaItemInput[]) => call("PUT /api/sessions/:id/agenda", { params: { id: sessionId }, body: { items } }),
  invitations: (sessionId: string) => call("GET /api/sessions/:id/invitations", { params: { id: sessionId } }),
  invite: (sessionId: string, input: InvitationInput) => call("POST /api/sessions/:id/invitations", { params: { id: sessionId }, body: input }),
  /** a new link for a lost one: the old token stops working */
  reissueLink: (invitationId: string) => call("POST /api/invitations/:id/link", { params: { id: invitationId } }),
  removeInvitation: (invitationId: string) => call("DELETE /api/invitations/:id", { params: { id: invitationId } }),
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
