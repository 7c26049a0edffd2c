import { describe, expect, it } from "vitest";
import { bookingCodeFrom, bookingRefusal, bookingWindowProblems, BOOKING_CODE_ALPHABET, checkInRank, promotionsFor, slotStartOf, statusForNewBooking } from "./booking-rules.ts";

const MIN = 60_000;
const window = (over: Partial<Parameters<typeof bookingRefusal>[0]> = {}) => ({
  status: "SCHEDULED" as const,
  bookingCapacity: 10,
  bookingOpensAt: null,
  bookingClosesAt: null,
  startsAt: new Date("2026-12-10T01:00:00Z"),
  ...over,
});

describe("booking rules", () => {
  it("a booking window must open before it closes (or before the day starts) and close by the day's end", () => {
    const day = { startsAt: new Date("2026-12-10T01:00:00Z"), endsAt: new Date("2026-12-10T04:00:00Z") };
    expect(bookingWindowProblems({ ...day, bookingOpensAt: null, bookingClosesAt: null })).toEqual({});
    expect(bookingWindowProblems({ ...day, bookingOpensAt: new Date("2026-12-01T00:00:00Z"), bookingClosesAt: new Date("2026-12-10T02:00:00Z") })).toEqual({});
    expect(Object.keys(bookingWindowProblems({ ...day, bookingOpensAt: new Date("2026-12-10T01:00:00Z"), bookingClosesAt: null }))).toEqual(["bookingOpensAt"]);
    expect(Object.keys(bookingWindowProblems({ ...day, bookingOpensAt: new Date("2026-12-05T00:00:00Z"), bookingClosesAt: new Date("2026-12-04T00:00:00Z") }))).toEqual(["bookingOpensAt"]);
    expect(Object.keys(bookingWindowProblems({ ...day, bookingOpensAt: null, bookingClosesAt: new Date("2026-12-10T05:00:00Z") }))).toEqual(["bookingClosesAt"]);
  });

  it("a day with no places takes no bookings; bookings close when the day starts unless told otherwise", () => {
    const before = new Date("2026-12-09T01:00:00Z");
    expect(bookingRefusal(window({ bookingCapacity: 0 }), before)).toBe("NO_BOOKINGS");
    expect(bookingRefusal(window(), before)).toBeNull();
    expect(bookingRefusal(window(), new Date("2026-12-10T01:00:00Z"))).toBe("CLOSED");
    expect(bookingRefusal(window({ bookingOpensAt: new Date("2026-12-09T02:00:00Z") }), before)).toBe("NOT_YET_OPEN");
    expect(bookingRefusal(window({ bookingClosesAt: new Date("2026-12-09T00:00:00Z") }), before)).toBe("CLOSED");
    expect(bookingRefusal(window({ status: "ENDED" }), before)).toBe("CLOSED");
  });

  it("a booking over capacity waits in line, and free places promote only as many as are free", () => {
    expect(statusForNewBooking(2, 3)).toBe("BOOKED");
    expect(statusForNewBooking(3, 3)).toBe("WAITLISTED");
    expect(promotionsFor(2, 3, 5)).toBe(1);
    expect(promotionsFor(3, 3, 5)).toBe(0);
    expect(promotionsFor(0, 3, 1)).toBe(1);
    expect(promotionsFor(5, 3, 2)).toBe(0);
  });

  it("an online check-in ranks at its slot, never worse than joining now and never more than one head start ahead", () => {
    const now = Date.parse("2026-12-10T02:00:00Z");
    // slot long past: bounded head start of 10 minutes
    expect(checkInRank("ONLINE", now, now - 90 * MIN, 10)).toBe(now - 10 * MIN);
    // slot a few minutes ago: the slot itself
    expect(checkInRank("ONLINE", now, now - 4 * MIN, 10)).toBe(now - 4 * MIN);
    // slot still ahead: as if joining now, not later
    expect(checkInRank("ONLINE", now, now + 30 * MIN, 10)).toBe(now);
  });

  it("an in-person check-in gets at most one head start beyond a walk-in's", () => {
    const now = Date.parse("2026-12-10T02:00:00Z");
    expect(checkInRank("IN_PERSON", now, now - 90 * MIN, 10)).toBe(now - 20 * MIN);
    expect(checkInRank("IN_PERSON", now, now + 30 * MIN, 10)).toBe(now - 10 * MIN);
  });

  it("slots follow the booked order", () => {
    const start = Date.parse("2026-12-10T01:00:00Z");
    expect(slotStartOf(start, 1, 8)).toBe(start);
    expect(slotStartOf(start, 4, 8)).toBe(start + 24 * MIN);
  });

  it("codes use only unambiguous characters", () => {
    const code = bookingCodeFrom(Uint8Array.from([0, 1, 2, 250, 251, 255, 9, 9]));
    expect(code).toHaveLength(6);
    for (const c of code) expect(BOOKING_CODE_ALPHABET).toContain(c);
    expect(code).not.toMatch(/[01OIL]/);
  });
});
