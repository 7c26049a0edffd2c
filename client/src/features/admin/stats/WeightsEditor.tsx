import { useEffect, useState, type FormEvent } from "react";
import { useT } from "../../../i18n/useT.ts";
import type { ScoringWeightsView, WeightsInput } from "@protocol/back-office.ts";
import type { ClientError } from "../../../lib/client-error.ts";
import { boApi } from "../api.ts";
import { FormError } from "../shared/LoadState.tsx";

const KEYS: (keyof WeightsInput)[] = ["sessionHeld", "voterReceived", "caseResolved", "resolvedOnTime", "satisfaction", "caseOverdue", "longWait", "waitTargetMin", "defaultDueDays", "departmentOnTime"];

/** The admin's weights of the score (stored on the server; every report follows them). */
export function WeightsEditor({ editable, onSaved }: { editable: boolean; onSaved: () => void }) {
  const t = useT();
  const [view, setView] = useState<ScoringWeightsView | null>(null);
  const [draft, setDraft] = useState<Record<string, string>>({});
  const [error, setError] = useState<ClientError | null>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    void boApi.weights().then((r) => {
      if (!r.ok) return setError(r.error);
      setView(r.data);
      setDraft(Object.fromEntries(KEYS.map((k) => [k, String(r.data.weights[k])])));
    });
  }, []);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const weights = Object.fromEntries(KEYS.map((k) => [k, Number(draft[k])])) as unknown as WeightsInput;
    const r = await boApi.saveWeights(weights);
    if (!r.ok) return setError(r.error);
    setError(null);
    setView(r.data);
    setSaved(true);
    onSaved();
  }

  if (!view) return <FormError error={error} />;
  const details = error?.details ?? {};
  return (
    <form className="bo-weights" onSubmit={(e) => void submit(e)} aria-label={t("admin.stats.weights")}>
      <p className="muted">{t("admin.stats.weightsHint")}</p>
      <div className="bo-weights__grid">
        {KEYS.map((k) => (
          <label key={k} className={details[k] ? "field--error" : ""}>
            <span>{t(`admin.stats.w.${k}`)}</span>
            <input
              type="number"
              step={k === "waitTargetMin" || k === "defaultDueDays" ? 1 : 0.5}
              min={k === "departmentOnTime" ? 0 : undefined}
              name={k}
              value={draft[k] ?? ""}
              disabled={!editable}
              aria-invalid={details[k] ? true : undefined}
              onChange={(e) => {
                setSaved(false);
                setDraft((d) => ({ ...d, [k]: e.target.value }));
              }}
            />
          </label>
        ))}
      </div>
      <FormError error={error} />
      {editable ? (
        <div className="button-row">
          <button type="submit" className="button button--primary">
            {t("admin.stats.saveWeights")}
          </button>
          <button type="button" className="button button--quiet" onClick={() => setDraft(Object.fromEntries(KEYS.map((k) => [k, String(view.defaults[k])])))}>
            {t("admin.stats.resetWeights")}
          </button>
          {saved ? (
            <span className="ok-text" role="status">
              {t("admin.common.saved")}
            </span>
          ) : null}
        </div>
      ) : null}
    </form>
  );
}
