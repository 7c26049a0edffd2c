/**
 * The voter's own rights (docs/ARCHITECTURE.md §6c), with the voter token as the key: see
 * everything stored about their ticket (a JSON download), and erase their
 * name, phone and private question. The ticket, its label and the public
 * transcript stay, and so does the case and its tracking code.
 */
import { projectTicket } from "../../domain/projections.ts";
import { AppError } from "../../protocol/errors.ts";
import type { TicketView } from "../../protocol/model.ts";
import type { VoterDataExport } from "../../protocol/privacy.ts";
import { anonymizeTickets } from "../../store/anonymize.ts";
import { WITH_TRACKING_CODE } from "../../store/tickets.ts";
import { toTicketView, toTranscriptView } from "../../store/views.ts";
import type { ServiceDeps } from "../deps.ts";
import { tokenHash } from "./secrets.ts";
import { trackCase } from "../records-and-cases/tracking.ts";

function requireToken(voterToken: string | undefined): string {
  if (!voterToken || voterToken.length < 16 || voterToken.length > 200) throw new AppError("UNAUTHENTICATED", "需要排号凭证 / voter token required");
  return voterToken;
}

async function ticketOf(deps: ServiceDeps, voterToken: string | undefined) {
  const row = await deps.db.ticket.findUnique({
    where: { voterTokenHash: tokenHash(requireToken(voterToken)) },
    include: { ...WITH_TRACKING_CODE, session: { include: { venue: { select: { name: true } } } } },
  });
  if (!row) throw new AppError("NOT_FOUND", "找不到您的排号 / ticket not found");
  return row;
}

export async function myData(deps: ServiceDeps, voterToken: string | undefined): Promise<VoterDataExport> {
  const t = await ticketOf(deps, voterToken);
  // The voter's own lines: what they said (their question, even if private) and what was said publicly on their turn.
  const transcript = await deps.db.transcriptEntry.findMany({
    where: { ticketId: t.id, OR: [{ visibility: "PUBLIC" }, { kind: "QUESTION" }] },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const kase = t.case ? await trackCase(deps, t.case.trackingCode) : null;
  const invitation = await deps.db.invitation.findUnique({ where: { ticketId: t.id } });
  return {
    exportedAt: deps.now().toISOString(),
    tickets: [
      {
        ticket: projectTicket(toTicketView(t, t.case?.trackingCode), "own"),
        session: { id: t.session.id, title: t.session.title, venueName: t.session.venue.name, startsAt: t.session.startsAt.toISOString(), status: t.session.status },
        consent: { version: t.consentVersion, at: t.consentAt?.toISOString() ?? null },
        anonymizedAt: t.anonymizedAt?.toISOString() ?? null,
        transcript: transcript.map(toTranscriptView),
        case: kase,
        invitation: invitation
          ? { name: invitation.name, organization: invitation.organization, role: invitation.role, rsvp: invitation.rsvp, phone: invitation.phone, respondedAt: invitation.respondedAt?.toISOString() ?? null }
          : null,
      },
    ],
  };
}

/** Anonymizes the voter's ticket in its session's lane, so staff screens get the change as a ticket.updated. */
export async function eraseMyData(deps: ServiceDeps, voterToken: string | undefined): Promise<{ ticket: TicketView }> {
  const { id, sessionId, anonymizedAt } = await ticketOf(deps, voterToken);
  return deps.lanes.run(sessionId, async ({ tx, append }) => {
    const now = deps.now();
    if (!anonymizedAt) await anonymizeTickets(tx, [id], now);
    const row = await tx.ticket.findUniqueOrThrow({ where: { id }, include: WITH_TRACKING_CODE });
    const view = toTicketView(row, row.case?.trackingCode);
    if (!anonymizedAt) await append({ type: "ticket.updated", data: view }, now);
    return { ticket: projectTicket(view, "own") };
  });
}
