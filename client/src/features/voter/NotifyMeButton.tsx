import { useState } from "react";
import { Icon } from "../../components/Icon.tsx";
import { useT } from "../../i18n/useT.ts";
import { askNotificationPermission, notificationsSupported, unlockSound } from "../../lib/attention.ts";

/** Opt in to a system notification when called (asked only on a click). */
export function NotifyMeButton() {
  const t = useT();
  const [permission, setPermission] = useState<NotificationPermission | "unsupported">(() =>
    notificationsSupported() ? Notification.permission : "unsupported",
  );
  if (permission === "unsupported") return null;
  if (permission === "granted") return <p className="ok-text">✓ {t("ticket.notifyOn")}</p>;
  if (permission === "denied") return <p className="muted">{t("ticket.notifyDenied")}</p>;
  return (
    <button
      type="button"
      className="button"
      onClick={() => {
        unlockSound();
        void askNotificationPermission().then(setPermission);
      }}
    >
      <Icon name="bell" /> {t("ticket.notify")}
    </button>
  );
}
