import { useConnection } from "../stores/connection.ts";
import { useT } from "../i18n/useT.ts";

/** Shown while the live socket is down: the page may be out of date. */
export function ConnectionBanner() {
  const status = useConnection((s) => s.status);
  const t = useT();
  const offline = status === "offline";
  return (
    <div role="status" aria-live="polite" className={offline ? "connection-banner" : "visually-hidden"}>
      {offline ? t("connection.offline") : ""}
    </div>
  );
}
