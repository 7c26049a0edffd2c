import { useState } from "react";
import { Link, useParams } from "react-router-dom";
import { useDocumentTitle } from "../../hooks/useDocumentTitle.ts";
import { useT } from "../../i18n/useT.ts";
import { errorMessage } from "../../lib/error-message.ts";
import { messageApi } from "./message-api.ts";
import { MessageForm } from "./MessageForm.tsx";
import { usePublicData } from "./usePublicData.ts";
import "./messages.css";

/** /d/:userId — a deputy's public page: name, groups, stations, and a message addressed to them (handled by the chosen station). */
export function DeputyPage() {
  const { userId = "" } = useParams();
  const t = useT();
  const deputy = usePublicData(() => messageApi.deputy(userId), userId);
  const d = deputy.data?.deputy;
  const [venueId, setVenueId] = useState<string>("");
  useDocumentTitle(d ? `${d.name} · ${t("app.name")}` : t("app.name"));

  if (deputy.error) {
    return (
      <p className="page-message" role="alert">
        {deputy.error.code === "NOT_FOUND" ? t("message.deputy.notFound") : errorMessage(t, deputy.error)}
      </p>
    );
  }
  if (!d) {
    return (
      <p className="page-message" role="status">
        {t("common.loading")}
      </p>
    );
  }
  const chosen = venueId || d.venues[0]?.id || "";
  return (
    <div className="venue-page">
      <section className="card" aria-labelledby="deputy-title">
        <p className="page-head__kicker">{t("message.deputy.kicker")}</p>
        <h1 id="deputy-title">{d.name}</h1>
        {d.groups.length ? <p>{d.groups.join("、")}</p> : null}
        {d.venues.length ? (
          <>
            <h2>{t("message.deputy.stations")}</h2>
            <ul className="venue-page__days">
              {d.venues.map((v) => (
                <li key={v.id}>
                  <Link to={`/v/${encodeURIComponent(v.id)}`}>{v.name}</Link>
                  {v.address ? <span className="muted"> · {v.address}</span> : null}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
      {d.venues.length > 1 ? (
        <label className="field">
          <span className="field__label">{t("message.deputy.via")}</span>
          <select value={chosen} onChange={(e) => setVenueId(e.target.value)}>
            {d.venues.map((v) => (
              <option key={v.id} value={v.id}>
                {v.name}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      {chosen ? <MessageForm key={chosen} venueId={chosen} deputy={{ id: d.id, name: d.name }} /> : <p className="muted">{t("message.deputy.noStation")}</p>}
    </div>
  );
}
