import type { AnswerStatsRow } from "@protocol/messages.ts";
import { useT } from "../../i18n/useT.ts";

const mean = (n: number | null) => (n === null ? "—" : n.toFixed(1));

/** How a station answered recently, on its page: received, answered within N days, satisfaction (the public side of 量化积分). */
export function AnswerStatsCard({ row, windowDays, withinDays }: { row: AnswerStatsRow; windowDays: number; withinDays: number }) {
  const t = useT();
  return (
    <section className="card answer-stats" aria-labelledby="answer-stats-title" data-testid="answer-stats">
      <h2 id="answer-stats-title">{t("message.stats.title")}</h2>
      <p className="muted">{t("message.stats.window", { days: windowDays })}</p>
      <dl className="answer-stats__grid">
        <div>
          <dt>{t("message.stats.received")}</dt>
          <dd data-testid="stats-received">{row.received}</dd>
        </div>
        <div>
          <dt>{t("message.stats.answeredWithin", { days: withinDays })}</dt>
          <dd data-testid="stats-within">
            {row.answeredWithin}
            <span className="muted"> / {row.received}</span>
          </dd>
        </div>
        <div>
          <dt>{t("message.stats.pending")}</dt>
          <dd>{row.pending}</dd>
        </div>
        <div>
          <dt>{t("message.stats.satisfaction")}</dt>
          <dd>
            {mean(row.satisfaction)}
            <span className="muted"> {t("message.stats.rated", { n: row.rated })}</span>
          </dd>
        </div>
      </dl>
      <p className="field__hint">{t("message.stats.definition", { days: withinDays })}</p>
    </section>
  );
}

/** The same, in one line for the home page's station list. */
export function AnswerStatsLine({ row, withinDays }: { row: AnswerStatsRow; withinDays: number }) {
  const t = useT();
  if (!row.received) return <p className="answer-line muted">{t("message.stats.none")}</p>;
  return (
    <p className="answer-line muted" data-testid="answer-line">
      {t("message.stats.line", { received: row.received, within: row.answeredWithin, days: withinDays })}
      {row.satisfaction !== null ? ` · ${t("message.stats.lineSatisfaction", { mean: mean(row.satisfaction) })}` : ""}
    </p>
  );
}
