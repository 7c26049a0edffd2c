import { setElder, usePreferences } from "../stores/preferences.ts";
import { useT } from "../i18n/useT.ts";

/**
 * 长辈版: one button that turns large text on and off (docs/ARCHITECTURE.md §7b).
 * The pressed state shows as a tick and a filled button, not by colour alone.
 */
export function ElderSwitch() {
  const t = useT();
  const on = usePreferences((s) => s.elder) === true;
  return (
    <button
      type="button"
      className={`elder-switch${on ? " elder-switch--on" : ""}`}
      aria-pressed={on}
      title={on ? t("elder.switchOn") : undefined}
      onClick={() => setElder(!on)}
      data-testid="elder-switch"
    >
      <span className="elder-switch__tick" aria-hidden="true">
        {on ? "✓" : "大"}
      </span>
      {t("elder.switch")}
    </button>
  );
}

/** The first visit's offer, until the voter answers it either way: short, so the page's own first step stays on the first screen. */
export function ElderOffer() {
  const t = useT();
  const chosen = usePreferences((s) => s.elder);
  if (chosen !== null) return null;
  return (
    <section className="elder-offer" aria-labelledby="elder-offer-title" data-testid="elder-offer">
      <p id="elder-offer-title" className="elder-offer__title">
        {t("elder.offer.title")}
      </p>
      <div className="button-row">
        <button type="button" className="button button--primary" onClick={() => setElder(true)}>
          {t("elder.offer.accept")}
        </button>
        <button type="button" className="button" onClick={() => setElder(false)}>
          {t("elder.offer.decline")}
        </button>
      </div>
    </section>
  );
}
