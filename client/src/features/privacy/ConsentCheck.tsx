import type { PrivacyNoticeView } from "@protocol/privacy.ts";
import { useT } from "../../i18n/useT.ts";
import { PrivacyNoticeBox } from "./PrivacyNoticeBox.tsx";

interface Props {
  /** the input's id, unique on the page (join and booking forms can stand side by side) */
  id: string;
  notice: PrivacyNoticeView | null;
  checked: boolean;
  onChange: (checked: boolean) => void;
  error: string | undefined;
}

/** The privacy notice and the voter's consent to it: the same on every form that takes personal data. */
export function ConsentCheck({ id, notice, checked, onChange, error }: Props) {
  const t = useT();
  return (
    <>
      <PrivacyNoticeBox notice={notice} />
      <div className={`check ${error ? "field--error" : ""}`}>
        <input
          id={id}
          type="checkbox"
          name="consent"
          checked={checked}
          onChange={(e) => onChange(e.target.checked)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
        />
        <label htmlFor={id}>{t("join.consent")}</label>
        {error ? (
          <p id={`${id}-error`} className="field__error" role="alert">
            {error}
          </p>
        ) : null}
      </div>
    </>
  );
}
