import { useNow } from "../../hooks/useNow.ts";
import { useT } from "../../i18n/useT.ts";
import { formatClock } from "../../lib/format.ts";

/** The voter's own turn time, counted from when speaking began (the same start as the hall's timer). */
export function SpeakingClock({ startedAt, slotMin }: { startedAt: string; slotMin: number }) {
  const t = useT();
  const now = useNow(1000);
  const elapsed = Math.max(0, (now - Date.parse(startedAt)) / 1000);
  return (
    <p className="ticket-card__clock" role="timer" data-testid="my-speaking-clock">
      {t("ticket.speakingFor", { time: formatClock(elapsed), slot: formatClock(slotMin * 60) })}
    </p>
  );
}
