/** Booking rows → wire views (docs/ARCHITECTURE.md §6b). */
import type { $Enums, Booking, ReceptionSession, Venue } from "../generated/prisma/client.ts";
import { maskPhone } from "../domain/privacy.ts";
import type { BookingPublicView, BookingStatus, BookingView } from "../protocol/bookings.ts";

// The database's BookingStatus and the wire's tuple must list the same values.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Agree<T extends true> = T;
export type BookingEnumsAgree = Agree<Same<$Enums.BookingStatus, BookingStatus>>;

/** A booking row with what its views need: the day, its venue and the ticket's label. */
export const BOOKING_WITH_PLACE = {
  session: { include: { venue: { select: { name: true, town: true, address: true } } } },
  ticket: { select: { label: true } },
} as const;

export type BookingWithPlace = Booking & {
  session: ReceptionSession & { venue: Pick<Venue, "name" | "town" | "address"> };
  ticket: { label: string } | null;
};

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

export function toBookingPublicView(b: BookingWithPlace, waitlistPosition: number | null): BookingPublicView {
  return {
    code: b.code,
    sessionId: b.sessionId,
    status: b.status,
    place: b.place,
    waitlistPosition,
    topic: b.isPublic ? b.topic : null,
    isPublic: b.isPublic,
    bookedAt: b.bookedAt.toISOString(),
    checkedInAt: iso(b.checkedInAt),
    ticketLabel: b.ticket?.label ?? null,
    session: {
      title: b.session.title,
      theme: b.session.theme,
      venueName: b.session.venue.name,
      town: b.session.venue.town,
      address: b.session.venue.address,
      startsAt: b.session.startsAt.toISOString(),
      endsAt: b.session.endsAt.toISOString(),
      status: b.session.status,
    },
  };
}

export function toBookingView(b: Booking & { ticket: { label: string } | null }): BookingView {
  return {
    id: b.id,
    code: b.code,
    sessionId: b.sessionId,
    status: b.status,
    place: b.place,
    name: b.name,
    phone: maskPhone(b.phone),
    topic: b.topic,
    question: b.question,
    isPublic: b.isPublic,
    bookedAt: b.bookedAt.toISOString(),
    checkedInAt: iso(b.checkedInAt),
    cancelledAt: iso(b.cancelledAt),
    ticketId: b.ticketId,
    ticketLabel: b.ticket?.label ?? null,
  };
}
