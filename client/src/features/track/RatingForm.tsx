import { useId, useState, type FormEvent } from "react";
import type { TrackView } from "@protocol/model.ts";
import { useT, type MessageKey } from "../../i18n/useT.ts";
import type { ClientError } from "../../lib/client-error.ts";
import { errorMessage } from "../../lib/error-message.ts";
import { sendFeedback } from "./feedback-api.ts";

/** 1–5 stars and an optional comment, once, after the case is resolved. */
export function RatingForm({ code, onRated }: { code: string; onRated: (view: TrackView) => void }) {
  const t = useT();
  const id = useId();
  const [stars, setStars] = useState(0);
  const [comment, setComment] = useState("");
  const [error, setError] = useState<ClientError | null>(null);
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!stars) return setMissing(true);
    setBusy(true);
    const res = await sendFeedback(code, stars, comment);
    setBusy(false);
    if (!res.ok) return setError(res.error);
    onRated(res.data.case);
  }

  return (
    <form className="track-rate form" onSubmit={(e) => void submit(e)} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t("track.rate.title")}</h2>
      <fieldset className="track-stars" aria-describedby={missing ? `${id}-missing` : undefined}>
        <legend>{t("track.rate.legend")}</legend>
        {[1, 2, 3, 4, 5].map((n) => (
          <label key={n} className={`track-star${n <= stars ? " is-on" : ""}`}>
            <input
              type="radio"
              name="satisfaction"
              value={n}
              checked={stars === n}
              onChange={() => {
                setStars(n);
                setMissing(false);
              }}
            />
            <span aria-hidden="true" className="track-star__glyph">
              ★
            </span>
            <span className="track-star__text">{t(`track.rate.label.${n}` as MessageKey)}</span>
            <span className="visually-hidden">{t("case.stars", { n })}</span>
          </label>
        ))}
      </fieldset>
      {missing ? (
        <p id={`${id}-missing`} className="field__error" role="alert">
          {t("track.rate.pick")}
        </p>
      ) : null}
      <div className="field">
        <label htmlFor={`${id}-comment`} className="field__label">
          {t("track.rate.comment")}
        </label>
        <textarea id={`${id}-comment`} name="comment" rows={3} maxLength={500} value={comment} onChange={(e) => setComment(e.target.value)} />
      </div>
      {error ? (
        <p className="form__error" role="alert">
          {error.code === "CONFLICT" ? t("track.rate.already") : errorMessage(t, error)}
        </p>
      ) : null}
      <button type="submit" className="button button--primary button--large" disabled={busy}>
        {t("track.rate.submit")}
      </button>
    </form>
  );
}
