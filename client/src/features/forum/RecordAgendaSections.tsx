import { Link } from "react-router-dom";
import type { AgendaItemView, CaseView, TicketView, TranscriptEntryView } from "@protocol/model.ts";
import { useLang, useT } from "../../i18n/useT.ts";
import { formatTime } from "../../lib/format.ts";
import { recordSections } from "./record-sections.ts";

interface Props {
  agenda: readonly AgendaItemView[];
  tickets: readonly TicketView[];
  transcript: readonly TranscriptEntryView[];
  cases: readonly CaseView[];
}

/** A forum's record item by item: its time, who spoke (with the turn's summary), the answers, the cases it raised. */
export function RecordAgendaSections({ agenda, tickets, transcript, cases }: Props) {
  const t = useT();
  const lang = useLang();
  const sections = recordSections(agenda, tickets, transcript, cases);
  return (
    <section className="card" aria-labelledby="record-agenda" data-testid="record-agenda">
      <h2 id="record-agenda">{t("forum.record.agenda")}</h2>
      {sections.map(({ item, speakers, entries, cases: born }) => (
        <article key={item.id} className="record-item" aria-labelledby={`record-item-${item.id}`} data-testid={`record-item-${item.position}`}>
          <h3 id={`record-item-${item.id}`}>
            {t("forum.record.item", { n: item.position, title: item.title })}{" "}
            <span className="muted record-item__time">
              {item.startedAt
                ? t("forum.record.itemTime", { start: formatTime(lang, item.startedAt), end: item.endedAt ? formatTime(lang, item.endedAt) : "…" })
                : t("forum.record.notHeld")}
            </span>
          </h3>
          <h4>{t("forum.record.speakers")}</h4>
          {speakers.length === 0 ? (
            <p className="muted">{t("forum.record.noSpeakers")}</p>
          ) : (
            <ul className="plain-list record-item__speakers">
              {speakers.map((s) => (
                <li key={s.id}>
                  <strong>{s.label}</strong> {s.name}
                  {s.topic ? <span> · {s.topic}</span> : null}
                  {s.summary ? <div className="muted">{s.summary}</div> : null}
                </li>
              ))}
            </ul>
          )}
          {entries.length ? (
            <>
              <h4>{t("forum.record.answers")}</h4>
              <ul className="plain-list">
                {entries.map((e) => (
                  <li key={e.id}>
                    <span className="muted">
                      {formatTime(lang, e.createdAt)} · {t(`speakerRole.${e.speakerRole}`)}
                      {e.speakerName ? ` · ${e.speakerName}` : ""}
                      {t("punct.colon")}
                    </span>
                    {e.currentText}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {born.length ? (
            <>
              <h4>{t("forum.record.cases")}</h4>
              <ul className="plain-list">
                {born.map((c) => (
                  <li key={c.id}>
                    <Link to={`/admin/cases/${c.id}`}>
                      <strong>{c.trackingCode}</strong> {t("punct.bracket", { text: c.category })}
                      {c.summary}
                    </Link>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </article>
      ))}
    </section>
  );
}
