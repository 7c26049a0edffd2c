import type { AuditSubject } from "@protocol/privacy.ts";
import { actionWords } from "./AuditResult.tsx";
import { useLang, useT, type MessageKey } from "../../../i18n/useT.ts";
import { formatDate } from "../../../lib/format.ts";

const PARTS = ["tickets", "transcript", "events", "bookings", "agenda"] as const;

/**
 * What an audit entry touched, in words: what a refused caller tried, the
 * day (date, title, station), the ticket's label, the case's tracking code,
 * the account's or station's name, the export.
 */
export function AuditTarget({ about, empty = false }: { about: AuditSubject; empty?: boolean }) {
  const t = useT();
  const lang = useLang();
  const words: string[] = [];
  if (about.tried) words.push(t("admin.audit.tried", { action: actionWords(t, about.tried) }));
  if (about.route) words.push(t("admin.audit.triedRoute", { route: about.route }));
  if (about.session) words.push(`${formatDate(lang, about.session.startsAt)} ${about.session.title}（${about.session.venueName}）`);
  if (about.ticket) words.push(t("admin.audit.ticket", { label: about.ticket.label }));
  if (about.case) words.push(t("admin.audit.case", { code: about.case.trackingCode }));
  if (about.user) words.push(t("admin.audit.user", { name: about.user.displayName }));
  if (about.venue) words.push(t("admin.audit.venue", { name: about.venue.name }));
  if (about.export?.kind === "minutes") words.push(t("admin.audit.export.minutes"));
  if (about.export?.kind === "csv") {
    const part = (PARTS as readonly string[]).includes(about.export.part ?? "tickets") ? (about.export.part ?? "tickets") : "tickets";
    words.push(t("admin.audit.export.csv", { part: t(`admin.audit.export.part.${part}` as MessageKey) }));
    if (about.export.phones === "full") words.push(t("admin.audit.export.fullPhones"));
  }
  // An entry about nothing in particular (a failed login, a backup) is a dash; one whose record went says so.
  return <>{words.length ? words.join(" · ") : empty ? t("admin.audit.nothing") : t("admin.audit.gone")}</>;
}
