import type { SessionView } from "@protocol/model.ts";
import { overrunOf } from "@domain/session-overrun.ts";
import { useNow } from "../../hooks/useNow.ts";
import { useLang, useT } from "../../i18n/useT.ts";
import { formatTime } from "../../lib/format.ts";

/**
 * Tells voters, politely, that the day has run past its scheduled end and
 * the staff may close it soon. Joining stays possible while staff keep the
 * queue open: only they end a day (docs/ARCHITECTURE.md "Overrun as built").
 */
export function OverrunNotice({ session }: { session: SessionView }) {
  const t = useT();
  const lang = useLang();
  const overrun = overrunOf(session, useNow(30_000));
  if (!overrun) return null;
  return (
    <p className="notice notice--warn" role="status" data-testid="voter-overrun">
      {t(session.queueOpen ? "overrun.voterStillOpen" : "overrun.voter", { time: formatTime(lang, overrun.endsAt) })}
    </p>
  );
}
