import { useState } from "react";
import { Link } from "react-router-dom";
import type { SessionView, TicketView } from "@protocol/model.ts";
import { ChannelBadge } from "../../components/ChannelBadge.tsx";
import { Dialog } from "../../components/Dialog.tsx";
import { useT } from "../../i18n/useT.ts";
import type { ClientError } from "../../lib/client-error.ts";
import { errorMessage } from "../../lib/error-message.ts";
import { formatWaitRange } from "../../lib/format.ts";
import { leaveQueue } from "../../socket.ts";
import { standingOf, type TicketMap } from "../../stores/live-session-selectors.ts";
import { startOver } from "../../stores/voter-ticket.ts";
import { MyDataActions } from "../privacy/MyDataActions.tsx";
import { CopyButton } from "../../components/CopyButton.tsx";
import { NotifyMeButton } from "./NotifyMeButton.tsx";
import { SpeakingClock } from "./SpeakingClock.tsx";
import { ReadAloudButton } from "../../components/ReadAloudButton.tsx";
import { ticketReadout } from "../../lib/spoken-text.ts";

interface Props {
  ticket: TicketView;
  tickets: TicketMap;
  session: SessionView;
  /** in a forum: the agenda item whose speakers' list the ticket is on */
  agendaItemTitle?: string | undefined;
}

/** The voter's own ticket: label, place in line, wait, status — kept live. */
export function MyTicketCard({ ticket, tickets, session, agendaItemTitle }: Props) {
  const t = useT();
  const [confirming, setConfirming] = useState(false);
  const [failure, setFailure] = useState<ClientError | null>(null);
  // The own projection is the freshest word on this ticket; the public list gives the others.
  const standing = ticket.status === "WAITING" ? standingOf({ ...tickets, [ticket.id]: ticket }, ticket.id, session.slotMin * 60) : undefined;
  const canLeave = ticket.status === "WAITING" || ticket.status === "CALLED";

  async function leave() {
    setConfirming(false);
    const res = await leaveQueue();
    setFailure(res.ok ? null : res.error);
  }

  return (
    <section className={`card ticket-card ticket-card--${ticket.status.toLowerCase()}`} aria-labelledby="my-ticket-title" data-testid="my-ticket">
      <div className="ticket-card__head">
        <h2 id="my-ticket-title" tabIndex={-1}>{t("ticket.title")}</h2>
        <ChannelBadge channel={ticket.channel} />
      </div>
      <p className="ticket-card__label" data-testid="my-ticket-label">
        <span className="visually-hidden">{t("ticket.label")} </span>
        {ticket.label}
      </p>
      {agendaItemTitle ? (
        <p className="ticket-card__item" data-testid="my-ticket-item">
          <span className="muted">{t("forum.join.item")}{t("punct.colon")}</span>
          {agendaItemTitle}
        </p>
      ) : null}
      <div className="ticket-card__status" aria-live="polite" data-testid="my-ticket-status" data-status={ticket.status}>
        {standing ? (
          <>
            <p className="ticket-card__position" data-testid="my-ticket-position" data-position={standing.position}>
              {t("ticket.position", { n: standing.position })}
            </p>
            <p>{standing.ahead === 0 ? t("ticket.aheadNone") : t("ticket.ahead", { n: standing.ahead })}</p>
            <p className="ticket-card__wait" data-testid="my-ticket-wait">
              {t("ticket.wait", { time: formatWaitRange(t, standing.wait) })}
            </p>
          </>
        ) : (
          <p className="ticket-card__state">{t(`ticket.state.${ticket.status}`)}</p>
        )}
        {ticket.status === "SPEAKING" && ticket.startedAt ? <SpeakingClock startedAt={ticket.startedAt} slotMin={session.slotMin} /> : null}
      </div>
      <ReadAloudButton
        text={() =>
          ticketReadout(t, {
            label: ticket.label,
            status: ticket.status,
            channel: ticket.channel,
            ...(standing ? { position: standing.position, ahead: standing.ahead, wait: formatWaitRange(t, standing.wait) } : {}),
          })
        }
        hint={ticket.status === "WAITING" ? t("readAloud.willSayTurn") : undefined}
      />
      {ticket.topic ? (
        <p className="ticket-card__topic">
          <span className="muted">{t("ticket.topic")}</span>
          {ticket.topic}
        </p>
      ) : null}
      {ticket.status === "DONE" && ticket.trackingCode ? (
        <div className="ticket-card__tracking" data-testid="tracking">
          <p>{t("ticket.tracking")}</p>
          <p className="ticket-card__tracking-code">{ticket.trackingCode}</p>
          <CopyButton text={ticket.trackingCode} label={t("track.code")} />
          <Link className="button" to={`/track/${encodeURIComponent(ticket.trackingCode)}`}>
            {t("ticket.trackingLink")}
          </Link>
        </div>
      ) : null}
      {ticket.status === "WAITING" ? (
        <>
          <p className="muted">{t("ticket.keepOpen")}</p>
          <NotifyMeButton />
        </>
      ) : null}
      {failure ? (
        <p className="form__error" role="alert">
          {errorMessage(t, failure)}
        </p>
      ) : null}
      <div className="ticket-card__actions">
        {canLeave ? (
          <button type="button" className="button button--quiet" onClick={() => setConfirming(true)}>
            {t("ticket.leave")}
          </button>
        ) : null}
        {ticket.status === "LEFT" || ticket.status === "NO_SHOW" || ticket.status === "DONE" ? (
          <button type="button" className="button" onClick={startOver} disabled={!session.queueOpen || session.status === "ENDED"}>
            {t("ticket.joinAgain")}
          </button>
        ) : null}
      </div>
      <MyDataActions />
      <Dialog open={confirming} title={t("ticket.leaveTitle")} onClose={() => setConfirming(false)}>
        <p>{t("ticket.leaveConfirm")}</p>
        <div className="dialog__actions">
          <button type="button" className="button" onClick={() => setConfirming(false)} autoFocus>
            {t("ticket.leaveKeep")}
          </button>
          <button type="button" className="button button--danger" onClick={() => void leave()}>
            {t("ticket.leave")}
          </button>
        </div>
      </Dialog>
    </section>
  );
}
