import { useEffect, useRef } from "react";
import type { TicketView } from "@protocol/model.ts";
import { useT } from "../../i18n/useT.ts";
import { beepCalled, notify, vibrate } from "../../lib/attention.ts";

/**
 * The "you are called" moment: when the voter's ticket turns CALLED, beep,
 * vibrate, raise a system notification (if allowed) and flag the tab title.
 */
export function useCalledAlert(ticket: TicketView | null, pageTitle: string): void {
  const t = useT();
  const previous = useRef<string | null>(null);
  const status = ticket?.status ?? null;

  useEffect(() => {
    const was = previous.current;
    previous.current = status;
    if (status !== "CALLED" || was === "CALLED" || !ticket) return;
    beepCalled();
    vibrate([300, 150, 300, 150, 600]);
    notify(t("called.notificationTitle", { label: ticket.label }), t("called.hint"));
  }, [status, ticket, t]);

  useEffect(() => {
    if (status === "CALLED" && ticket) document.title = t("called.pageTitle", { label: ticket.label, title: pageTitle });
    else if (status === "SPEAKING") document.title = t("speaking.pageTitle", { title: pageTitle });
    else document.title = pageTitle;
  }, [status, ticket, pageTitle, t]);
}
