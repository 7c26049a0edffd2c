import type { TicketView } from "@protocol/model.ts";
import { useNow } from "../../hooks/useNow.ts";
import { useT } from "../../i18n/useT.ts";
import { formatClock } from "../../lib/format.ts";

/** Time used by the current turn against the slot length; turns amber near the end, red past it. */
export function TurnTimer({ ticket, slotMin }: { ticket: TicketView; slotMin: number }) {
  const t = useT();
  const now = useNow(1000);
  const since = ticket.startedAt ?? ticket.calledAt;
  if (!since) return null;
  const elapsed = Math.max(0, (now - Date.parse(since)) / 1000);
  const slotSec = slotMin * 60;
  const ratio = slotSec > 0 ? elapsed / slotSec : 0;
  const level = ratio >= 1 ? "over" : ratio >= 0.8 ? "near" : "ok";
  return (
    <div className={`turn-timer turn-timer--${level}`} role="timer" aria-label={t("hall.timer.label")}>
      <span className="turn-timer__phase">{ticket.startedAt ? t("hall.timer.speaking") : t("hall.timer.called")}</span>
      <span className="turn-timer__clock">
        {formatClock(elapsed)} <span className="muted">/ {formatClock(slotSec)}</span>
      </span>
      <progress className="turn-timer__bar" max={1} value={Math.min(ratio, 1)} aria-hidden="true" />
      {level === "over" ? <span className="turn-timer__over">{t("hall.timer.over")}</span> : null}
    </div>
  );
}
