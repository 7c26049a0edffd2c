/**
 * The voter's own ticket in the watched session (own projection: full name,
 * question, tracking code). The voter token lives in localStorage keyed by
 * session so a reload or a phone waking from sleep finds the ticket again.
 */
import { create } from "zustand";
import type { TicketView } from "@protocol/model.ts";

export interface VoterTicketState {
  sessionId: string | null;
  voterToken: string | null;
  ticket: TicketView | null;
  /** resuming: token known, waiting for ticket:resume; lost: the server no longer knows the token */
  phase: "none" | "resuming" | "active" | "lost";
}

const keyOf = (sessionId: string) => `tongxin.voter.${sessionId}`;

export function readStoredToken(sessionId: string): string | null {
  try {
    return localStorage.getItem(keyOf(sessionId));
  } catch {
    return null;
  }
}

export function storeToken(sessionId: string, voterToken: string): void {
  try {
    localStorage.setItem(keyOf(sessionId), voterToken);
  } catch {
    // private mode: the ticket survives until the page closes
  }
}

function forgetToken(sessionId: string): void {
  try {
    localStorage.removeItem(keyOf(sessionId));
  } catch {
    // nothing stored
  }
}

export const useVoterTicket = create<VoterTicketState>()(() => ({
  sessionId: null,
  voterToken: null,
  ticket: null,
  phase: "none",
}));

/** Loads the stored token of a session (the socket module resumes it). */
export function loadVoterTicket(sessionId: string): string | null {
  const voterToken = readStoredToken(sessionId);
  useVoterTicket.setState({ sessionId, voterToken, ticket: null, phase: voterToken ? "resuming" : "none" });
  return voterToken;
}

export function clearVoterTicketState(): void {
  useVoterTicket.setState({ sessionId: null, voterToken: null, ticket: null, phase: "none" });
}

export function voterTicketJoined(sessionId: string, voterToken: string, ticket: TicketView): void {
  storeToken(sessionId, voterToken);
  useVoterTicket.setState({ sessionId, voterToken, ticket, phase: "active" });
}

/** A fresher own-projection ticket (ticket:event, resume, leave). */
export function voterTicketReceived(ticket: TicketView): void {
  const s = useVoterTicket.getState();
  if (s.sessionId !== ticket.sessionId) return;
  if (s.ticket && s.ticket.id !== ticket.id) return;
  useVoterTicket.setState({ ticket, phase: "active" });
}

export function voterTicketLost(): void {
  const { sessionId } = useVoterTicket.getState();
  if (sessionId) forgetToken(sessionId);
  useVoterTicket.setState({ voterToken: null, ticket: null, phase: "lost" });
}

/** "Join again" after leaving or a no-show: forget the old ticket. */
export function startOver(): void {
  const { sessionId } = useVoterTicket.getState();
  if (sessionId) forgetToken(sessionId);
  useVoterTicket.setState({ voterToken: null, ticket: null, phase: "none" });
}
