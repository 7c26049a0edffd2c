import { useState } from "react";
import { useParams } from "react-router-dom";
import { ConnectionBanner } from "../../components/ConnectionBanner.tsx";
import { SessionLoadMessage } from "../../components/SessionLoadMessage.tsx";
import { Icon } from "../../components/Icon.tsx";
import { useDocumentTitle } from "../../hooks/useDocumentTitle.ts";
import { useNow } from "../../hooks/useNow.ts";
import { useWatchedSession } from "../../hooks/useWatchedSession.ts";
import { screenPageSlice } from "../../stores/live-session-slices.ts";
import { useLang, useT } from "../../i18n/useT.ts";
import { soundUnlocked, unlockSound } from "../../lib/attention.ts";
import { formatTime, titleBesideVenue } from "../../lib/format.ts";
import { currentTicket, latestCaptions, waitingTickets } from "../../stores/live-session-selectors.ts";
import { useCallHighlight } from "./useCallHighlight.ts";
import { ScreenVoiceControls } from "./ScreenVoiceControls.tsx";
import { SpeakerCountdown } from "../forum/SpeakerCountdown.tsx";
import { agendaProgress, isForum, speakersLists } from "../forum/forum-logic.ts";

/** /screen/:sessionId — the TV in the station: now serving, next five, live captions. */
export function HallScreenPage() {
  const { sessionId } = useParams();
  const t = useT();
  const lang = useLang();
  const now = useNow(10_000);
  const live = useWatchedSession(sessionId, screenPageSlice, { projection: "public" });
  const [soundOn, setSoundOn] = useState(soundUnlocked());
  const highlight = useCallHighlight(live.lastCall ? { seq: live.lastCall.seq, ticket: live.tickets[live.lastCall.ticketId] } : null);
  useDocumentTitle(`${t("screen.title")} · ${live.session?.title ?? t("app.name")}`);

  const session = live.session;
  if (!session) {
    return (
      <main className="screen screen--empty" id="main">
        <SessionLoadMessage className="" />
      </main>
    );
  }
  const current = currentTicket(live.tickets);
  const forum = isForum(session);
  const progress = forum ? agendaProgress(session) : null;
  // A forum's "next" is the current item's speakers' list.
  const next = (forum ? (speakersLists(Object.values(live.tickets), session)[0]?.waiting ?? []) : waitingTickets(live.tickets)).slice(0, 5);
  const captions = latestCaptions(live.transcript, 3);

  return (
    <main className={`screen ${forum ? "screen--forum" : ""} ${highlight ? "screen--calling" : ""}`} id="main" data-testid="hall-screen">
      <ConnectionBanner />
      <header className="screen__head">
        <div>
          <p className="screen__venue">{session.venueName}</p>
          <h1 className="screen__title">{titleBesideVenue(session.title, session.venueName)}</h1>
          {session.theme ? <p className="screen__theme">{t("session.theme")}{t("punct.colon")}{session.theme}</p> : null}
        </div>
        <div className="screen__tools">
          <p className="screen__clock">{formatTime(lang, new Date(now).toISOString())}</p>
          {!soundOn ? (
            <button
              type="button"
              className="button"
              onClick={() => {
                unlockSound();
                setSoundOn(true);
              }}
            >
              <Icon name="bell" /> {t("screen.enableSound")}
            </button>
          ) : (
            <ScreenVoiceControls />
          )}
          <button type="button" className="button" onClick={() => void document.documentElement.requestFullscreen?.().catch(() => undefined)}>
            <Icon name="expand" /> {t("screen.fullscreen")}
          </button>
        </div>
      </header>
      {progress ? (
        <section className="screen__agenda" aria-labelledby="screen-agenda-title" data-testid="screen-agenda" data-position={progress.position}>
          <h2 id="screen-agenda-title" className="screen__agenda-kicker">
            {progress.current ? t("forum.agendaPosition", { n: progress.position, total: progress.total }) : t("forum.screen.current")}
          </h2>
          <p className="screen__agenda-title" data-testid="screen-agenda-title">
            {progress.current ? progress.current.title : progress.phase === "done" ? t("forum.where.done") : t("forum.hall.notStarted")}
          </p>
        </section>
      ) : null}
      <section className="screen__now" aria-live="assertive" aria-atomic="true">
        <h2 className="screen__now-title">{current?.status === "CALLED" ? t(current.channel === "ONLINE" ? "screen.pleaseComeOnline" : "screen.pleaseCome") : forum ? t("forum.screen.speaker") : t("board.nowServing")}</h2>
        <p className="screen__now-label" data-testid="screen-now">
          {current?.label ?? "—"}
        </p>
        {current ? <p className="screen__now-name">{current.name}</p> : <p className="screen__now-name">{t("screen.idle")}</p>}
        {forum && current && current.status === "SPEAKING" ? <SpeakerCountdown ticket={current} item={progress?.current ?? null} className="screen__countdown" /> : null}
      </section>
      <section className="screen__next" aria-labelledby="screen-next-title">
        <h2 id="screen-next-title">{t("screen.next")}</h2>
        <ol data-testid="screen-next">
          {next.map((ticket) => (
            <li key={ticket.id}>{ticket.label}</li>
          ))}
          {next.length === 0 ? <li className="screen__none">—</li> : null}
        </ol>
      </section>
      <section className="screen__captions" aria-labelledby="screen-captions-title">
        <h2 id="screen-captions-title" className="visually-hidden">
          {t("captions.title")}
        </h2>
        <ol aria-live="polite" data-testid="screen-captions">
          {captions.map((line) => (
            <li key={line.id}>
              <span className="screen__speaker">{line.entry.speakerName ?? t(`speakerRole.${line.entry.speakerRole}`)}{t("punct.colon")}</span>
              {line.text}
              {line.amended ? <span className="caption__amended">{t("punct.paren", { text: t("transcript.corrected") })}</span> : null}
            </li>
          ))}
        </ol>
      </section>
    </main>
  );
}
