import type { AgendaItemView, TicketView } from "@protocol/model.ts";
import { useNow } from "../../hooks/useNow.ts";
import { useT } from "../../i18n/useT.ts";
import { ForumClock } from "./ForumClock.tsx";
import { speakerCountdown } from "./forum-logic.ts";

/** The speaker's time box in a forum: the current item's minutes per speaker, counted down from the start of the turn. */
export function SpeakerCountdown({ ticket, item, className }: { ticket: TicketView; item: AgendaItemView | null; className?: string }) {
  const t = useT();
  const now = useNow(1000);
  const clock = speakerCountdown(ticket, item, now);
  if (!clock) {
    return ticket.status === "CALLED" ? (
      <p className="muted" data-testid="speaker-countdown" data-level="called">
        {t("forum.timer.called")}
      </p>
    ) : null;
  }
  return <ForumClock clock={clock} label={t("forum.timer.label")} testId="speaker-countdown" className={className} />;
}
