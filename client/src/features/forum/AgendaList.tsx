import type { AgendaItemView } from "@protocol/model.ts";
import { useT } from "../../i18n/useT.ts";

/** The agenda as an ordered list: each item's title, time box and state; the current one marked 进行中. */
export function AgendaList({ agenda, testId = "agenda-list" }: { agenda: readonly AgendaItemView[]; testId?: string }) {
  const t = useT();
  const items = [...agenda].sort((a, b) => a.position - b.position);
  return (
    <ol className="agenda-list" data-testid={testId}>
      {items.map((item) => (
        <li
          key={item.id}
          className={`agenda-list__item agenda-list__item--${item.status.toLowerCase()}`}
          aria-current={item.status === "CURRENT" ? "step" : undefined}
          data-status={item.status}
        >
          <span className="agenda-list__pos" aria-hidden="true">
            {item.position}
          </span>
          <span className="agenda-list__body">
            <span className="agenda-list__title">{item.title}</span>
            <span className="agenda-list__meta">
              <span className={`badge badge--agenda-${item.status.toLowerCase()}`}>{t(`forum.item.status.${item.status}`)}</span>{" "}
              {t("forum.item.timebox", { n: item.timeboxMin })} · {t("forum.item.speakerMin", { n: item.speakerMin })}
            </span>
          </span>
        </li>
      ))}
    </ol>
  );
}
