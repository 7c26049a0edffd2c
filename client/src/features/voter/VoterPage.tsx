import { useEffect, useLayoutEffect } from "react";
import { useParams } from "react-router-dom";
import { useShallow } from "zustand/react/shallow";
import { SessionLoadMessage } from "../../components/SessionLoadMessage.tsx";
import { useWatchedSession } from "../../hooks/useWatchedSession.ts";
import { voterPageSlice } from "../../stores/live-session-slices.ts";
import { useT } from "../../i18n/useT.ts";
import { readStoredToken, useVoterTicket } from "../../stores/voter-ticket.ts";
import { useLiveSession } from "../../stores/live-session.ts";
import { dropFirstView } from "../../lib/first-view.ts";
import { heldOf, syncHeldCookie } from "./held-cookie.ts";
import { CalledBanner } from "./CalledBanner.tsx";
import { JoinForm } from "./JoinForm.tsx";
import { LiveBoard } from "./LiveBoard.tsx";
import { LiveCaptions } from "./LiveCaptions.tsx";
import { LiveStream } from "./LiveStream.tsx";
import { MyTicketCard } from "./MyTicketCard.tsx";
import { OverrunNotice } from "./OverrunNotice.tsx";
import { SessionHeader } from "./SessionHeader.tsx";
import { VoterCallPanel } from "./VoterCallPanel.tsx";
import { PublicTopics } from "./PublicTopics.tsx";
import { BookingPanel } from "../booking/BookingPanel.tsx";
import { MyBookingCard } from "../booking/MyBookingCard.tsx";
import { useBookingOfDay } from "../booking/useBookingOfDay.ts";
import { acceptsJoins, canServe } from "@domain/session-lifecycle.ts";
import { useCalledAlert } from "./useCalledAlert.ts";
import { useTicketFromLink } from "./useTicketFromLink.ts";
import { usePreferences } from "../../stores/preferences.ts";
import { ForumProgress } from "../forum/ForumProgress.tsx";
import { useInviteFromLink } from "../forum/useInviteFromLink.ts";
import { agendaProgress, isForum, listItemIdOf, ticketsOnList } from "../forum/forum-logic.ts";

/** /s/:sessionId — what a voter sees on a phone: the session, the stream, the queue, their ticket. */
export function VoterPage() {
  const { sessionId } = useParams();
  const t = useT();
  useTicketFromLink(sessionId);
  const inviteToken = useInviteFromLink(sessionId);
  const live = useWatchedSession(sessionId, voterPageSlice, { voter: true });
  const own = useVoterTicket(useShallow((s) => ({ ticket: s.ticket, phase: s.phase })));
  const booked = useBookingOfDay(sessionId);
  const elder = usePreferences((p) => p.elder) === true;
  const session = live.session;
  useCalledAlert(own.ticket, session ? `${session.title} · ${t("app.name")}` : t("app.name"));
  // The server's first view stands in until this page has its session (or knows it cannot load
  // it); a JoinForm below has taken what was typed into it by then (join-handover.ts).
  const loadFailed = useLiveSession((s) => s.phase === "failed");
  const shown = !!session || loadFailed;
  useLayoutEffect(() => {
    if (shown) dropFirstView();
  }, [shown]);
  // Read on every render, as useBookingOfDay does: joining, leaving or a lost ticket re-render this page.
  const held = sessionId ? heldOf(readStoredToken(sessionId) !== null, !!booked) : null;
  useEffect(() => {
    if (sessionId) syncHeldCookie(sessionId, held);
  }, [sessionId, held]);

  if (!session) {
    return <SessionLoadMessage />;
  }
  const ticket = own.ticket;
  const forum = isForum(session);
  // In a forum a place in line is a place on one item's speakers' list.
  const ownList = forum && ticket ? ticketsOnList(live.tickets, session, listItemIdOf(ticket, session)) : live.tickets;
  const boardList = forum ? ticketsOnList(live.tickets, session, agendaProgress(session).current?.id ?? listItemIdOf({ agendaItemId: null }, session)) : live.tickets;
  const ownItem = forum && ticket ? session.agenda.find((i) => i.id === listItemIdOf(ticket, session)) : undefined;
  const mayJoin = !forum || !!inviteToken;
  // A phone that booked the day is shown its booking instead of the forms (a second
  // place in line would lose the booked one) — until it is checked in (the ticket
  // rules from then on), or when the day runs and the waitlist never reached it.
  const status = booked ? (booked.booking?.status ?? "LOADING") : null;
  const bookingHolds = status === "LOADING" || status === "BOOKED" || (status === "WAITLISTED" && !canServe(session.status));
  const joinsOpen = acceptsJoins(session.status, session.queueOpen);
  // Before the day nothing is live yet: what the voter can do (book) comes first (§7 as built).
  const beforeDay = session.status === "SCHEDULED";
  const showsJoin = !ticket && !bookingHolds && own.phase !== "resuming";
  // 长辈版 shows one step at a time (docs/ARCHITECTURE.md §7b): join → my ticket → called.
  // The board and others' topics are left out; the stream waits until the voter is in line,
  // and while they are called nothing competes with the banner and the call.
  const showsBoard = !elder && !beforeDay;
  const showsWatch = !beforeDay && (!elder || (!!ticket && ticket.status !== "CALLED"));
  const gridClass = ["voter-grid", beforeDay ? "voter-grid--before-day" : "", elder ? "voter-grid--elder" : ""].filter(Boolean).join(" ");
  return (
    <div className="voter-page">
      {ticket?.status === "CALLED" ? <CalledBanner ticket={ticket} /> : null}
      {ticket?.status === "SPEAKING" ? (
        <div className="speaking-banner" role="status" data-testid="speaking-banner">
          {t("speaking.banner", { label: ticket.label })}
        </div>
      ) : null}
      <SessionHeader session={session} />
      <OverrunNotice session={session} />
      <div className={gridClass}>
        <div className="voter-grid__status">
          {forum ? <ForumProgress session={session} tickets={live.tickets} /> : null}
          {ticket ? <MyTicketCard ticket={ticket} tickets={ownList} session={session} agendaItemTitle={ownItem?.title} /> : null}
          {ticket ? <VoterCallPanel ticket={ticket} /> : null}
          {own.phase === "resuming" ? (
            <p className="notice" role="status">
              {t("ticket.resuming")}
            </p>
          ) : null}
          {own.phase === "lost" ? (
            <p className="notice" role="status">
              {t("ticket.lost")}
            </p>
          ) : null}
          {!ticket && booked ? <MyBookingCard session={session} mine={booked} /> : null}
          {showsBoard ? <LiveBoard tickets={boardList} ownTicketId={ticket?.id} /> : null}
          {elder ? null : <PublicTopics tickets={live.tickets} ownTicketId={ticket?.id} />}
          {elder && showsJoin && mayJoin && session.queueOpen && session.status !== "ENDED" ? (
            <p className="notice elder-step" data-testid="elder-step">
              {t("elder.step.join")}
            </p>
          ) : null}
          {!elder && showsJoin && mayJoin && session.queueOpen && session.status !== "ENDED" ? (
            <a className="button button--primary button--large join-jump" href="#join">
              {forum ? t("forum.join.title") : t("join.jump")}
            </a>
          ) : null}
        </div>
        {!showsWatch ? null : (
          <div className="voter-grid__watch">
            <LiveStream session={session} stopped={live.streamStopped} />
            <LiveCaptions transcript={live.transcript} />
          </div>
        )}
        {showsJoin ? (
          <div className="voter-grid__join">
            {forum || joinsOpen || booked ? null : <BookingPanel session={session} />}
            {mayJoin ? (
              <JoinForm session={session} inviteToken={inviteToken} />
            ) : (
              <p className="notice" data-testid="forum-by-invitation">
                {t("forum.join.byInvitation")}
              </p>
            )}
          </div>
        ) : null}
      </div>
    </div>
  );
}
