import { useT } from "../../i18n/useT.ts";
import { formatClock } from "../../lib/format.ts";
import type { Countdown } from "./forum-logic.ts";

/**
 * A countdown against a limit: time left, then how far over (red, with a
 * sign, so it reads without colour too). `kind` names it for screen readers.
 */
export function ForumClock({ clock, label, testId, className = "" }: { clock: Countdown; label: string; testId?: string; className?: string }) {
  const t = useT();
  return (
    <div className={`forum-clock forum-clock--${clock.level} ${className}`} role="timer" aria-label={label} data-testid={testId} data-level={clock.level}>
      <span className="forum-clock__label">{label}</span>
      <span className="forum-clock__value">
        {clock.level === "over" ? t("forum.timer.over", { time: formatClock(clock.overSec) }) : t("forum.timer.left", { time: formatClock(clock.remainingSec) })}
      </span>
      <span className="muted">{t("forum.timer.of", { time: formatClock(clock.limitSec) })}</span>
    </div>
  );
}
