import { useState } from "react";
import type { SessionView } from "@protocol/model.ts";
import { EXTENSION_MINUTES, extendedEnd, overrunOf } from "@domain/session-overrun.ts";
import { Dialog } from "../../components/Dialog.tsx";
import { useAction } from "../../hooks/useAction.ts";
import { useNow } from "../../hooks/useNow.ts";
import { useLang, useT } from "../../i18n/useT.ts";
import { errorMessage } from "../../lib/error-message.ts";
import { formatTime } from "../../lib/format.ts";
import { updateSession } from "../../socket.ts";
import { boApi } from "../admin/api.ts";

/**
 * For the hall console and the desk: the day has passed its scheduled end.
 * Staff decide — end it now, or move the end later (an ordinary, audited
 * session update). Nothing changes the stored day by itself.
 */
export function OverrunPanel({ session }: { session: SessionView }) {
  const t = useT();
  const lang = useLang();
  const now = useNow(15_000);
  const { busy, error, run } = useAction();
  const [confirmEnd, setConfirmEnd] = useState(false);
  const overrun = overrunOf(session, now);
  if (!overrun) return null;
  // From the same `now` the button's label was computed from: staff get the end time they read on it.
  const extend = (minutes: number) => void run(() => boApi.updateSession(session.id, { endsAt: extendedEnd(session.endsAt, now, minutes) }));
  return (
    <section className="notice notice--warn overrun-panel no-print" role="region" aria-labelledby="overrun-title" data-testid="staff-overrun">
      <h2 id="overrun-title" className="overrun-panel__title">
        {t("overrun.staff", { time: formatTime(lang, overrun.endsAt) })}
      </h2>
      <p className="overrun-panel__hint">{t("overrun.staffHint", { n: overrun.minutesOver })}</p>
      <div className="button-row">
        {EXTENSION_MINUTES.map((m) => (
          <button key={m} type="button" className="button" disabled={busy} onClick={() => extend(m)}>
            {t(m % 60 === 0 ? "overrun.extendHours" : "overrun.extendMinutes", { n: m % 60 === 0 ? m / 60 : m, time: formatTime(lang, extendedEnd(session.endsAt, now, m)) })}
          </button>
        ))}
        <button type="button" className="button button--danger" disabled={busy} onClick={() => setConfirmEnd(true)}>
          {t("overrun.endNow")}
        </button>
      </div>
      <div className="action-error" role="alert" aria-live="assertive">
        {error ? errorMessage(t, error) : ""}
      </div>
      <Dialog open={confirmEnd} title={t(session.kind === "FORUM" ? "forum.controls.endTitle" : "controls.endTitle")} onClose={() => setConfirmEnd(false)}>
        <p>{t(session.kind === "FORUM" ? "forum.controls.endConfirm" : "controls.endConfirm")}</p>
        <div className="dialog__actions">
          <button type="button" className="button" onClick={() => setConfirmEnd(false)} autoFocus>
            {t("common.cancel")}
          </button>
          <button
            type="button"
            className="button button--danger"
            onClick={() => {
              setConfirmEnd(false);
              void run(() => updateSession({ sessionId: session.id, status: "ENDED" }));
            }}
          >
            {t("overrun.endNow")}
          </button>
        </div>
      </Dialog>
    </section>
  );
}
