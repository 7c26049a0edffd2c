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
  // One station handles it without asking; with several the voter chooses (nothing preselected).
  const only = d.venues.length === 1 ? d.venues[0]!.id : "";
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
      {d.venues.length ? (
        <MessageForm venueId={only} deputy={{ id: d.id, name: d.name }} {...(d.venues.length > 1 ? { stations: d.venues } : {})} />
      ) : (
        <p className="muted">{t("message.deputy.noStation")}</p>
      )}
    </div>
  );
}
