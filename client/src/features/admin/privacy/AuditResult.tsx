import { AUDIT_ACTIONS, type AuditAction } from "@protocol/privacy.ts";
import { useT, type MessageKey } from "../../../i18n/useT.ts";

const KNOWN_RESULTS = ["ok", "FORBIDDEN", "UNAUTHENTICATED", "RATE_LIMITED", "CONFLICT", "BAD_REQUEST", "NOT_FOUND", "PASSWORD_CHANGE_REQUIRED"] as const;

type T = ReturnType<typeof useT>;

/** An audit action in words ("修改接待日"); one the page does not know yet stays as recorded. */
export function actionWords(t: T, action: string): string {
  return (AUDIT_ACTIONS as readonly string[]).includes(action) ? t(`admin.audit.${action as AuditAction}`) : action;
}

/** An entry's result in words: 成功, or why it failed; a failure is marked by its words, not only by colour. */
export function AuditResult({ result }: { result: string }) {
  const t = useT();
  const words = (KNOWN_RESULTS as readonly string[]).includes(result)
    ? t(`admin.audit.result.${result}` as MessageKey)
    : t("admin.audit.result.other", { code: result });
  return <span className={result === "ok" ? undefined : "audit-failed"}>{words}</span>;
}
