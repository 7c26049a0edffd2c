import { Link } from "react-router-dom";
import { CopyButton } from "../../components/CopyButton.tsx";
import { useT } from "../../i18n/useT.ts";

/** Shown the moment a message is taken: its tracking code in large type, a copy button and the way to the tracking page. */
export function MessageSent({ trackingCode, onAnother }: { trackingCode: string; onAnother: () => void }) {
  const t = useT();
  return (
    <section className="card message-sent" aria-labelledby="message-sent-title" data-testid="message-sent">
      <h2 id="message-sent-title" tabIndex={-1}>
        {t("message.sent.title")}
      </h2>
      <p>{t("message.sent.lead")}</p>
      <p className="message-sent__label">{t("track.code")}</p>
      <p className="message-sent__code" data-testid="message-code">
        {trackingCode}
      </p>
      <p>
        <CopyButton text={trackingCode} label={t("track.code")} />
      </p>
      <p className="muted">{t("message.sent.keep")}</p>
      <Link className="button button--primary button--large" to={`/track/${encodeURIComponent(trackingCode)}`} data-testid="message-track-link">
        {t("message.sent.track")}
      </Link>
      <p>
        <button type="button" className="link-button" onClick={onAnother}>
          {t("message.sent.another")}
        </button>
      </p>
    </section>
  );
}
