import { useParams } from "react-router-dom";
import { useShallow } from "zustand/react/shallow";
import { SessionLoadMessage } from "../../components/SessionLoadMessage.tsx";
import { useWatchedSession } from "../../hooks/useWatchedSession.ts";
import { voterPageSlice } from "../../stores/live-session-slices.ts";
import { useT } from "../../i18n/useT.ts";
import { useVoterTicket } from "../../stores/voter-ticket.ts";
import { CalledBanner } from "./CalledBanner.tsx";
import { JoinForm } from "./JoinForm.tsx";
import { LiveBoard } from "./LiveBoard.tsx";
import { LiveCaptions } from "./LiveCaptions.tsx";
import { LiveStream } from "./LiveStream.tsx";
import { MyTicketCard } from "./MyTicketCard.tsx";
import { SessionHeader } from "./SessionHeader.tsx";
import { VoterCallPanel } from "./VoterCallPanel.tsx";
import { PublicTopics } from "./PublicTopics.tsx";
import { BookingPanel } from "../booking/BookingPanel.tsx";
import { useCalledAlert } from "./useCalledAlert.ts";
import { useTicketFromLink } from "./useTicketFromLink.ts";

/** /s/:sessionId — what a voter sees on a phone: the session, the stream, the queue, their ticket. */
export function VoterPage() {
  const { sessionId } = useParams();
  const t = useT();
  useTicketFromLink(sessionId);
  const live = useWatchedSession(sessionId, voterPageSlice, { voter: true });
  const own = useVoterTicket(useShallow((s) => ({ ticket: s.ticket, phase: s.phase })));
  const session = live.session;
  useCalledAlert(own.ticket, session ? `${session.title} · ${t("app.name")}` : t("app.name"));

  if (!session) {
    return <SessionLoadMessage />;
  }
  const ticket = own.ticket;
  return (
    <div className="voter-page">
      {ticket?.status === "CALLED" ? <CalledBanner ticket={ticket} /> : null}
      {ticket?.status === "SPEAKING" ? (
        <div className="speaking-banner" role="status" data-testid="speaking-banner">
          {t("speaking.banner", { label: ticket.label })}
        </div>
      ) : null}
      <SessionHeader session={session} />
      <div className="voter-grid">
        <div className="voter-grid__status">
          {ticket ? <MyTicketCard ticket={ticket} tickets={live.tickets} session={session} /> : null}
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
          <LiveBoard tickets={live.tickets} ownTicketId={ticket?.id} />
          <PublicTopics tickets={live.tickets} ownTicketId={ticket?.id} />
          {!ticket && own.phase !== "resuming" && session.queueOpen && session.status !== "ENDED" ? (
            <a className="button button--primary button--large join-jump" href="#join">
              {t("join.jump")}
            </a>
          ) : null}
        </div>
        <div className="voter-grid__watch">
          <LiveStream session={session} stopped={live.streamStopped} />
          <LiveCaptions transcript={live.transcript} />
        </div>
        {!ticket && own.phase !== "resuming" ? (
          <div className="voter-grid__join">
            <BookingPanel session={session} />
            <JoinForm session={session} />
          </div>
        ) : null}
      </div>
    </div>
  );
}
