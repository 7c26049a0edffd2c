import { useEffect, useRef } from "react";
import type { TicketView } from "@protocol/model.ts";
import { useT } from "../../i18n/useT.ts";
import { beepCalled, notify, vibrate } from "../../lib/attention.ts";
import { pause, say } from "../../lib/speech.ts";
import { calledReadout } from "../../lib/spoken-text.ts";
import { useLang } from "../../i18n/useT.ts";
import { forgetReadAloud, useReadAloud } from "../../stores/read-aloud.ts";

/**
 * The "you are called" moment: when the voter's ticket turns CALLED, beep,
 * vibrate, raise a system notification (if allowed) and flag the tab title —
 * and, once the voter has used 读给我听 on this page, say "轮到您了" (docs/ARCHITECTURE.md §7b).
 */
export function useCalledAlert(ticket: TicketView | null, pageTitle: string): void {
  const t = useT();
  const lang = useLang();
  const previous = useRef<string | null>(null);
  const status = ticket?.status ?? null;
  const readAloud = useReadAloud((s) => s.used);

  // "Used on this page": leaving the page forgets it.
  useEffect(() => forgetReadAloud, []);

  useEffect(() => {
    const was = previous.current;
    previous.current = status;
    if (status !== "CALLED" || was === "CALLED" || !ticket) return;
    beepCalled();
    vibrate([300, 150, 300, 150, 600]);
    notify(t("called.notificationTitle", { label: ticket.label }), t("called.hint"));
    if (readAloud) {
      // After the beep, not over it.
      void pause(2900);
      void say({ text: calledReadout(t, ticket.channel), lang });
    }
  }, [status, ticket, t, lang, readAloud]);

  useEffect(() => {
    if (status === "CALLED" && ticket) document.title = t("called.pageTitle", { label: ticket.label, title: pageTitle });
    else if (status === "SPEAKING") document.title = t("speaking.pageTitle", { title: pageTitle });
    else document.title = pageTitle;
  }, [status, ticket, pageTitle, t]);
}
