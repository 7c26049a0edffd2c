/**
 * 预约 before the day (docs/ARCHITECTURE.md §6b): book a place, read it by its code, cancel
 * it with its token; the staff's list of a day's bookings.
 *
 * Every write to a session's bookings runs in that session's write lane, so
 * bookings and cancellations of one day are applied one after another (and on
 * PostgreSQL under the session row's lock, across nodes): the count of places
 * taken that a booking reads cannot change before it writes, and a day is
 * never overbooked. A booking with a requestId is idempotent (createBooking).
 */
import type { BookingCreateInput } from "../../protocol/schemas.ts";
import { randomBytes } from "node:crypto";
import { bookingCodeFrom, bookingRefusal, canCancel, HOLDS_PLACE, promotionsFor, statusForNewBooking } from "../../domain/booking-rules.ts";
import { AppError } from "../../protocol/errors.ts";
import type { BookingCreated, BookingPublicView, BookingView } from "../../protocol/bookings.ts";
import { BOOKING_WITH_PLACE, toBookingPublicView, toBookingView, type BookingWithPlace } from "../../store/booking-views.ts";
import { findSessionOrThrow } from "../../store/lookups.ts";
import type { Db, Tx } from "../../store/prisma.ts";
import { requireVenueRole } from "../privacy-and-accounts/auth.ts";
import type { Actor, ServiceDeps } from "../deps.ts";
import { consentVersionKnown } from "../../domain/privacy.ts";
import { currentNoticeVersion } from "../privacy-and-accounts/privacy-notice.ts";
import { once, requestKey as requestKeyOf } from "../request-once.ts";
import { newToken, openWithRequestId, sealWithRequestId, tokenHash } from "../privacy-and-accounts/secrets.ts";

const REFUSALS = {
  NO_BOOKINGS: "这个接待日不接受预约 / this day takes no bookings",
  NOT_YET_OPEN: "预约尚未开始 / booking has not opened yet",
  CLOSED: "预约已截止 / booking has closed",
} as const;

/**
 * Books a place. With a requestId it is idempotent: inside the day's lane a
 * requestId already booked on this day answers that booking (whatever the day
 * is now: full, closed) and writes nothing; the unique index on `requestKey`
 * is the last word should two inserts ever meet — the loser's fails (P2002)
 * and it answers with the winner's booking.
 */
export async function createBooking(deps: ServiceDeps, sessionId: string, input: BookingCreateInput): Promise<BookingCreated> {
  const requestKey = input.requestId ? requestKeyOf("booking", sessionId, input.requestId) : null;
  return once(
    requestKey,
    async () => {
      const made = await addBooking(deps, sessionId, input, requestKey);
      return "bookingToken" in made ? made : outcomeOfRetry(made, input.requestId!);
    },
    () => answeredBooking(deps.db, sessionId, input.requestId!),
  );
}

/** A booking made earlier for the same request: its view now, and its token as sealed then. */
interface EarlierBooking {
  booking: BookingPublicView;
  sealed: string | null;
}

/** The booking this request key made before, if any: looked up in the lane, and again for a retry or after a lost insert race. */
async function earlierBooking(db: Db | Tx, requestKey: string): Promise<EarlierBooking | null> {
  const row = await db.booking.findUnique({ where: { requestKey }, include: BOOKING_WITH_PLACE });
  return row ? { booking: await publicViewOf(db, row), sealed: row.sealedBookingToken } : null;
}

async function addBooking(deps: ServiceDeps, sessionId: string, input: BookingCreateInput, requestKey: string | null): Promise<BookingCreated | EarlierBooking> {
  const token = newToken();
  return deps.lanes.run(sessionId, async ({ tx }): Promise<BookingCreated | EarlierBooking> => {
    const session = await findSessionOrThrow(tx, sessionId);
    const earlier = requestKey ? await earlierBooking(tx, requestKey) : null;
    if (earlier) return earlier;
    const now = deps.now();
    const refusal = bookingRefusal(session, now);
    if (refusal) throw new AppError("CONFLICT", REFUSALS[refusal]);
    if (input.consentVersion !== undefined && !consentVersionKnown(input.consentVersion, await currentNoticeVersion(tx))) {
      throw new AppError("BAD_REQUEST", "没有这个版本的告知 / no such notice version", { consentVersion: "unknown notice version" });
    }
    const taken = await tx.booking.count({ where: { sessionId, status: { in: [...HOLDS_PLACE] } } });
    const place = session.bookingCount + 1;
    await tx.receptionSession.update({ where: { id: sessionId }, data: { bookingCount: place }, select: { id: true } });
    const row = await tx.booking.create({
      data: {
        sessionId,
        code: await freshCode(tx),
        place,
        status: statusForNewBooking(taken, session.bookingCapacity),
        name: input.name,
        phone: input.phone ?? null,
        topic: input.topic,
        question: input.question ?? null,
        isPublic: input.isPublic,
        consentVersion: input.consentVersion ?? null,
        consentAt: input.consentVersion !== undefined ? now : null,
        tokenHash: tokenHash(token),
        requestKey,
        sealedBookingToken: input.requestId ? sealWithRequestId(token, input.requestId) : null,
        bookedAt: now,
      },
      include: BOOKING_WITH_PLACE,
    });
    return { booking: await publicViewOf(tx, row), bookingToken: token };
  });
}

/**
 * The answer already given to this requestId on this day (a retry after a lost
 * answer), or null. Read before the per-address limit, so a retry is answered
 * even from an address that has used its minute.
 */
export async function answeredBooking(db: Db, sessionId: string, requestId: string): Promise<BookingCreated | null> {
  const earlier = await earlierBooking(db, requestKeyOf("booking", sessionId, requestId));
  return earlier ? outcomeOfRetry(earlier, requestId) : null;
}

/** The first answer again: the token is opened with the requestId (only its sender can). */
function outcomeOfRetry(earlier: EarlierBooking, requestId: string): BookingCreated {
  const token = earlier.sealed ? openWithRequestId(earlier.sealed, requestId) : null;
  if (!token) throw new AppError("CONFLICT", "重复的请求编号 / this requestId was used for another request");
  return { booking: earlier.booking, bookingToken: token };
}

/** A fresh code; a collision (one in ~900 million per existing code) just draws again. */
async function freshCode(tx: Tx): Promise<string> {
  for (let i = 0; i < 8; i++) {
    const code = bookingCodeFrom(randomBytes(8));
    if (!(await tx.booking.findUnique({ where: { code }, select: { id: true } }))) return code;
  }
  throw new Error("could not draw a free booking code");
}

export async function findBookingByCode(db: Db | Tx, code: string): Promise<BookingWithPlace> {
  const row = await db.booking.findUnique({ where: { code }, include: BOOKING_WITH_PLACE });
  if (!row) throw new AppError("NOT_FOUND", "没有这个预约码 / no such booking");
  return row;
}

/** The holder of the token, or FORBIDDEN (the code alone lets one read, not act). */
export function requireBookingToken(row: { tokenHash: string }, token: string | undefined): void {
  if (!token || tokenHash(token) !== row.tokenHash) throw new AppError("FORBIDDEN", "预约凭证不符 / wrong booking token");
}

async function publicViewOf(db: Db | Tx, row: BookingWithPlace): Promise<BookingPublicView> {
  const ahead =
    row.status === "WAITLISTED"
      ? await db.booking.count({ where: { sessionId: row.sessionId, status: "WAITLISTED", place: { lt: row.place } } })
      : null;
  return toBookingPublicView(row, ahead === null ? null : ahead + 1);
}

export async function bookingByCode(deps: ServiceDeps, code: string): Promise<BookingPublicView> {
  return publicViewOf(deps.db, await findBookingByCode(deps.db, code));
}

export async function cancelBooking(deps: ServiceDeps, code: string, token: string | undefined): Promise<{ booking: BookingPublicView }> {
  const found = await findBookingByCode(deps.db, code);
  requireBookingToken(found, token);
  let promoted: string[] = [];
  const booking = await deps.lanes.run(found.sessionId, async ({ tx }) => {
    const current = await tx.booking.findUniqueOrThrow({ where: { id: found.id } });
    if (!canCancel(current.status)) throw new AppError("CONFLICT", "该预约已不能取消 / this booking can no longer be cancelled");
    const now = deps.now();
    await tx.booking.update({ where: { id: found.id }, data: { status: "CANCELLED", cancelledAt: now } });
    promoted = await fillPlaces(tx, found.sessionId, now);
    return publicViewOf(tx, await findBookingByCode(tx, code));
  });
  deps.bookingsChanged?.([found.code, ...promoted]);
  return { booking };
}

/**
 * Promotes the waitlist, in booked order, into the places that are free (after
 * a cancellation or a larger capacity). Runs inside the session's write lane;
 * returns the promoted bookings' codes (their status pages are told after commit).
 */
export async function fillPlaces(tx: Tx, sessionId: string, now: Date): Promise<string[]> {
  const session = await tx.receptionSession.findUniqueOrThrow({ where: { id: sessionId }, select: { bookingCapacity: true, status: true } });
  if (session.status === "ENDED") return [];
  const taken = await tx.booking.count({ where: { sessionId, status: { in: [...HOLDS_PLACE] } } });
  const waiting = await tx.booking.count({ where: { sessionId, status: "WAITLISTED" } });
  const n = promotionsFor(taken, session.bookingCapacity, waiting);
  if (n === 0) return [];
  const next = await tx.booking.findMany({ where: { sessionId, status: "WAITLISTED" }, orderBy: { place: "asc" }, take: n, select: { id: true, code: true } });
  await tx.booking.updateMany({ where: { id: { in: next.map((b) => b.id) } }, data: { status: "BOOKED", promotedAt: now } });
  return next.map((b) => b.code);
}

/**
 * When the day ends, every booking that was not checked in (nor cancelled) is
 * recorded as NO_SHOW; returns their codes.
 */
export async function markBookingNoShows(tx: Tx, sessionId: string): Promise<string[]> {
  const lapsed = await tx.booking.findMany({ where: { sessionId, status: { in: ["BOOKED", "WAITLISTED"] } }, select: { id: true, code: true } });
  if (lapsed.length === 0) return [];
  await tx.booking.updateMany({ where: { id: { in: lapsed.map((b) => b.id) } }, data: { status: "NO_SHOW" } });
  return lapsed.map((b) => b.code);
}

/** The day's bookings for its staff, in booked order (phones masked). */
export async function sessionBookings(deps: ServiceDeps, actor: Actor, sessionId: string): Promise<{ bookings: BookingView[] }> {
  const session = await findSessionOrThrow(deps.db, sessionId);
  requireVenueRole(actor, session.venueId);
  const rows = await deps.db.booking.findMany({ where: { sessionId }, orderBy: { place: "asc" }, include: BOOKING_WITH_PLACE });
  return { bookings: rows.map(toBookingView) };
}

/** Places still free per session, for the public schedule. */
export async function placesTakenBySession(db: Db, sessionIds: string[]): Promise<Map<string, number>> {
  if (sessionIds.length === 0) return new Map();
  const groups = await db.booking.groupBy({ by: ["sessionId"], where: { sessionId: { in: sessionIds }, status: { in: [...HOLDS_PLACE] } }, _count: { _all: true } });
  return new Map(groups.map((g) => [g.sessionId, g._count._all]));
}
