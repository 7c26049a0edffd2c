import type { Supervision } from "@protocol/suggestions.ts";
import { useT } from "../../i18n/useT.ts";

/** 三色督办: the colour with its words beside it (never colour alone), and a shape for each. */
export function SupervisionBadge({ supervision }: { supervision: Supervision | null }) {
  const t = useT();
  if (!supervision) return <span className="muted">{t("suggestion.supervision.none")}</span>;
  const mark = { GREEN: "●", YELLOW: "▲", RED: "■" }[supervision];
  return (
    <span className={`badge supervision supervision--${supervision.toLowerCase()}`}>
      <span aria-hidden="true">{mark}</span> {t(`suggestion.supervision.${supervision}`)}
    </span>
  );
}
