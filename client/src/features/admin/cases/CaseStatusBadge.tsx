import type { CaseStatus } from "@protocol/model.ts";
import { useT } from "../../../i18n/useT.ts";

export function CaseStatusBadge({ status }: { status: CaseStatus }) {
  const t = useT();
  return <span className={`badge badge--case badge--case-${status.toLowerCase()}`}>{t(`caseStatus.${status}`)}</span>;
}
