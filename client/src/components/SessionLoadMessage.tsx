import { useShallow } from "zustand/react/shallow";
import { useT } from "../i18n/useT.ts";
import { useLiveSession } from "../stores/live-session.ts";

/**
 * What a live page shows until its session has loaded: loading, not found, or
 * a failed watch that the socket module keeps retrying. One wording for the
 * voter, hall, desk and screen pages.
 */
export function SessionLoadMessage({ className = "page-message" }: { className?: string }) {
  const t = useT();
  const { phase, failure } = useLiveSession(useShallow((s) => ({ phase: s.phase, failure: s.failure })));
  return (
    <p className={className || undefined} role="status">
      {phase === "failed" ? t(failure === "NOT_FOUND" ? "session.notFound" : "session.loadFailed") : t("common.loading")}
    </p>
  );
}
