import { useT } from "../../i18n/useT.ts";
import { usePublicData } from "../messages/usePublicData.ts";
import { suggestionApi } from "./suggestion-api.ts";
import "./suggestions.css";

/** A station's page (§6e): the deputies' suggestions born from its concerns and how they were answered, in words. */
export function StationSuggestions({ venueId }: { venueId: string }) {
  const t = useT();
  const data = usePublicData(() => suggestionApi.station(venueId), venueId);
  const v = data.data;
  if (!v || v.counts.total === 0) return null;
  const c = v.counts;
  return (
    <section className="card" aria-labelledby="venue-suggestions" data-testid="station-suggestions">
      <h2 id="venue-suggestions">{t("suggestion.station.title")}</h2>
      <p>{t("suggestion.station.counts", { total: c.total, answered: c.answered, onTime: c.onTime })}</p>
      <p>{t("suggestion.station.kinds", { a: c.byKind.A, b: c.byKind.B, c: c.byKind.C })}</p>
      {c.evaluated ? <p>{t("suggestion.station.satisfied", { evaluated: c.evaluated, satisfied: c.satisfied })}</p> : null}
      <ul className="station-suggestions">
        {v.recent.map((r) => (
          <li key={r.number}>
            <strong>{r.number}</strong> {r.title}
            <span className="muted">
              {" "}
              · {t(`suggestion.status.${r.status}`)}
              {r.departmentName ? ` · ${r.departmentName}` : ""}
              {r.answerKind ? ` · ${t(`suggestion.kind.${r.answerKind}`)}` : ""}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
