import type { CaseSource } from "@protocol/model.ts";
import { useT } from "../../../i18n/useT.ts";

/** Marks a case from the message box (全天候) in lists; cases from a turn or by hand need no mark. */
export function CaseSourceBadge({ source }: { source: CaseSource }) {
  const t = useT();
  if (source !== "MESSAGE") return null;
  return (
    <span className="badge badge--source-message" data-testid="case-source">
      {t("caseSource.MESSAGE")}
    </span>
  );
}
