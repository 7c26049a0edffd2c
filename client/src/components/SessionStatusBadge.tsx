import type { SessionStatus } from "@protocol/model.ts";
import { useT } from "../i18n/useT.ts";

export function SessionStatusBadge({ status, live }: { status: SessionStatus; live?: boolean }) {
  const t = useT();
  const isLive = live ?? status === "LIVE";
  return (
    <span className={`badge badge--session-${status.toLowerCase()} ${isLive ? "badge--live" : ""}`}>
      {isLive ? <span className="live-dot" aria-hidden="true" /> : null}
      {t(`sessionStatus.${status}`)}
    </span>
  );
}
