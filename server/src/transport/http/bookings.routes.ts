/** 预约 over HTTP (docs/ARCHITECTURE.md §6b): book, read by code, cancel with the token; the staff's list of a day's bookings. */
import { Router } from "express";
import { z } from "zod";
import { AppError } from "../../protocol/errors.ts";
import { bookingCode, bookingCreateSchema } from "../../protocol/schemas.ts";
import { answeredBooking, bookingByCode, cancelBooking, createBooking, sessionBookings } from "../../services/bookings.ts";
import { bookingCalendar, venueCalendar } from "../../services/calendar.ts";
import type { ServiceDeps } from "../../services/deps.ts";
import { addressKey } from "../client-address.ts";
import { RateLimiter } from "../rate-limit.ts";
import { actorOf, parse, retryRequestId, route } from "./http-kit.ts";

const idParam = z.object({ id: z.string().min(1).max(64) });
const codeParam = z.object({ code: bookingCode });

export function bookingRoutes(deps: ServiceDeps): Router {
  const r = Router();
  // Bookings are made without a login: bound how many one address can make (shared carrier addresses: generous).
  const perIp = new RateLimiter(deps.config.joinLimitPerIpPerMin, 60_000, "booking-ip", deps.sharedWindows);

  r.post("/sessions/:id/bookings", route(async (req, res) => {
    // A retry (a requestId already booked on this day) gets the first answer before the limit is
    // counted: it books nothing, and a voter behind a busy address still gets their code and token.
    const requestId = retryRequestId(req.body);
    const session = idParam.shape.id.safeParse(req.params.id);
    const retried = requestId && session.success ? await answeredBooking(deps.db, session.data, requestId) : null;
    if (retried) return void res.status(201).json(retried);
    if (!(await perIp.take(addressKey(req.ip)))) throw new AppError("RATE_LIMITED", "操作过于频繁，请稍后再试 / too many bookings, try again shortly");
    const { id } = parse(idParam, req.params);
    res.status(201).json(await createBooking(deps, id, parse(bookingCreateSchema, req.body)));
  }));

  r.get("/sessions/:id/bookings", route(async (req, res) => {
    res.json(await sessionBookings(deps, await actorOf(deps, req), parse(idParam, req.params).id));
  }));

  r.get("/bookings/:code", route(async (req, res) => {
    res.json({ booking: await bookingByCode(deps, parse(codeParam, req.params).code) });
  }));

  r.post("/bookings/:code/cancel", route(async (req, res) => {
    const token = req.header("x-booking-token") ?? undefined;
    res.json(await cancelBooking(deps, parse(codeParam, req.params).code, token));
  }));
  // iCalendar: a feed per venue and a file per booking.
  const sendCalendar = (res: import("express").Response, file: { filename: string; body: string }) => {
    res.setHeader("content-type", "text/calendar; charset=utf-8");
    res.setHeader("content-disposition", `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`);
    res.send(file.body);
  };
  r.get("/venues/:id/calendar.ics", route(async (req, res) => {
    sendCalendar(res, await venueCalendar(deps, parse(idParam, req.params).id));
  }));
  r.get("/bookings/:code/calendar.ics", route(async (req, res) => {
    sendCalendar(res, await bookingCalendar(deps, parse(codeParam, req.params).code));
  }));
  return r;
}
