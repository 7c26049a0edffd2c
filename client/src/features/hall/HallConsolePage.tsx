import { useCallback, useState } from "react";
import { Link, useParams } from "react-router-dom";
import type { TicketView } from "@protocol/model.ts";
import { SessionLoadMessage } from "../../components/SessionLoadMessage.tsx";
import { SessionStatusBadge } from "../../components/SessionStatusBadge.tsx";
import { useAction } from "../../hooks/useAction.ts";
import { useDocumentTitle } from "../../hooks/useDocumentTitle.ts";
import { useWatchedSession } from "../../hooks/useWatchedSession.ts";
import { hallPageSlice } from "../../stores/live-session-slices.ts";
import { OutOfScopeNotice } from "../../components/OutOfScopeNotice.tsx";
import { ViewerCount } from "../../components/ViewerCount.tsx";
import { useT } from "../../i18n/useT.ts";
import { errorMessage, fieldMessages } from "../../lib/error-message.ts";
import { callNext, callTicket, markNoShow, requeueTicket, startTurn } from "../../socket.ts";
import { useAuth } from "../../stores/auth.ts";
import { currentTicket, finishedTickets, noShowTickets, serviceEstimateOf, someoneBeingServed, waitingTickets } from "../../stores/live-session-selectors.ts";
import { CurrentTurnPanel } from "./CurrentTurnPanel.tsx";
import { FinishTurnDialog } from "./FinishTurnDialog.tsx";
import { HallCallControls } from "./HallCallControls.tsx";
import { MissedAndDone } from "./MissedAndDone.tsx";
import { OverrunPanel } from "./OverrunPanel.tsx";
import { PrioritizeDialog } from "./PrioritizeDialog.tsx";
import { QueueTable } from "./QueueTable.tsx";
import { SessionControls } from "./SessionControls.tsx";
import { StreamPanel } from "./StreamPanel.tsx";
import { TranscriptEditor } from "./TranscriptEditor.tsx";
import { TurnFinishedNotice } from "./TurnFinishedNotice.tsx";
import { SupportedTopics } from "./SupportedTopics.tsx";
import { BookedNotArrived } from "../booking/BookedNotArrived.tsx";
import { ForumAgendaPanel } from "../forum/ForumAgendaPanel.tsx";
import { agendaProgress, isForum, speakersLists } from "../forum/forum-logic.ts";

/** /hall/:sessionId — the deputy's console: call, hear, close each turn; keep the record. */
export function HallConsolePage() {
  const { sessionId } = useParams();
  const t = useT();
  const user = useAuth((s) => s.user);
  const live = useWatchedSession(sessionId, hallPageSlice);
  const { busy, error, run } = useAction();
  const [finishing, setFinishing] = useState<TicketView | null>(null);
  const [prioritizing, setPrioritizing] = useState<TicketView | null>(null);
  const [justFinished, setJustFinished] = useState<TicketView | null>(null);
  const dismissFinished = useCallback(() => setJustFinished(null), []);
  useDocumentTitle(`${t("hall.title")} · ${live.session?.title ?? t("app.name")}`);

  const session = live.session;
  if (!session) {
    return <SessionLoadMessage />;
  }
  const forum = isForum(session);
  // A forum gives the floor per agenda item: the current item's list is the one hall:callNext takes from.
  const lists = forum ? speakersLists(Object.values(live.tickets), session) : [];
  const forumItem = forum ? agendaProgress(session).current : undefined;
  const waiting = forum ? (lists[0]?.waiting ?? []) : waitingTickets(live.tickets);
  const current = currentTicket(live.tickets);
  const served = someoneBeingServed(live.tickets);
  const slotSec = (forumItem?.speakerMin ?? session.slotMin) * 60;
  const queueProps = {
    someoneServed: served,
    estimate: serviceEstimateOf(live.tickets, slotSec),
    busy,
    onCall: (x: TicketView) => void run(() => callTicket(x.id)),
    onPrioritize: setPrioritizing,
  };

  return (
    <div className="hall-page">
      <header className="page-head">
        <div>
          <p className="page-head__kicker">
            {t("hall.title")} · {session.venueName}
          </p>
          <h1>{session.title}</h1>
        </div>
        <div className="page-head__meta">
          <SessionStatusBadge status={session.status} />
          <ViewerCount label="hall.viewers" className="badge" testId="viewer-count" />
          {live.cases.length ? <span className="badge">{t("hall.cases", { n: live.cases.length })}</span> : null}
          <Link to={`/desk/${session.id}`}>{t("nav.desk")}</Link>
          <Link to={`/screen/${session.id}`} target="_blank" rel="noopener">
            {t("nav.screen")}
          </Link>
          <Link to="/help/voice" target="_blank" rel="noopener">
            {t("help.voice.link")}
          </Link>
          <Link to={`/s/${session.id}`} target="_blank" rel="noopener">
            {t("nav.voterView")}
          </Link>
        </div>
      </header>
      <OutOfScopeNotice venueId={session.venueId} />
      <OverrunPanel session={session} />
      <SessionControls session={session} busy={busy} run={run} />
      <TurnFinishedNotice ticket={justFinished} onDismiss={dismissFinished} />
      <div className="action-error" role="alert" aria-live="assertive">
        {error ? [errorMessage(t, error), ...Object.values(fieldMessages(t, error))].join(" ") : ""}
      </div>
      <div className="hall-grid">
        <div className="hall-grid__queue">
          {forum ? <ForumAgendaPanel session={session} busy={busy} run={run} /> : null}
          <CurrentTurnPanel
            session={session}
            current={current}
            waitingCount={waiting.length}
            busy={busy}
            onCallNext={() => void run(() => callNext(session.id))}
            onStart={(x) => void run(() => startTurn(x.id))}
            onFinish={setFinishing}
            onNoShow={(x) => void run(() => markNoShow(x.id))}
            {...(forum ? { forumItem: forumItem ?? null } : {})}
          />
          <HallCallControls current={current} />
          {forum ? (
            lists.map((list, i) => (
              <QueueTable
                key={list.item.id}
                {...queueProps}
                waiting={list.waiting}
                title={list.current ? t("forum.hall.listCurrent", { title: list.item.title }) : t("forum.hall.list", { title: `${list.item.position}. ${list.item.title}` })}
                testId={i === 0 ? "hall-queue" : `hall-queue-item-${list.item.position}`}
              />
            ))
          ) : (
            <QueueTable {...queueProps} waiting={waiting} />
          )}
          <SupportedTopics tickets={live.tickets} />
          <BookedNotArrived sessionId={session.id} />
          <MissedAndDone
            missed={noShowTickets(live.tickets)}
            finished={finishedTickets(live.tickets)}
            busy={busy}
            onRequeue={(x, keepPlace) => void run(() => requeueTicket({ ticketId: x.id, keepPlace }))}
          />
        </div>
        <div className="hall-grid__record">
          <TranscriptEditor session={session} transcript={live.transcript} current={current} user={user} />
          <StreamPanel session={session} />
        </div>
      </div>
      <FinishTurnDialog ticket={finishing} onClose={() => setFinishing(null)} onFinished={setJustFinished} />
      <PrioritizeDialog ticket={prioritizing} onClose={() => setPrioritizing(null)} />
    </div>
  );
}
