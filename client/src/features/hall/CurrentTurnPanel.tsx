import type { AgendaItemView, SessionView, TicketView } from "@protocol/model.ts";
import { ChannelBadge } from "../../components/ChannelBadge.tsx";
import { useT } from "../../i18n/useT.ts";
import { MaskedPhone } from "../privacy/MaskedPhone.tsx";
import { privacyApi } from "../privacy/privacy-api.ts";
import { TurnTimer } from "./TurnTimer.tsx";
import { SpeakerCountdown } from "../forum/SpeakerCountdown.tsx";

interface Props {
  session: SessionView;
  current: TicketView | undefined;
  waitingCount: number;
  busy: boolean;
  onCallNext: () => void;
  onStart: (t: TicketView) => void;
  onFinish: (t: TicketView) => void;
  onNoShow: (t: TicketView) => void;
  /** 座谈会: the item whose floor this is (its speakerMin is the speaker's time box); undefined for a reception */
  forumItem?: AgendaItemView | null | undefined;
}

/** Who is at the lectern, the turn's clock, and the one obvious next action. */
export function CurrentTurnPanel({ session, current, waitingCount, busy, onCallNext, onStart, onFinish, onNoShow, forumItem }: Props) {
  const t = useT();
  const forum = forumItem !== undefined;
  return (
    <section className="panel current-turn" aria-labelledby="current-title">
      <h2 id="current-title">{t("hall.current.title")}</h2>
      {current ? (
        <div className="current-turn__body" data-testid="current-turn" data-status={current.status}>
          <div className="current-turn__who">
            <span className="current-turn__label">{current.label}</span>
            <div>
              <p className="current-turn__name">
                {current.name}
                {current.phone ? (
                  <span className="muted">
                    {" "}
                    · <MaskedPhone key={current.id} masked={current.phone} reveal={() => privacyApi.revealTicketPhone(current.id)} />
                  </span>
                ) : null}
              </p>
              <p>
                <ChannelBadge channel={current.channel} /> <span className="badge">{t(`ticketStatus.${current.status}`)}</span>
                {current.priority ? <span className="badge badge--priority">★ {current.priorityReason ?? t("hall.priority")}</span> : null}
              </p>
            </div>
          </div>
          {current.topic ? <p className="current-turn__topic">{current.topic}</p> : null}
          {current.question ? <p className="current-turn__question">{current.question}</p> : null}
          {forum ? <SpeakerCountdown ticket={current} item={forumItem} /> : <TurnTimer ticket={current} slotMin={session.slotMin} />}
          <div className="button-row">
            {current.status === "CALLED" ? (
              <>
                <button type="button" className="button button--primary button--large" disabled={busy} onClick={() => onStart(current)}>
                  {t("hall.start")}
                </button>
                <button type="button" className="button" disabled={busy} onClick={() => onNoShow(current)}>
                  {t("hall.noShow")}
                </button>
              </>
            ) : (
              <button type="button" className="button button--primary button--large" disabled={busy} onClick={() => onFinish(current)}>
                {t("hall.finish")}
              </button>
            )}
          </div>
        </div>
      ) : (
        <div className="current-turn__body">
          <p className="muted">{t("hall.current.none")}</p>
          <button
            type="button"
            className="button button--primary button--large"
            // A forum gives the floor per item: nothing to call from before the first item or after the last.
            disabled={busy || waitingCount === 0 || forumItem === null}
            onClick={onCallNext}
            data-testid="call-next"
          >
            {forum ? t("forum.hall.callNext") : t("hall.callNext")}
          </button>
          {waitingCount === 0 ? <p className="muted">{t("hall.queue.empty")}</p> : null}
        </div>
      )}
    </section>
  );
}
