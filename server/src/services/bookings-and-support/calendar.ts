/**
 * iCalendar (.ics, RFC 5545) through the `ics` library: a feed of a venue's
 * coming reception days, and one file per booking. Public: they carry the
 * day's facts and, for a booking, its code — never a name or a phone.
 */
import { createEvents, type EventAttributes } from "ics";
import { foldLines, PRODUCT_ID } from "../../domain/icalendar.ts";
import { AppError } from "../../protocol/errors.ts";
import type { ReceptionSession, Venue } from "../../generated/prisma/client.ts";
import { parseDeputies } from "../../store/views.ts";
import { findBookingByCode } from "./bookings.ts";
import type { ServiceDeps } from "../deps.ts";

const DAY_MS = 86_400_000;

type DayRow = ReceptionSession & { venue: Pick<Venue, "name" | "town" | "address"> };

function eventOf(s: DayRow, extra: { uid?: string; description?: string } = {}): EventAttributes {
  const deputies = parseDeputies(s.deputies);
  const lines = [s.theme ? `本期主题：${s.theme}` : "", deputies.length ? `接待代表：${deputies.join("、")}` : "", extra.description ?? ""].filter(Boolean);
  return {
    uid: extra.uid ?? `session-${s.id}@tongxin`,
    title: s.title,
    start: s.startsAt.getTime(),
    startInputType: "utc",
    startOutputType: "utc",
    end: s.endsAt.getTime(),
    endInputType: "utc",
    endOutputType: "utc",
    location: [s.venue.name, s.venue.town, s.venue.address].filter(Boolean).join(" "),
    description: lines.join("\n"),
    status: "CONFIRMED",
    productId: PRODUCT_ID,
  };
}

function render(events: EventAttributes[], calName: string): string {
  if (events.length === 0) {
    // `ics` refuses an empty list; an empty feed is still a valid calendar.
    return foldLines(["BEGIN:VCALENDAR", "VERSION:2.0", `PRODID:${PRODUCT_ID}`, `X-WR-CALNAME:${calName}`, "END:VCALENDAR", ""].join("\r\n"));
  }
  const { error, value } = createEvents(events, { calName, productId: PRODUCT_ID });
  if (error || !value) throw new Error(`calendar: ${error?.message ?? "no output"}`);
  // `ics` leaves long lines unfolded (RFC 5545 §3.1 asks for 75 octets).
  return foldLines(value);
}

/** The venue's reception days from yesterday to 120 days ahead (ended ones included, so a calendar keeps its history). */
export async function venueCalendar(deps: ServiceDeps, venueId: string): Promise<{ filename: string; body: string }> {
  const venue = await deps.db.venue.findUnique({ where: { id: venueId } });
  if (!venue) throw new AppError("NOT_FOUND", "没有这个联络站 / no such venue");
  const now = deps.now().getTime();
  const days = await deps.db.receptionSession.findMany({
    where: { venueId, startsAt: { gte: new Date(now - DAY_MS), lte: new Date(now + 120 * DAY_MS) } },
    orderBy: { startsAt: "asc" },
    take: 500,
    include: { venue: { select: { name: true, town: true, address: true } } },
  });
  return { filename: `${venue.name}.ics`, body: render(days.map((d) => eventOf(d)), `${venue.name} 代表接待日`) };
}

/** One booking's day as a calendar file, with its code (the desk asks for it). */
export async function bookingCalendar(deps: ServiceDeps, code: string): Promise<{ filename: string; body: string }> {
  const b = await findBookingByCode(deps.db, code);
  const event = eventOf(b.session, { uid: `booking-${b.code}@tongxin`, description: `预约码：${b.code}（到场请出示）` });
  return { filename: `预约-${b.code}.ics`, body: render([{ ...event, alarms: [{ action: "display", description: "代表接待日", trigger: { hours: 1, before: true } }] }], "代表接待日预约") };
}
