import type { PrivacyNoticeView } from "@protocol/privacy.ts";
import { useT } from "../../i18n/useT.ts";
import { usePreferences } from "../../stores/preferences.ts";

/** The privacy notice, short and expandable: its first line shows, the rest opens on a tap. */
export function PrivacyNoticeBox({ notice }: { notice: PrivacyNoticeView | null }) {
  const t = useT();
  const lang = usePreferences((s) => s.lang);
  if (!notice) return null;
  const text = lang === "en" ? notice.text.en : notice.text["zh-CN"];
  const [headline, ...rest] = text.split("\n");
  return (
    <details className="privacy-notice" data-testid="privacy-notice" data-version={notice.version}>
      <summary>
        {t("privacy.notice.summary")} <span className="muted">({t("privacy.notice.version", { n: notice.version })})</span>
      </summary>
      <p className="privacy-notice__headline">{headline}</p>
      {rest.map((line, i) => (
        <p key={i}>{line}</p>
      ))}
    </details>
  );
}
