/** Reception days over HTTP: list, read, schedule, and the staff's full record of one. */
import { bookingWindowProblems } from "../../domain/booking-rules.ts";
import { AppError } from "../../protocol/errors.ts";
import type { InitialSessionStatus } from "../../protocol/http-schemas.ts";
import type { SessionStatus, SessionView } from "../../protocol/model.ts";
import type { ListedSession, SessionRecord } from "../../protocol/sessions.ts";
import { eventsSince } from "../../store/session-events.ts";
import { WITH_TRACKING_CODE } from "../../store/tickets.ts";
import { SESSION_VIEW_INCLUDE, toCaseView, toSessionView, toTicketView, toTranscriptView } from "../../store/views.ts";
import { projectEvent, projectTicket, publicSession } from "../../domain/projections.ts";
import { CLERK_ROLES, requireVenueRole } from "../privacy-and-accounts/auth.ts";
import type { Actor, ServiceDeps } from "../deps.ts";
import { findSessionOrThrow } from "../../store/lookups.ts";
import { placesTakenBySession } from "../bookings-and-support/bookings.ts";
import { toBookingView } from "../../store/booking-views.ts";
import type { AgendaItemInput } from "../../protocol/schemas.ts";
import type { SessionKind } from "../../protocol/model.ts";
import { agendaRows, checkAgendaKind } from "../messages-and-forums/forum-agenda.ts";
import { checkStreamAddress } from "../calls-and-stream/stream-settings.ts";

export interface SessionFilter {
  venueId?: string | undefined;
  town?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  status?: SessionStatus | undefined;
  theme?: string | undefined;
  limit?: number | undefined;
}

/** `placesLeft`: bookable places still free (0 when the day takes no bookings). */

export async function listSessions(deps: ServiceDeps, f: SessionFilter): Promise<ListedSession[]> {
  const rows = await deps.db.receptionSession.findMany({
    where: {
      venueId: f.venueId,
      status: f.status,
      venue: f.town ? { town: f.town } : undefined,
      theme: f.theme ? { contains: f.theme } : undefined,
      startsAt: { gte: f.from, lte: f.to },
    },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    take: Math.min(f.limit ?? 500, 1000),
    include: SESSION_VIEW_INCLUDE,
  });
  const taken = await placesTakenBySession(deps.db, rows.filter((r) => r.bookingCapacity > 0).map((r) => r.id));
  return rows.map((r) => ({
    ...publicSession(toSessionView(r, deps.config.mediaHlsBase)),
    live: r.status === "LIVE",
    placesLeft: Math.max(0, r.bookingCapacity - (taken.get(r.id) ?? 0)),
  }));
}

export async function getSession(deps: ServiceDeps, id: string): Promise<SessionView & { placesLeft: number }> {
  const row = await findSessionOrThrow(deps.db, id);
  const taken = (await placesTakenBySession(deps.db, [id])).get(id) ?? 0;
  return { ...publicSession(toSessionView(row, deps.config.mediaHlsBase)), placesLeft: Math.max(0, row.bookingCapacity - taken) };
}

export interface NewSession {
  venueId: string;
  title: string;
  theme?: string | undefined;
  startsAt: Date;
  endsAt: Date;
  deputies?: string[] | undefined;
  streamUrl?: string | null | undefined;
  slotMin?: number | undefined;
  walkInHeadStartMin?: number | undefined;
  status?: InitialSessionStatus | undefined;
  bookingCapacity?: number | undefined;
  bookingOpensAt?: Date | null | undefined;
  bookingClosesAt?: Date | null | undefined;
  /** §5e: a forum, with its agenda in order */
  kind?: SessionKind | undefined;
  agenda?: AgendaItemInput[] | undefined;
}

export async function createSession(deps: ServiceDeps, actor: Actor, input: NewSession): Promise<SessionView> {
  const venue = await deps.db.venue.findUnique({ where: { id: input.venueId } });
  if (!venue) throw new AppError("NOT_FOUND", "没有这个联络站 / no such venue");
  requireVenueRole(actor, venue.id, CLERK_ROLES);
  if (input.endsAt <= input.startsAt) throw new AppError("BAD_REQUEST", "结束时间须晚于开始时间 / end must be after start", { endsAt: "must be after startsAt" });
  checkStreamAddress(deps.config, input.streamUrl);
  refuseBadBookingWindow({ bookingOpensAt: input.bookingOpensAt ?? null, bookingClosesAt: input.bookingClosesAt ?? null, startsAt: input.startsAt, endsAt: input.endsAt });
  const slotMin = input.slotMin ?? 8;
  const status = input.status ?? "SCHEDULED";
  const kind = input.kind ?? "RECEPTION";
  checkAgendaKind(kind, input.agenda);
  const row = await deps.db.receptionSession.create({
    data: {
      venueId: venue.id,
      title: input.title,
      theme: input.theme ?? "",
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      deputies: JSON.stringify(input.deputies ?? []),
      streamUrl: input.streamUrl || null,
      slotMin,
      walkInHeadStartMin: input.walkInHeadStartMin ?? 10,
      avgServiceSec: slotMin * 60,
      status,
      queueOpen: status === "OPEN",
      bookingCapacity: input.bookingCapacity ?? 0,
      bookingOpensAt: input.bookingOpensAt ?? null,
      bookingClosesAt: input.bookingClosesAt ?? null,
      kind,
      ...(input.agenda?.length ? { agenda: { create: agendaRows(input.agenda) } } : {}),
      createdAt: deps.now(),
    },
    include: SESSION_VIEW_INCLUDE,
  });
  return toSessionView(row, deps.config.mediaHlsBase);
}


/** Everything about one reception day, in the staff projection. */
export async function sessionRecord(deps: ServiceDeps, actor: Actor, id: string): Promise<SessionRecord> {
  const session = await findSessionOrThrow(deps.db, id);
  requireVenueRole(actor, session.venueId);
  const [tickets, transcript, events, cases, bookings] = await Promise.all([
    deps.db.ticket.findMany({ where: { sessionId: id }, orderBy: [{ joinedAt: "asc" }, { label: "asc" }], include: WITH_TRACKING_CODE }),
    deps.db.transcriptEntry.findMany({ where: { sessionId: id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
    eventsSince(deps.db, id, 0, 1_000_000),
    deps.db.case.findMany({ where: { sessionId: id }, orderBy: { createdAt: "asc" } }),
    deps.db.booking.findMany({ where: { sessionId: id }, orderBy: { place: "asc" }, include: { ticket: { select: { label: true } } } }),
  ]);
  const view = toSessionView(session, deps.config.mediaHlsBase);
  return {
    session: view,
    agenda: view.agenda,
    tickets: tickets.map((t) => projectTicket(toTicketView(t, t.case?.trackingCode), "staff")),
    transcript: transcript.map(toTranscriptView),
    events: events.map((e) => projectEvent(e, "staff")),
    cases: cases.map(toCaseView),
    bookings: bookings.map(toBookingView),
  };
}

/** BAD_REQUEST naming the field when a booking window opens after it closes or closes after the day. */
export function refuseBadBookingWindow(w: Parameters<typeof bookingWindowProblems>[0]): void {
  const problems = bookingWindowProblems(w);
  if (Object.keys(problems).length) throw new AppError("BAD_REQUEST", "预约时间段不对：须先开始后截止，且不晚于接待结束 / the booking window must open before it closes, and close by the day's end", problems);
}
