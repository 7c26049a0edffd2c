import { useId, useState, type FormEvent } from "react";
import { useNavigate } from "react-router-dom";
import { Icon } from "../../components/Icon.tsx";
import { useT } from "../../i18n/useT.ts";

/** What people type: spaces, dashes and lower case are forgiven (codes are read out over the phone). */
export function normalizeTrackingCode(raw: string): string {
  return raw.replace(/[\s\-–—_]/g, "").toUpperCase();
}

const LOOKS_LIKE_CODE = /^[A-Z0-9]{8}$/;

/** A tracking-code lookup: on the home page and at /track. Goes to /track/:code. */
export function TrackLookupForm({ headingLevel = 2 }: { headingLevel?: 1 | 2 }) {
  const t = useT();
  const navigate = useNavigate();
  const id = useId();
  const [value, setValue] = useState("");
  const [error, setError] = useState<string | null>(null);
  const Heading = headingLevel === 1 ? "h1" : "h2";

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const code = normalizeTrackingCode(value);
    if (!code) return setError(t("track.lookup.empty"));
    if (!LOOKS_LIKE_CODE.test(code)) return setError(t("track.lookup.invalid"));
    setError(null);
    navigate(`/track/${encodeURIComponent(code)}`);
  };

  return (
    <section className="card track-lookup" aria-labelledby={`${id}-title`}>
      <Heading id={`${id}-title`}>{t("track.lookup.title")}</Heading>
      <p className="muted">{t("track.lookup.intro")}</p>
      <form className="track-lookup__form" onSubmit={submit} noValidate data-testid="track-lookup">
        <label htmlFor={`${id}-code`} className="field__label">
          {t("track.lookup.label")}
        </label>
        <div className="track-lookup__row">
          <input
            id={`${id}-code`}
            className="track-lookup__input"
            name="trackingCode"
            value={value}
            onChange={(e) => setValue(e.target.value)}
            autoCapitalize="characters"
            autoComplete="off"
            spellCheck={false}
            inputMode="text"
            maxLength={20}
            aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}
            aria-invalid={error ? true : undefined}
          />
          <button type="submit" className="button button--primary">
            <Icon name="search" /> {t("track.lookup.submit")}
          </button>
        </div>
        <p id={`${id}-hint`} className="field__hint">
          {t("track.lookup.hint")}
        </p>
        {error ? (
          <p id={`${id}-error`} className="form__error" role="alert">
            {error}
          </p>
        ) : null}
      </form>
    </section>
  );
}
