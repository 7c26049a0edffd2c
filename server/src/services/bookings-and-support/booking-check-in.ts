/**
 * Check-in on the day (docs/ARCHITECTURE.md §6b): a BOOKED booking becomes a ticket — ONLINE
 * from the voter's phone (`booking:checkIn`), IN_PERSON at the desk
 * (`desk:checkIn`) — ranked by its booked place within a bounded head start
 * (domain/booking-rules.ts checkInRank). A second check-in is CONFLICT: the
 * booking's status is re-read inside the session's write lane.
 */
import { canCheckIn, checkInRank, slotStartOf } from "../../domain/booking-rules.ts";
import { ticketLabel } from "../../domain/labels.ts";
import { projectTicket } from "../../domain/projections.ts";
import { canServe } from "../../domain/session-lifecycle.ts";
import { AppError } from "../../protocol/errors.ts";
import type { Channel, TicketView } from "../../protocol/model.ts";
import { findSessionOrThrow } from "../../store/lookups.ts";
import { toTicketView } from "../../store/views.ts";
import { requireVenueRole } from "../privacy-and-accounts/auth.ts";
import { findBookingByCode, requireBookingToken } from "./bookings.ts";
import type { Actor, ServiceDeps } from "../deps.ts";
import { newToken, tokenHash } from "../privacy-and-accounts/secrets.ts";

export interface CheckInOutcome {
  ticket: TicketView;
  voterToken: string;
}

const WHY_NOT: Record<string, string> = {
  CHECKED_IN: "该预约已签到 / this booking is already checked in",
  WAITLISTED: "该预约仍在候补中 / this booking is still on the waitlist",
  CANCELLED: "该预约已取消 / this booking was cancelled",
  NO_SHOW: "该预约已失效 / this booking has lapsed",
};

export async function checkInOnline(deps: ServiceDeps, code: string, bookingToken: string): Promise<CheckInOutcome> {
  const booking = await findBookingByCode(deps.db, code);
  requireBookingToken(booking, bookingToken);
  const outcome = await checkIn(deps, booking.id, booking.sessionId, "ONLINE", null);
  deps.bookingsChanged?.([booking.code]);
  return outcome;
}

export async function checkInAtDesk(deps: ServiceDeps, actor: Actor, sessionId: string, code: string): Promise<CheckInOutcome> {
  const session = await findSessionOrThrow(deps.db, sessionId);
  const user = requireVenueRole(actor, session.venueId);
  const booking = await findBookingByCode(deps.db, code);
  // A code of another day is "not found" here: the desk entered the wrong one.
  if (booking.sessionId !== sessionId) throw new AppError("NOT_FOUND", "本接待日没有这个预约码 / no such booking for this day");
  const outcome = await checkIn(deps, booking.id, sessionId, "IN_PERSON", user.id);
  deps.bookingsChanged?.([booking.code]);
  return outcome;
}

function checkIn(deps: ServiceDeps, bookingId: string, sessionId: string, channel: Channel, actorId: string | null): Promise<CheckInOutcome> {
  return deps.lanes.run(sessionId, async ({ tx, append }) => {
    const booking = await tx.booking.findUniqueOrThrow({ where: { id: bookingId } });
    if (!canCheckIn(booking.status)) throw new AppError("CONFLICT", WHY_NOT[booking.status] ?? "不能签到 / cannot check in");
    const session = await findSessionOrThrow(tx, sessionId);
    if (!canServe(session.status)) throw new AppError("CONFLICT", "接待日尚未开始或已结束 / the day is not open");
    const now = deps.now();
    const counter = channel === "ONLINE" ? "onlineCount" : "inPersonCount";
    const issued = session[counter] + 1;
    const token = newToken();
    const rank = checkInRank(channel, now.getTime(), slotStartOf(session.startsAt.getTime(), booking.place, session.slotMin), session.walkInHeadStartMin);
    const ticket = await tx.ticket.create({
      data: {
        sessionId,
        channel,
        label: ticketLabel(channel, issued),
        rank,
        name: booking.name,
        phone: booking.phone,
        topic: booking.topic,
        question: booking.question,
        isPublic: booking.isPublic,
        consentVersion: booking.consentVersion,
        consentAt: booking.consentAt,
        voterTokenHash: tokenHash(token),
        joinedAt: now,
      },
    });
    await tx.receptionSession.update({ where: { id: sessionId }, data: { [counter]: issued }, select: { id: true } });
    await tx.booking.update({ where: { id: bookingId }, data: { status: "CHECKED_IN", checkedInAt: now, ticketId: ticket.id } });
    const view = toTicketView(ticket);
    await append({ type: "ticket.joined", data: view }, now, actorId ?? undefined);
    return { ticket: projectTicket(view, channel === "ONLINE" ? "own" : "staff"), voterToken: token };
  });
}
