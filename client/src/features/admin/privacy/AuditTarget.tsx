import type { AuditSubject } from "@protocol/privacy.ts";
import { useLang, useT, type MessageKey } from "../../../i18n/useT.ts";
import { formatDate } from "../../../lib/format.ts";

const PARTS = ["tickets", "transcript", "events", "bookings", "agenda"] as const;

/** What an audit entry touched, in words: the day (date, title, station), the ticket's label, the case's tracking code, the export. */
export function AuditTarget({ about }: { about: AuditSubject }) {
  const t = useT();
  const lang = useLang();
  const words: string[] = [];
  if (about.session) words.push(`${formatDate(lang, about.session.startsAt)} ${about.session.title}（${about.session.venueName}）`);
  if (about.ticket) words.push(t("admin.audit.ticket", { label: about.ticket.label }));
  if (about.case) words.push(t("admin.audit.case", { code: about.case.trackingCode }));
  if (about.export?.kind === "minutes") words.push(t("admin.audit.export.minutes"));
  if (about.export?.kind === "csv") {
    const part = (PARTS as readonly string[]).includes(about.export.part ?? "tickets") ? (about.export.part ?? "tickets") : "tickets";
    words.push(t("admin.audit.export.csv", { part: t(`admin.audit.export.part.${part}` as MessageKey) }));
    if (about.export.phones === "full") words.push(t("admin.audit.export.fullPhones"));
  }
  return <>{words.length ? words.join(" · ") : t("admin.audit.gone")}</>;
}
