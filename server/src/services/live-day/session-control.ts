/** Opening, going live, pausing and ending a reception day; editing its live settings. */
import { canMoveSession, queueOpenAfter } from "../../domain/session-lifecycle.ts";
import { AppError } from "../../protocol/errors.ts";
import type { SessionStatus, SessionView } from "../../protocol/model.ts";
import { SESSION_VIEW_INCLUDE, toSessionView } from "../../store/views.ts";
import { requireVenueRole } from "../privacy-and-accounts/auth.ts";
import type { Actor, ServiceDeps } from "../deps.ts";
import { findSessionOrThrow } from "../../store/lookups.ts";
import { fillPlaces, markBookingNoShows } from "../bookings-and-support/bookings.ts";
import { refuseBadBookingWindow } from "./sessions.ts";
import type { AgendaItemInput } from "../../protocol/schemas.ts";
import type { SessionKind } from "../../protocol/model.ts";
import { checkAgendaKind, replaceAgenda } from "../messages-and-forums/forum-agenda.ts";
import { checkStreamAddress } from "../calls-and-stream/stream-settings.ts";

export interface SessionChanges {
  status?: SessionStatus | undefined;
  queueOpen?: boolean | undefined;
  theme?: string | undefined;
  title?: string | undefined;
  streamUrl?: string | null | undefined;
  startsAt?: Date | undefined;
  endsAt?: Date | undefined;
  deputies?: string[] | undefined;
  slotMin?: number | undefined;
  walkInHeadStartMin?: number | undefined;
  bookingCapacity?: number | undefined;
  bookingOpensAt?: Date | null | undefined;
  bookingClosesAt?: Date | null | undefined;
  /** §5e: the kind and agenda change only until the first item starts */
  kind?: SessionKind | undefined;
  agenda?: AgendaItemInput[] | undefined;
}

export async function updateSession(deps: ServiceDeps, actor: Actor, sessionId: string, changes: SessionChanges): Promise<{ session: SessionView }> {
  const existing = await findSessionOrThrow(deps.db, sessionId);
  const user = requireVenueRole(actor, existing.venueId);
  checkStreamAddress(deps.config, changes.streamUrl);
  let movedBookings: string[] = [];
  const session = await deps.lanes.run(sessionId, async ({ tx, append }) => {
    const s = await findSessionOrThrow(tx, sessionId);
    const status = changes.status ?? s.status;
    if (!canMoveSession(s.status, status)) {
      throw new AppError("CONFLICT", `接待日不能从 ${s.status} 变为 ${status} / cannot move from ${s.status} to ${status}`);
    }
    if (status === "ENDED" && changes.queueOpen) throw new AppError("CONFLICT", "已结束的接待日不能开放排队 / an ended session cannot open its queue");
    const startsAt = changes.startsAt ?? s.startsAt;
    const endsAt = changes.endsAt ?? s.endsAt;
    if (endsAt <= startsAt) throw new AppError("BAD_REQUEST", "结束时间须晚于开始时间 / end must be after start", { endsAt: "must be after startsAt" });
    // Checked only when the window or the day's times change: ending a day never trips over its window.
    const timesChange = [changes.bookingOpensAt, changes.bookingClosesAt, changes.startsAt, changes.endsAt].some((v) => v !== undefined);
    if (timesChange) refuseBadBookingWindow({
      bookingOpensAt: changes.bookingOpensAt !== undefined ? changes.bookingOpensAt : s.bookingOpensAt,
      bookingClosesAt: changes.bookingClosesAt !== undefined ? changes.bookingClosesAt : s.bookingClosesAt,
      startsAt,
      endsAt,
    });
    const kind = changes.kind ?? s.kind;
    checkAgendaKind(kind, changes.agenda);
    // A forum turned back into a reception loses its (not yet started) agenda.
    if (changes.agenda !== undefined || (kind !== s.kind && s.agenda.length)) await replaceAgenda(tx, sessionId, kind === "FORUM" ? (changes.agenda ?? []) : []);
    const queueOpen = changes.queueOpen ?? (changes.status ? queueOpenAfter(status, s.queueOpen) : s.queueOpen);
    const now = deps.now();
    // An ended day has no livestream: the relay's on_update hook then drops the encoder (§5c).
    const streamEnds = status === "ENDED" && s.streamLive;
    const row = await tx.receptionSession.update({
      where: { id: sessionId },
      data: {
        status,
        queueOpen,
        theme: changes.theme,
        title: changes.title,
        streamUrl: changes.streamUrl === "" ? null : changes.streamUrl,
        startsAt: changes.startsAt,
        endsAt: changes.endsAt,
        deputies: changes.deputies ? JSON.stringify(changes.deputies) : undefined,
        slotMin: changes.slotMin,
        walkInHeadStartMin: changes.walkInHeadStartMin,
        ...(streamEnds ? { streamLive: false } : {}),
        bookingCapacity: changes.bookingCapacity,
        bookingOpensAt: changes.bookingOpensAt,
        bookingClosesAt: changes.bookingClosesAt,
        kind: changes.kind,
        // Before anyone is served, the expected turn is the slot length.
        ...(changes.slotMin !== undefined && s.finishedTurns === 0 ? { avgServiceSec: changes.slotMin * 60 } : {}),
      },
      include: SESSION_VIEW_INCLUDE,
    });
    // Bookings (docs/ARCHITECTURE.md §6b): a larger capacity promotes the waitlist; the end records no-shows.
    if (status === "ENDED" && s.status !== "ENDED") movedBookings = await markBookingNoShows(tx, sessionId);
    else if (changes.bookingCapacity !== undefined) movedBookings = await fillPlaces(tx, sessionId, now);
    const view = toSessionView(row, deps.config.mediaHlsBase);
    await append({ type: "session.updated", data: view }, now, user.id);
    if (streamEnds) await append({ type: "stream.stopped", data: { live: false, hlsUrl: view.hlsUrl, reason: "session-ended" } }, now, user.id);
    return view;
  });
  if (movedBookings.length) deps.bookingsChanged?.(movedBookings);
  return { session };
}
