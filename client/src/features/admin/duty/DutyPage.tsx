/** /admin/duty — 代表履职积分: each deputy's derived record, the score's parts, CSV, and the activity form for staff. */
import { useState, type FormEvent } from "react";
import { Link } from "react-router-dom";
import { cnDateOf, cnInstant } from "@domain/cn-calendar.ts";
import { DUTY_KINDS, type DutyKind } from "@protocol/duty.ts";
import { call, routeUrl } from "../../../api.ts";
import { useT } from "../../../i18n/useT.ts";
import { useAuth } from "../../../stores/auth.ts";
import { LoadState } from "../shared/LoadState.tsx";
import { useResource } from "../shared/useResource.ts";
import { useVenues } from "../shared/useVenues.ts";

export function DutyPage() {
  const t = useT();
  const user = useAuth((s) => s.user);
  const table = useResource(() => call("GET /api/duty", { query: {} }), "duty");
  const rows = table.data?.rows ?? [];
  return (
    <div className="bo-page">
      <h1>{t("duty.title")}</h1>
      <p className="muted">{t("duty.intro")}</p>
      <LoadState loading={table.loading} error={table.error} onRetry={() => void table.reload()}>
        {table.data ? (
          <>
            <p className="bo-formula__text" data-testid="duty-formula">
              {table.data.formula.zh}
            </p>
            <p>
              <a className="button button--small" href={routeUrl("GET /api/duty.csv", { query: {} })} download>
                {t("duty.csv")}
              </a>
            </p>
            {rows.length === 0 ? (
              <p className="muted">{t("duty.empty")}</p>
            ) : (
              <table className="bo-table" data-testid="duty-table">
                <thead>
                  <tr>
                    <th scope="col">{t("duty.deputy")}</th>
                    <th scope="col">{t("duty.attendance")}</th>
                    <th scope="col">{t("duty.turns")}</th>
                    <th scope="col">{t("duty.resolved")}</th>
                    <th scope="col">{t("duty.satisfaction")}</th>
                    <th scope="col">{t("duty.hours")}</th>
                    <th scope="col">{t("suggestion.duty.column")}</th>
                    <th scope="col">{t("duty.parts")}</th>
                    <th scope="col">{t("duty.score")}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr key={r.deputyName}>
                      <th scope="row">
                        <Link to={`/admin/duty/${encodeURIComponent(r.deputyName)}`}>{r.deputyName}</Link>
                      </th>
                      <td>{r.attendance}</td>
                      <td>{r.turns}</td>
                      <td>
                        {r.casesResolved}/{r.cases}
                      </td>
                      <td>{r.satisfaction ?? "—"}</td>
                      <td>{DUTY_KINDS.reduce((sum, k) => sum + r.hours[k], 0)}</td>
                      <td>{r.suggestions ? t("suggestion.duty.cell", { led: r.suggestions.led, coSigned: r.suggestions.coSigned }) : "—"}</td>
                      <td className="muted">
                        {r.parts.attendance} + {r.parts.turns} + {r.parts.casesResolved} + {r.parts.satisfaction} + {r.parts.activities}
                      </td>
                      <td>
                        <strong>{r.score}</strong>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </>
        ) : null}
      </LoadState>
      {user && user.role !== "DEPUTY" ? <ActivityForm onSaved={() => void table.reload()} /> : null}
    </div>
  );
}

function ActivityForm({ onSaved }: { onSaved: () => void }) {
  const t = useT();
  const { mine } = useVenues();
  const [draft, setDraft] = useState({ deputyName: "", venueId: "", kind: "TRAINING" as DutyKind, title: "", date: cnDateOf(new Date()), hours: "2" });
  const [message, setMessage] = useState<string | null>(null);
  const set = (k: keyof typeof draft, v: string) => setDraft((d) => ({ ...d, [k]: v }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const body = { ...draft, venueId: draft.venueId || mine[0]?.id || "", date: cnInstant(draft.date, "09:00:00").toISOString(), hours: Number(draft.hours) };
    const res = await call("POST /api/duty/activities", { body });
    setMessage(res.ok ? t("duty.saved") : res.error.message);
    if (res.ok) {
      setDraft((d) => ({ ...d, title: "" }));
      onSaved();
    }
  }

  return (
    <form className="card form" onSubmit={(e) => void submit(e)} aria-labelledby="duty-add-title">
      <h2 id="duty-add-title">{t("duty.add")}</h2>
      <label>
        {t("duty.deputy")}
        <input value={draft.deputyName} maxLength={50} onChange={(e) => set("deputyName", e.target.value)} required />
      </label>
      <label>
        {t("duty.venue")}
        <select value={draft.venueId} onChange={(e) => set("venueId", e.target.value)}>
          {mine.map((v) => (
            <option key={v.id} value={v.id}>
              {"　".repeat(v.depth)}
              {v.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t("duty.kind")}
        <select value={draft.kind} onChange={(e) => set("kind", e.target.value)}>
          {DUTY_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`duty.kind.${k}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t("duty.activityTitle")}
        <input value={draft.title} maxLength={100} onChange={(e) => set("title", e.target.value)} required />
      </label>
      <label>
        {t("duty.date")}
        <input type="date" value={draft.date} onChange={(e) => set("date", e.target.value)} required />
      </label>
      <label>
        {t("duty.hours")}
        <input type="number" min={0.25} max={24} step={0.25} value={draft.hours} onChange={(e) => set("hours", e.target.value)} required />
      </label>
      <button type="submit" className="button button--primary">
        {t("duty.save")}
      </button>
      {message ? <p role="status">{message}</p> : null}
    </form>
  );
}
