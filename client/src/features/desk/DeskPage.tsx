import { useCallback, useState } from "react";
import { Link, useParams } from "react-router-dom";
import type { JoinResult } from "@protocol/events.ts";
import { positionOf } from "@domain/queue.ts";
import { SessionLoadMessage } from "../../components/SessionLoadMessage.tsx";
import { SessionStatusBadge } from "../../components/SessionStatusBadge.tsx";
import { useDocumentTitle } from "../../hooks/useDocumentTitle.ts";
import { useWatchedSession } from "../../hooks/useWatchedSession.ts";
import { deskPageSlice } from "../../stores/live-session-slices.ts";
import { OutOfScopeNotice } from "../../components/OutOfScopeNotice.tsx";
import { useT } from "../../i18n/useT.ts";
import { DeskQueue } from "./DeskQueue.tsx";
import { PrintableTicket } from "./PrintableTicket.tsx";
import { WalkInForm } from "./WalkInForm.tsx";
import { OverrunPanel } from "../hall/OverrunPanel.tsx";
import { BookedNotArrived } from "../booking/BookedNotArrived.tsx";
import { DeskCheckIn } from "../booking/DeskCheckIn.tsx";

/** /desk/:sessionId — the front desk: register walk-ins, print their tickets, see the line. */
export function DeskPage() {
  const { sessionId } = useParams();
  const t = useT();
  const live = useWatchedSession(sessionId, deskPageSlice);
  const [last, setLast] = useState<JoinResult | null>(null);
  useDocumentTitle(`${t("desk.title")} · ${live.session?.title ?? t("app.name")}`);

  const backToForm = useCallback(() => {
    document.querySelector<HTMLInputElement>("[data-testid=walk-in-form] input[name=name]")?.focus();
  }, []);

  const session = live.session;
  if (!session) {
    return <SessionLoadMessage />;
  }
  const lastTicket = last ? (live.tickets[last.ticket.id] ?? last.ticket) : null;
  const position = last ? positionOf(Object.values({ ...live.tickets, [last.ticket.id]: last.ticket }), last.ticket.id) : undefined;

  return (
    <div className="desk-page">
      <header className="page-head no-print">
        <div>
          <p className="page-head__kicker">
            {t("desk.title")} · {session.venueName}
          </p>
          <h1>{session.title}</h1>
        </div>
        <div className="page-head__meta">
          <SessionStatusBadge status={session.status} />
          {/* "排队中" already says the queue takes joins: a second badge only when it adds something. */}
          {session.status !== "OPEN" || !session.queueOpen ? (
            <span className={`queue-state ${session.queueOpen ? "queue-state--open" : "queue-state--closed"}`}>
              {session.queueOpen ? t("controls.queueIsOpen") : t("controls.queueIsClosed")}
            </span>
          ) : null}
          <Link to={`/hall/${session.id}`}>{t("nav.hall")}</Link>
          <Link to="/help/voice" target="_blank" rel="noopener">
            {t("help.voice.link")}
          </Link>
        </div>
      </header>
      <OutOfScopeNotice venueId={session.venueId} />
      <OverrunPanel session={session} />
      <div className="desk-grid">
        <div className="no-print">
          <DeskCheckIn sessionId={session.id} onCheckedIn={setLast} />
          <WalkInForm session={session} onRegistered={setLast} />
        </div>
        {last && lastTicket ? (
          <PrintableTicket session={session} ticket={lastTicket} voterToken={last.voterToken} position={position} onPrinted={backToForm} />
        ) : null}
        <div className="no-print">
          <DeskQueue tickets={live.tickets} />
          <BookedNotArrived sessionId={session.id} refreshKey={last?.ticket.id} />
        </div>
      </div>
    </div>
  );
}
