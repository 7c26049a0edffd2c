/** 预约 over HTTP (docs/ARCHITECTURE.md §6b): book, read by code, cancel with the token; the staff's list of a day's bookings. */
import { Router } from "express";
import { AppError } from "../../protocol/errors.ts";
import { answeredBooking, bookingByCode, cancelBooking, createBooking, sessionBookings } from "../../services/bookings-and-support/bookings.ts";
import { bookingCalendar, venueCalendar } from "../../services/bookings-and-support/calendar.ts";
import type { ServiceDeps } from "../../services/deps.ts";
import { addressKey } from "../client-address.ts";
import { RateLimiter } from "../rate-limit.ts";
import { actorOf, answerRetry, step } from "./http-kit.ts";
import { mounter } from "./mount.ts";

export function bookingRoutes(deps: ServiceDeps): Router {
  const r = Router();
  const mount = mounter(r, deps, "/api");
  // Bookings are made without a login: bound how many one address can make (shared carrier addresses: generous).
  const perIp = new RateLimiter(deps.config.joinLimitPerIpPerMin, 60_000, "booking-ip", deps.sharedWindows);

  // A retry of a booking gets its first answer, code and token, before the limit is counted.
  const retry = answerRetry((sessionId, requestId) => answeredBooking(deps.db, sessionId, requestId));
  const limit = step(async (req) => {
    if (!(await perIp.take(addressKey(req.ip)))) throw new AppError("RATE_LIMITED", "操作过于频繁，请稍后再试 / too many bookings, try again shortly");
  });
  mount("POST /api/sessions/:id/bookings", ({ params, body }) => createBooking(deps, params.id, body), [retry, limit]);

  mount("GET /api/sessions/:id/bookings", async ({ params, req }) => sessionBookings(deps, await actorOf(deps, req), params.id));
  mount("GET /api/bookings/:code", async ({ params }) => ({ booking: await bookingByCode(deps, params.code) }));
  mount("POST /api/bookings/:code/cancel", ({ params, req }) => cancelBooking(deps, params.code, req.header("x-booking-token") ?? undefined));

  // iCalendar: a feed per venue and a file per booking.
  mount("GET /api/venues/:id/calendar.ics", ({ params }) => venueCalendar(deps, params.id));
  mount("GET /api/bookings/:code/calendar.ics", ({ params }) => bookingCalendar(deps, params.code));
  return r;
}
